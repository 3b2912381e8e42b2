import { Link, Outlet, useMatch } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useWorkspace } from '../session';

/**
 * Campaigns and contests behind the header's one "Campaigns" entry, with their own tabs (as the
 * settings pages have theirs): the header stays one line at 1024 px.
 */
export function CampaignsLayout() {
  const { t } = useI18n();
  const context = useWorkspace();
  const base = `/w/${encodeURIComponent(context.workspace.slug)}`;
  const inCampaigns = useMatch('/w/:slug/campaigns/*');
  // A campaign's own list of contests belongs to the contests tab.
  const campaignContests = useMatch('/w/:slug/campaigns/:campaignId/contests');
  const inContests = useMatch('/w/:slug/contests/*');
  const tabs = [
    {
      to: `${base}/campaigns`,
      label: t('nav.campaigns'),
      current: !!inCampaigns && !campaignContests,
    },
    {
      to: `${base}/contests`,
      label: t('nav.contests'),
      current: !!inContests || !!campaignContests,
    },
  ];
  return (
    <div className="settings-layout">
      <nav className="segmented settings-tabs" aria-label={t('nav.campaignSections')}>
        {tabs.map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            className="segmented__item"
            aria-current={tab.current ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <Outlet context={context} />
    </div>
  );
}
