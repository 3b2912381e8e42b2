import { hasRole, type CampaignDetail, type WorkspaceMembership } from '@postplan/contracts';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { StatusBadge } from '../../../components/ui/status-badge';
import { isApiError } from '../../../lib/api/api-error';
import { useChannels } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useCampaign } from '../api/use-campaigns';
import { formatPeriod, formatPlanned } from '../utils/campaign-format';
import { awaitingApproval, publishedLinks, timelineLanes } from '../utils/campaign-timeline';
import { CampaignSettingsForm } from './campaign-settings-form';
import '../campaigns.css';

type Props = { workspace: WorkspaceMembership; userId: string; campaignId: string };

/** Editors change any campaign; an author the ones they own (as the API decides). */
export function canEditCampaign(
  role: WorkspaceMembership['role'],
  campaign: Pick<CampaignDetail, 'ownerId'>,
  userId: string,
): boolean {
  return hasRole(role, 'editor') || (role === 'author' && campaign.ownerId === userId);
}

/** One campaign: where it stands, its posts over its period, its report, its settings. */
export function CampaignPage({ workspace, userId, campaignId }: Props) {
  const { t } = useI18n();
  const query = useCampaign(workspace.slug, campaignId);
  if (query.isLoading) return <LoadingState label={t('campaigns.loading')} />;
  if (query.isError || !query.data) {
    return (
      <div className="campaigns-page">
        <ErrorState
          message={
            isApiError(query.error, 'CAMPAIGN_NOT_FOUND')
              ? t('error.CAMPAIGN_NOT_FOUND')
              : t('campaigns.loadFailed')
          }
          detail={errorMessage(query.error, t)}
        />
        <Link to={`/w/${encodeURIComponent(workspace.slug)}/campaigns`} className="button">
          {t('campaigns.back')}
        </Link>
      </div>
    );
  }
  return <CampaignView workspace={workspace} userId={userId} campaign={query.data} />;
}

function CampaignView({
  workspace,
  userId,
  campaign,
}: {
  workspace: WorkspaceMembership;
  userId: string;
  campaign: CampaignDetail;
}) {
  const { t, intlLocale, locale } = useI18n();
  const { channelsById } = useChannels(workspace.slug);
  const slug = encodeURIComponent(workspace.slug);
  const { lanes, unplanned } = timelineLanes(campaign);
  const waiting = awaitingApproval(campaign.posts);
  const published = publishedLinks(campaign.posts);
  const report = (ext: 'csv' | 'xlsx') =>
    `/api/v1/workspaces/${slug}/exports/campaigns/${campaign.id}/report.${ext}?lang=${locale}`;
  const calendarHref = `/w/${slug}/calendar?view=month&date=${campaign.startsOn}&campaign=${campaign.id}`;
  const planned = (instant: string | null) =>
    instant ? formatPlanned(instant, intlLocale, workspace.timeZone) : t('campaigns.unplanned');

  return (
    <div className="campaigns-page" data-testid="campaign-page" data-campaign-id={campaign.id}>
      <header className="campaigns-page__header">
        <Link to={`/w/${slug}/campaigns`} className="campaigns-page__back">
          ← {t('campaigns.back')}
        </Link>
        <h1 className="campaigns-page__title">
          <span
            className="campaign-swatch"
            style={{ background: campaign.color }}
            aria-hidden="true"
          />
          {campaign.name}
        </h1>
        <p className="campaigns-page__intro">
          {formatPeriod(campaign.startsOn, campaign.endsOn, intlLocale)} ·{' '}
          {t('campaigns.postCount', { count: campaign.postCount })}
        </p>
        <div className="campaign-actions">
          <Link to={calendarHref} className="button button--small">
            {t('campaigns.openCalendar')}
          </Link>
          <a className="button button--ghost button--small" href={report('csv')} download>
            {t('campaigns.report.csv')}
          </a>
          <a className="button button--ghost button--small" href={report('xlsx')} download>
            {t('campaigns.report.xlsx')}
          </a>
        </div>
      </header>

      <section className="campaign-section" aria-labelledby="campaign-goal">
        <h2 id="campaign-goal">{t('campaigns.goal')}</h2>
        <p data-testid="campaign-goal">
          {campaign.goal.text || t('campaigns.noGoal')}
          {campaign.goal.target !== null && (
            <strong className="campaign-goal__target">
              {' '}
              {t('campaigns.target', {
                target: new Intl.NumberFormat(intlLocale).format(campaign.goal.target),
                unit: campaign.goal.unit ?? '',
              })}
            </strong>
          )}
        </p>
        {campaign.brief && (
          <>
            <h3>{t('campaigns.brief')}</h3>
            <p className="campaign-brief">{campaign.brief}</p>
          </>
        )}
      </section>

      <section className="campaign-section" aria-labelledby="campaign-timeline">
        <h2 id="campaign-timeline">{t('campaigns.timeline')}</h2>
        {lanes.length === 0 && unplanned.length === 0 && <p>{t('campaigns.noPosts')}</p>}
        <div className="campaign-timeline" data-testid="campaign-timeline">
          {lanes.map((lane) => (
            <div key={lane.channelId} className="campaign-timeline__lane">
              <span className="campaign-timeline__channel">
                {channelsById.get(lane.channelId)?.name ?? lane.name}
              </span>
              <div className="campaign-timeline__track">
                {lane.items.map(({ post, status, left }) => (
                  <span
                    key={post.id}
                    className={`campaign-timeline__post campaign-timeline__post--${status}`}
                    style={{ left: `${left}%` }}
                    data-testid="timeline-post"
                    data-post-id={post.id}
                    data-status={status}
                    title={`${post.title || post.text.slice(0, 60)} · ${planned(post.plannedAt)} · ${t(`status.${status}`)}`}
                  />
                ))}
              </div>
            </div>
          ))}
        </div>
        {unplanned.length > 0 && (
          <p className="field__hint">
            {t('campaigns.unplannedCount', { count: unplanned.length })}
          </p>
        )}
      </section>

      <section className="campaign-section" aria-labelledby="campaign-waiting">
        <h2 id="campaign-waiting">{t('campaigns.waiting')}</h2>
        {waiting.length === 0 ? (
          <p>{t('campaigns.waitingNone')}</p>
        ) : (
          <ul className="campaign-posts" data-testid="campaign-waiting">
            {waiting.map((post) => (
              <li key={post.id}>
                <StatusBadge status={post.status} label={t(`status.${post.status}`)} />{' '}
                <span>{post.title || post.text.slice(0, 80)}</span>{' '}
                <span className="field__hint">{planned(post.plannedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="campaign-section" aria-labelledby="campaign-published">
        <h2 id="campaign-published">{t('campaigns.published')}</h2>
        {published.length === 0 ? (
          <p>{t('campaigns.publishedNone')}</p>
        ) : (
          <ul className="campaign-posts" data-testid="campaign-published">
            {published.map(({ post, channel, url }) => (
              <li key={`${post.id}:${channel.channelId}`}>
                <span>{post.title || post.text.slice(0, 80)}</span> · {channel.name}{' '}
                {url ? (
                  <a href={url} target="_blank" rel="noreferrer noopener">
                    {t('campaigns.openPublished')}
                  </a>
                ) : (
                  <span className="field__hint">{t('campaigns.noLink')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CampaignSettingsForm
        key={campaign.version}
        workspace={workspace}
        campaign={campaign}
        editable={canEditCampaign(workspace.role, campaign, userId)}
      />
    </div>
  );
}
