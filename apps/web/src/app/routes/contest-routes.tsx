import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/ui/states';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useWorkspace } from '../session';

// The contests are their own chunk: the calendar should not wait for them.
const ContestsPage = lazy(() =>
  import('../../features/contests/components/contests-page').then((m) => ({
    default: m.ContestsPage,
  })),
);
const ContestPage = lazy(() =>
  import('../../features/contests/components/contest-page').then((m) => ({
    default: m.ContestPage,
  })),
);
const CampaignContests = lazy(() =>
  import('../../features/contests/components/campaign-contests').then((m) => ({
    default: m.CampaignContests,
  })),
);
const PublicRulesPage = lazy(() =>
  import('../../features/contests/components/public-rules-page').then((m) => ({
    default: m.PublicRulesPage,
  })),
);
const VerificationPage = lazy(() =>
  import('../../features/contests/components/verification-page').then((m) => ({
    default: m.VerificationPage,
  })),
);
const CertificatePage = lazy(() =>
  import('../../features/contests/components/certificate-page').then((m) => ({
    default: m.CertificatePage,
  })),
);

function Loading({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<LoadingState label={t('app.loading')} />}>{children}</Suspense>;
}

const base = (slug: string) => `/w/${encodeURIComponent(slug)}`;

/** `/w/:slug/contests`, and `/w/:slug/campaigns/:campaignId/contests` for one campaign's. */
export function ContestsRoute() {
  const { workspace } = useWorkspace();
  const { campaignId } = useParams();
  const [params] = useSearchParams();
  return (
    <Loading>
      <ContestsPage
        key={`${workspace.slug}-${campaignId ?? ''}`}
        workspace={workspace}
        campaignId={campaignId}
        startCreating={params.get('new') === '1'}
        contestHref={(id) => `${base(workspace.slug)}/contests/${encodeURIComponent(id)}`}
      />
    </Loading>
  );
}

export function ContestRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const { contestId = '' } = useParams();
  return (
    <Loading>
      <ContestPage
        key={`${workspace.slug}-${contestId}`}
        workspace={workspace}
        contestId={contestId}
        listHref={`${base(workspace.slug)}/contests`}
        postHref={(postId) => `${base(workspace.slug)}/calendar?post=${encodeURIComponent(postId)}`}
        campaignLink={(campaignId) => (
          <Link to={`${base(workspace.slug)}/campaigns/${encodeURIComponent(campaignId)}`}>
            {t('contests.toCampaign')}
          </Link>
        )}
      />
    </Loading>
  );
}

/** Below a campaign's page: its contests, and a new one for it. */
export function CampaignContestsSection({ campaignId }: { campaignId: string }) {
  const { workspace } = useWorkspace();
  const slug = base(workspace.slug);
  return (
    <div className="contests-page contests-page--section">
      <Suspense fallback={null}>
        <CampaignContests
          key={`${workspace.slug}-${campaignId}`}
          workspace={workspace}
          campaignId={campaignId}
          contestHref={(id) => `${slug}/contests/${encodeURIComponent(id)}`}
          newHref={`${slug}/campaigns/${encodeURIComponent(campaignId)}/contests?new=1`}
        />
      </Suspense>
    </div>
  );
}

/** The public pages of a contest: no session, no app layout (like a client's review link). */
export function PublicContestRoute({ page }: { page: 'rules' | 'verify' | 'certificate' }) {
  const { token = '' } = useParams();
  return (
    <Loading>
      {page === 'rules' && <PublicRulesPage key={token} token={token} />}
      {page === 'verify' && <VerificationPage key={token} token={token} />}
      {page === 'certificate' && <CertificatePage key={token} token={token} />}
    </Loading>
  );
}
