import { Outlet } from 'react-router';
import { LanguageSelect } from '../../components/ui/language-select';
import { useI18n } from '../../lib/i18n/i18n-context';

export function AuthLayout() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="auth-layout">
      <header className="auth-layout__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </span>
        <LanguageSelect
          value={locale}
          onChange={setLocale}
          label={t('language.label')}
          names={{ de: t('language.de'), en: t('language.en') }}
        />
      </header>
      <main className="auth-layout__main" id="main">
        <Outlet />
      </main>
      <footer className="auth-layout__footer">{t('app.tagline')}</footer>
    </div>
  );
}
