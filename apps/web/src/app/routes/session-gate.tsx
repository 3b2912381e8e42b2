import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useMe, useSetupStatus } from '../../features/auth/api/use-session';
import { errorMessage } from '../../lib/i18n/error-message';
import { useI18n } from '../../lib/i18n/i18n-context';
import type { SessionContext } from '../session';

/** Everything behind it needs a signed-in user; a fresh installation goes to the setup page first. */
export function SessionGate() {
  const { t } = useI18n();
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useMe();

  if (setup.isPending || me.isPending) return <LoadingState label={t('app.loading')} />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isError) {
    return (
      <div className="page-message">
        <ErrorState
          message={t('app.loadFailed')}
          detail={errorMessage(me.error, t)}
          action={
            <button type="button" className="button" onClick={() => void me.refetch()}>
              {t('app.retry')}
            </button>
          }
        />
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${query}`} replace />;
  }
  const context: SessionContext = { me: me.data };
  return <Outlet context={context} />;
}
