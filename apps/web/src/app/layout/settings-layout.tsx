import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../lib/permissions';
import { useWorkspace } from '../session';

/**
 * The settings pages behind the header's one "Settings" entry, with their own navigation: the
 * header stays one line however many pages the features add here.
 */
export function SettingsLayout() {
  const { t } = useI18n();
  const context = useWorkspace();
  const { workspace } = context;
  const base = `/w/${encodeURIComponent(workspace.slug)}/settings`;
  const pages: { path: string; label: string }[] = [
    { path: 'wording', label: t('nav.wordingSettings') },
    // Every member sees the channels and their connections; owners and admins change them.
    { path: 'channels', label: t('nav.channels') },
    { path: 'members', label: t('nav.members') },
    { path: 'media', label: t('nav.media') },
    { path: 'notifications', label: t('nav.notifications') },
    { path: 'account', label: t('nav.account') },
    // Every member reads the publishing log; the header stays one line with it here.
    { path: 'publishing', label: t('nav.publishingLog') },
    ...(canManageWorkspace(workspace.role)
      ? [
          { path: 'review-links', label: t('nav.reviewLinks') },
          { path: 'share-links', label: t('nav.shareLinks') },
          { path: 'approval', label: t('nav.approvalPolicy') },
          { path: 'audit', label: t('nav.audit') },
        ]
      : []),
  ];
  return (
    <div className="settings-layout">
      <nav className="segmented settings-tabs" aria-label={t('nav.settingsSections')}>
        {pages.map((page) => (
          <NavLink key={page.path} to={`${base}/${page.path}`} className="segmented__item">
            {page.label}
          </NavLink>
        ))}
      </nav>
      <Outlet context={context} />
    </div>
  );
}
