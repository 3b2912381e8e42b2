import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useNavigate, useParams } from 'react-router';
import { LoadingState } from '../components/ui/states';
import { useI18n } from '../lib/i18n/i18n-context';
import { AppLayout } from './layout/app-layout';
import { AuthLayout } from './layout/auth-layout';
import { CampaignsLayout } from './layout/campaigns-layout';
import { SettingsLayout } from './layout/settings-layout';
import { ChannelsPage } from '../features/channels/components/channels-page';
import { LoginRoute, SetupRoute } from './routes/auth-routes';
import {
  CampaignContestsSection,
  ContestRoute,
  ContestsRoute,
  PublicContestRoute,
} from './routes/contest-routes';
import { HomeRedirect } from './routes/home-redirect';
import { NotFound } from './routes/not-found';
import { SessionGate } from './routes/session-gate';
import { useSession, useWorkspace } from './session';
import { NotificationSettingsPage } from '../features/notifications/components/notification-settings-page';
import { InvitationPage } from '../features/auth/components/invitation-page';
import {
  ConfirmResetPage,
  RequestResetPage,
} from '../features/auth/components/reset-password-pages';

// FullCalendar is most of the code: the login page should not wait for it.
const CalendarRoute = lazy(() =>
  import('./routes/calendar-route').then((m) => ({ default: m.CalendarRoute })),
);

function LazyCalendar() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<LoadingState label={t('calendar.loading')} />}>
      <CalendarRoute />
    </Suspense>
  );
}

const ReviewLinksPage = lazy(() =>
  import('../features/review-links/components/review-links-page').then((m) => ({
    default: m.ReviewLinksPage,
  })),
);
const ClientReviewPage = lazy(() =>
  import('../features/review-links/components/client-review-page').then((m) => ({
    default: m.ClientReviewPage,
  })),
);

function ReviewLinksRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <ReviewLinksPage workspace={workspace} />
    </Suspense>
  );
}

const ImportPage = lazy(() =>
  import('../features/plan-exchange/components/import-page').then((m) => ({
    default: m.ImportPage,
  })),
);
const ShareLinksPage = lazy(() =>
  import('../features/plan-exchange/components/share-links-page').then((m) => ({
    default: m.ShareLinksPage,
  })),
);
const SharedPlanPage = lazy(() =>
  import('../features/plan-exchange/components/shared-plan-page').then((m) => ({
    default: m.SharedPlanPage,
  })),
);

function ImportRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <ImportPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

function ShareLinksRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <ShareLinksPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

/** The read-only plan a stakeholder opens from a share link: no session, no app layout. */
function SharedPlanRoute() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <SharedPlanPage key={token} token={token} />
    </Suspense>
  );
}

const MediaLibraryPage = lazy(() =>
  import('../features/media/components/media-library-page').then((m) => ({
    default: m.MediaLibraryPage,
  })),
);

function MediaRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('media.loading')} />}>
      <MediaLibraryPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

const WordingSettingsPage = lazy(() =>
  import('../features/settings/components/wording-settings-page').then((m) => ({
    default: m.WordingSettingsPage,
  })),
);

function WordingSettingsRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <WordingSettingsPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

const MembersPage = lazy(() =>
  import('../features/members/components/members-page').then((m) => ({
    default: m.MembersPage,
  })),
);

function ChannelsRoute() {
  const { workspace } = useWorkspace();
  return <ChannelsPage key={workspace.slug} workspace={workspace} />;
}

function MembersRoute() {
  const { t } = useI18n();
  const { me, workspace } = useWorkspace();
  const navigate = useNavigate();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <MembersPage
        key={workspace.slug}
        workspace={workspace}
        currentUserId={me.user.id}
        // Whoever left the workspace starts again at home, in a workspace they still have.
        onLeft={() => void navigate('/', { replace: true })}
      />
    </Suspense>
  );
}

// Review and approval: the queue composes the editor, so it loads lazily like the calendar.
const ReviewRoute = lazy(() =>
  import('./routes/review-route').then((m) => ({ default: m.ReviewRoute })),
);
const ApprovalPolicyPage = lazy(() =>
  import('../features/review/components/approval-policy-page').then((m) => ({
    default: m.ApprovalPolicyPage,
  })),
);
const AuditLogPage = lazy(() =>
  import('../features/audit/components/audit-log-page').then((m) => ({
    default: m.AuditLogPage,
  })),
);

function LazyReview() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<LoadingState label={t('queue.loading')} />}>
      <ReviewRoute />
    </Suspense>
  );
}

function ApprovalPolicyRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('policy.loading')} />}>
      <ApprovalPolicyPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

function AuditLogRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('audit.loading')} />}>
      <AuditLogPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

const AccountPage = lazy(() =>
  import('../features/account/components/account-page').then((m) => ({
    default: m.AccountPage,
  })),
);

