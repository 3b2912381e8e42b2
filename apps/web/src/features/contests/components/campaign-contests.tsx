import type { WorkspaceMembership } from '@postplan/contracts';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useContests } from '../api/use-contests';
import { canEditContests, formatWhen } from '../utils/contest-view';
import { ContestStatusBadge } from './contest-status-badge';
import '../contests.css';

type Props = {
  workspace: WorkspaceMembership;
  campaignId: string;
  contestHref: (id: string) => string;
  /** Where a new contest of this campaign is created. */
  newHref: string;
};

/** A campaign's contests, for the campaign's page: each with its stage, and a new one. */
export function CampaignContests({ workspace, campaignId, contestHref, newHref }: Props) {
  const { t, intlLocale } = useI18n();
  const contests = useContests(workspace.slug, campaignId);
  return (
    <section
      className="contests-card campaign-contests"
      aria-labelledby="campaign-contests-title"
      data-testid="campaign-contests"
    >
      <div className="contests-page__header">
        <h2 id="campaign-contests-title" className="contests-card__title">
          {t('contests.ofCampaign')}
        </h2>
        {canEditContests(workspace.role) && (
          <Link className="button button--small" to={newHref}>
            {t('contests.new')}
          </Link>
        )}
      </div>
      {contests.isPending && <LoadingState label={t('contests.loading')} />}
      {contests.isError && (
        <ErrorState message={t('contests.loadFailed')} detail={errorMessage(contests.error, t)} />
      )}
      {contests.isSuccess && contests.data.items.length === 0 && (
        <p className="field__hint">{t('contests.noneInCampaign')}</p>
      )}
      {contests.isSuccess && contests.data.items.length > 0 && (
        <ul className="contest-versions">
          {contests.data.items.map((contest) => (
            <li key={contest.id}>
              <Link to={contestHref(contest.id)}>{contest.title}</Link>
              <ContestStatusBadge contest={contest} />
              <span className="contests-table__muted">
                {t('contests.period', {
                  start: formatWhen(contest.entriesFrom, intlLocale, workspace.timeZone),
                  end: formatWhen(contest.entriesUntil, intlLocale, workspace.timeZone),
                })}{' '}
                · {t('contests.entriesCount', { count: contest.counts.entries })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
