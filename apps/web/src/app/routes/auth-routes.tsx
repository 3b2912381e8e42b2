import { Navigate } from 'react-router';
import { LoadingState } from '../../components/ui/states';
import { LoginPage } from '../../features/auth/components/login-page';
import { SetupPage } from '../../features/auth/components/setup-page';
import { useMe, useSetupStatus } from '../../features/auth/api/use-session';
import { useI18n } from '../../lib/i18n/i18n-context';

export function LoginRoute() {
  const { t } = useI18n();
  const setup = useSetupStatus();
  const me = useMe();
  if (setup.isPending || me.isPending) return <LoadingState label={t('app.loading')} />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to="/" replace />;
  return <LoginPage />;
}

export function SetupRoute() {
  const { t } = useI18n();
  const setup = useSetupStatus();
  if (setup.isPending) return <LoadingState label={t('app.loading')} />;
  if (setup.data && !setup.data.needed) return <Navigate to="/" replace />;
  return <SetupPage />;
}
