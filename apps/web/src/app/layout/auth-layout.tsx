import { Outlet } from 'react-router';
import { PublicHeader } from '../../components/ui/public-header';
import { useI18n } from '../../lib/i18n/i18n-context';

export function AuthLayout() {
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <PublicHeader className="auth-layout__header" />
      <main className="auth-layout__main" id="main">
        <Outlet />
      </main>
      <footer className="auth-layout__footer">{t('app.tagline')}</footer>
    </div>
  );
}