function AccountRoute() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <AccountPage me={me} />
    </Suspense>
  );
}

const CampaignsPage = lazy(() =>
  import('../features/campaigns/components/campaigns-page').then((m) => ({
    default: m.CampaignsPage,
  })),
);
const CampaignPage = lazy(() =>
  import('../features/campaigns/components/campaign-page').then((m) => ({
    default: m.CampaignPage,
  })),
);

function CampaignsRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('campaigns.loading')} />}>
      <CampaignsPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

function CampaignRoute() {
  const { t } = useI18n();
  const { me, workspace } = useWorkspace();
  const { id = '' } = useParams();
  return (
    <Suspense fallback={<LoadingState label={t('campaigns.loading')} />}>
      <CampaignPage
        key={`${workspace.slug}:${id}`}
        workspace={workspace}
        userId={me.user.id}
        campaignId={id}
      />
      {/* The campaign's contests, composed here: the two features do not know each other. */}
      <CampaignContestsSection campaignId={id} />
    </Suspense>
  );
}

const PublishingLogPage = lazy(() =>
  import('../features/publishing/components/publishing-log-page').then((m) => ({
    default: m.PublishingLogPage,
  })),
);

function PublishingLogRoute() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <Suspense fallback={<LoadingState label={t('publishing.log.loading')} />}>
      <PublishingLogPage key={workspace.slug} workspace={workspace} />
    </Suspense>
  );
}

/** An invitation link: works signed in (accept) and signed out (join with a new account). */
function InvitationRoute() {
  const { token = '' } = useParams();
  return <InvitationPage key={token} token={token} />;
}

function ConfirmResetRoute() {
  const { token = '' } = useParams();
  return <ConfirmResetPage key={token} token={token} />;
}

/** The page a client opens from a review link: no session, no app layout. */
function ClientReviewRoute() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  return (
    <Suspense fallback={<LoadingState label={t('app.loading')} />}>
      <ClientReviewPage key={token} token={token} />
    </Suspense>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AuthLayout />,
      children: [
        { path: '/login', element: <LoginRoute /> },
        { path: '/setup', element: <SetupRoute /> },
        { path: '/invite/:token', element: <InvitationRoute /> },
        { path: '/reset-password', element: <RequestResetPage /> },
        { path: '/reset-password/:token', element: <ConfirmResetRoute /> },
      ],
    },
    {
      element: <SessionGate />,
      children: [
        { path: '/', element: <HomeRedirect /> },
        // Also outside any workspace: someone who is in none yet answers invitations here.
        { path: '/account', element: <AccountRoute /> },
        {
          path: '/w/:slug',
          element: <AppLayout />,
          children: [
            { index: true, element: <Navigate to="calendar" replace /> },
            { path: 'calendar', element: <LazyCalendar /> },
            { path: 'review', element: <LazyReview /> },
            {
              element: <CampaignsLayout />,
              children: [
                { path: 'campaigns', element: <CampaignsRoute /> },
                { path: 'campaigns/:id', element: <CampaignRoute /> },
                { path: 'campaigns/:campaignId/contests', element: <ContestsRoute /> },
                { path: 'contests', element: <ContestsRoute /> },
                { path: 'contests/:contestId', element: <ContestRoute /> },
              ],
            },
            { path: 'import', element: <ImportRoute /> },
            { path: 'media', element: <MediaRoute /> },
            {
              path: 'settings',
              element: <SettingsLayout />,
              children: [
                { index: true, element: <Navigate to="wording" replace /> },
                { path: 'approval', element: <ApprovalPolicyRoute /> },
                { path: 'audit', element: <AuditLogRoute /> },
                { path: 'review-links', element: <ReviewLinksRoute /> },
                { path: 'wording', element: <WordingSettingsRoute /> },
                { path: 'members', element: <MembersRoute /> },
                // The media library; /w/:slug/media opens the same page on its own.
                { path: 'media', element: <MediaRoute /> },
                { path: 'channels', element: <ChannelsRoute /> },
                { path: 'notifications', element: <NotificationSettingsPage /> },
                { path: 'account', element: <AccountRoute /> },
                { path: 'share-links', element: <ShareLinksRoute /> },
                { path: 'publishing', element: <PublishingLogRoute /> },
              ],
            },
          ],
        },
      ],
    },
    { path: '/r/:token', element: <ClientReviewRoute /> },
    { path: '/s/:token', element: <SharedPlanRoute /> },
    { path: '/c/:token/rules', element: <PublicContestRoute page="rules" /> },
    { path: '/c/:token/verify', element: <PublicContestRoute page="verify" /> },
    { path: '/c/:token/certificate', element: <PublicContestRoute page="certificate" /> },
    { path: '*', element: <NotFound /> },
  ]);
}
