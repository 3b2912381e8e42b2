import { Link, Navigate } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n-context';
import { pickWorkspace, readLastWorkspace } from '../../lib/last-workspace';
import { useSession } from '../session';

export function HomeRedirect() {
  const { me } = useSession();
  const { t } = useI18n();
  const workspace = pickWorkspace(me.workspaces, readLastWorkspace());
  if (!workspace) {
    return (
      <div className="page-message">
        <h1>{t('workspace.none.title')}</h1>
        <p>{t('workspace.none.body')}</p>
        <p>
          <Link to="/account">{t('workspace.none.invitations')}</Link>
        </p>
      </div>
    );
  }
  return <Navigate to={`/w/${encodeURIComponent(workspace.slug)}/calendar`} replace />;
}
