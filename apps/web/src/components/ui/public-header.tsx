import { useI18n } from '../../lib/i18n/i18n-context';
import { LanguageSelect } from './language-select';

/**
 * The header of pages seen without a session (login, setup, a client's review link): the
 * brand and the language choice, which is kept in the browser only.
 */
export function PublicHeader({ className }: { className: string }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <header className={className}>
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
  );
}
