import type { PublicationLogEntry, WorkspaceMembership } from '@postplan/contracts';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DateRangeFields } from '../../../components/ui/date-range-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePublicationLog } from '../api/use-publications';
import { plannedMinute } from '../utils/countdown';
import {
  filtersFromParams,
  filtersToParams,
  logQuery,
  PERIOD_FILTERS,
  rangeError,
  STATUS_FILTERS,
  type LogFilters,
  type StatusFilter,
} from '../utils/log-filters';
import { PublicationBadge } from './publication-badge';
import './publishing.css';

/**
 * The workspace's publishing log: every publication with what, where, when, the outcome, who
 * acted and the link, newest first; filters by status and period live in the URL.
 */
export function PublishingLogPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t, intlLocale } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const badRange = rangeError(filters);
  const query = useMemo(
    () => logQuery(filters, new Date(), workspace.timeZone),
    [filters, workspace.timeZone],
  );
  const log = usePublicationLog(workspace.slug, query, badRange === null);
  const entries: PublicationLogEntry[] = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<LogFilters>) =>
    setParams(filtersToParams({ ...filters, ...patch }), { replace: true });
  const when = (iso: string) => plannedMinute(iso, workspace.timeZone, intlLocale);
  const filtered = filters.status !== 'all' || filters.period !== 'all';
  const postHref = (postId: string) =>
    `/w/${encodeURIComponent(workspace.slug)}/calendar?post=${encodeURIComponent(postId)}`;

  return (
    <div className="publishing-log" data-testid="publishing-log">
      <header>
        <h1 className="publishing-log__title">{t('publishing.log.title')}</h1>
        <p className="publishing-log__intro">
          {t('publishing.log.intro', { zone: workspace.timeZone.replaceAll('_', ' ') })}
        </p>
      </header>

      <form
        className="publishing-log__filters"
        aria-label={t('publishing.log.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="publishing-log__field">
          <label htmlFor={`${id}-status`}>{t('publishing.log.filter.status')}</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(e) =>
              set({ status: STATUS_FILTERS.find((s) => s === e.target.value) ?? 'all' })
            }
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {statusFilterLabel(s, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="publishing-log__field">
          <label htmlFor={`${id}-period`}>{t('publishing.log.filter.period')}</label>
          <select
            id={`${id}-period`}
            value={filters.period}
            onChange={(e) =>
              set({ period: PERIOD_FILTERS.find((p) => p === e.target.value) ?? 'all' })
            }
          >
            {PERIOD_FILTERS.map((p) => (
              <option key={p} value={p}>
                {t(`publishing.log.period.${p}` as const)}
              </option>
            ))}
          </select>
        </div>
        {filters.period === 'custom' && (
          <DateRangeFields
            id={id}
            from={filters.from}
            to={filters.to}
            labels={{ from: t('publishing.log.filter.from'), to: t('publishing.log.filter.to') }}
            onChange={set}
            errorId={badRange ? `${id}-range` : undefined}
            fieldClassName="publishing-log__field"
          />
        )}
        {filtered && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t('publishing.log.filter.clear')}
          </button>
        )}
        {badRange && (
          <p id={`${id}-range`} className="field__error" role="alert">
            {t('publishing.log.filter.badRange')}
          </p>
        )}
      </form>

      <div className="publishing-log__card">
        {badRange ? null : log.isPending ? (
          <LoadingState label={t('publishing.log.loading')} />
        ) : log.isError && !log.data ? (
          <ErrorState
            message={t('publishing.log.loadFailed')}
            detail={errorMessage(log.error, t)}
            action={
              <button type="button" className="button" onClick={() => void log.refetch()}>
                {t('app.retry')}
              </button>
            }
          />
        ) : entries.length === 0 ? (
          <EmptyState
            message={t(filtered ? 'publishing.log.emptyFiltered' : 'publishing.log.empty')}
          />
        ) : (
          <>
            <table className="publishing-log__table" data-testid="publishing-log-table">
              <thead>
                <tr>
                  <th scope="col">{t('publishing.log.col.when')}</th>
                  <th scope="col">{t('publishing.log.col.what')}</th>
                  <th scope="col">{t('publishing.log.col.outcome')}</th>
                  <th scope="col">{t('publishing.log.col.who')}</th>
                  <th scope="col">{t('publishing.log.col.link')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr
                    key={entry.id}
                    data-testid="publishing-log-row"
                    data-status={entry.status}
                    data-post-id={entry.post.id}
                  >
                    <td className="publishing-log__when">
                      <time dateTime={entry.dueAt}>{when(entry.dueAt)}</time>
                      {entry.publishedAt && (
                        <span className="publishing-log__sub">
                          {t('publishing.log.publishedAt', { when: when(entry.publishedAt) })}
                        </span>
                      )}
                    </td>
                    <td>
                      <Link to={postHref(entry.post.id)} className="publishing-log__post">
                        {entry.post.title.trim() || t('publishing.log.untitled')}
                      </Link>
                      <span className="publishing-log__sub">
                        {entry.channel.name} · {entry.channel.platform}
                      </span>
                    </td>
                    <td>
                      <PublicationBadge status={entry.status} />
                      {entry.lastError &&
                        entry.status !== 'published' &&
                        entry.status !== 'pending' && (
                          <span className="publishing-log__sub">{entry.lastError.message}</span>
                        )}
                      {entry.attempts > 1 && (
                        <span className="publishing-log__sub">
                          {t('publishing.log.attempts', { count: entry.attempts })}
                        </span>
                      )}
                    </td>
                    <td>
                      <span>{t('publishing.log.author', { name: entry.post.authorName })}</span>
                      <span className="publishing-log__sub">
                        {entry.lastActor
                          ? t('publishing.log.lastActor', { name: entry.lastActor.name })
                          : t('publishing.log.engine')}
                      </span>
                    </td>
                    <td>
                      {entry.url ? (
                        <a href={entry.url} target="_blank" rel="noopener noreferrer">
                          {t('publishing.published.open')}
                        </a>
                      ) : (
                        <span className="publishing-log__sub">–</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="publishing-log__more" aria-live="polite">
              <span className="publishing-log__sub">
                {t('publishing.log.count', { count: entries.length })}
              </span>
              {log.hasNextPage && (
                <button
                  type="button"
                  className="button"
                  disabled={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                >
                  {log.isFetchingNextPage
                    ? t('publishing.log.loadingMore')
                    : t('publishing.log.loadMore')}
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function statusFilterLabel(status: StatusFilter, t: ReturnType<typeof useI18n>['t']): string {
  if (status === 'all') return t('publishing.log.status.all');
  if (status === 'attention') return t('publishing.log.status.attention');
  return t(`publishing.status.${status}`);
}
