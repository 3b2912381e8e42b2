import type { AuditEntry, WorkspaceMembership } from '@postplan/contracts';
import { useId, useMemo, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useMembers } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canManageWorkspace } from '../../../lib/permissions';
import { useAuditLog } from '../api/use-audit';
import {
  AUDIT_ACTIONS,
  auditQuery,
  EMPTY_AUDIT_FILTERS,
  rangeIsValid,
  type AuditFilters,
} from '../utils/audit-filters';
import { actorName, describeEntry, type DescribeContext } from '../utils/describe-entry';
import './audit.css';
import { DateRangeFields } from '../../../components/ui/date-range-fields';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The workspace's audit log for owners and admins: filters, newest first, "load more". */
export function AuditLogPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t, intlLocale } = useI18n();
  const id = useId();
  const allowed = canManageWorkspace(workspace.role);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const validRange = rangeIsValid(filters);
  const query = useMemo(
    () => auditQuery(filters, workspace.timeZone),
    [filters, workspace.timeZone],
  );
  const log = useAuditLog(workspace.slug, query, allowed && validRange);
  const members = useMembers(workspace.slug, allowed);
  const memberNames = useMemo(
    () => new Map((members.data?.items ?? []).map((m) => [m.userId, m.name])),
    [members.data],
  );
  const format = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: workspace.timeZone,
  });
  const ctx: DescribeContext = {
    t,
    nameOf: (userId) => memberNames.get(userId) ?? null,
    levelName: () => null,
    when: (iso) => format.format(new Date(iso)),
  };
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const entries: AuditEntry[] = log.data?.pages.flatMap((p) => p.items) ?? [];
  const active = Object.values(filters).some(Boolean);

  const who = (entry: AuditEntry) => {
    switch (entry.actor.type) {
      case 'system':
        return t('audit.actor.system');
      case 'anonymous':
        return entry.actor.name ?? t('audit.actor.anonymous');
      case 'user':
      case 'link':
        return actorName(entry, t);
    }
  };

  if (!allowed) {
    return (
      <div className="audit-page">
        <h1 className="audit-page__title">{t('audit.title')}</h1>
        <p className="notice" role="note">
          {t('audit.readOnly')}
        </p>
      </div>
    );
  }

  return (
    <div className="audit-page" data-testid="audit-page">
      <header>
        <h1 className="audit-page__title">{t('audit.title')}</h1>
        <p className="audit-page__intro">
          {t('audit.intro', { zone: workspace.timeZone.replaceAll('_', ' ') })}
        </p>
      </header>

      <form
        className="audit-filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="audit-filters__field">
          <label htmlFor={`${id}-action`}>{t('audit.filter.action')}</label>
          <select
            id={`${id}-action`}
            value={filters.action}
            onChange={(e) => set({ action: e.target.value })}
          >
            <option value="">{t('audit.filter.all')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {t(a.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="audit-filters__field">
          <label htmlFor={`${id}-actor`}>{t('audit.filter.member')}</label>
          <select
            id={`${id}-actor`}
            value={filters.actor}
            onChange={(e) => set({ actor: e.target.value })}
          >
            <option value="">{t('audit.filter.all')}</option>
            {(members.data?.items ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <DateRangeFields
          id={id}
          from={filters.from}
          to={filters.to}
          labels={{ from: t('audit.filter.from'), to: t('audit.filter.to') }}
          onChange={set}
          errorId={validRange ? undefined : `${id}-range`}
          fieldClassName="audit-filters__field"
        />
        {active && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setFilters(EMPTY_AUDIT_FILTERS)}
          >
            {t('audit.filter.clear')}
          </button>
        )}
        {!validRange && (
          <p id={`${id}-range`} className="field__error" role="alert">
            {t('audit.filter.badRange')}
          </p>
        )}
      </form>

      <div className="audit-page__card">
        {!validRange ? null : log.isPending ? (
          <LoadingState label={t('audit.loading')} />
        ) : log.isError && !log.data ? (
          <ErrorState
            message={t('audit.loadFailed')}
            detail={errorMessage(log.error, t)}
            action={
              <button type="button" className="button" onClick={() => void log.refetch()}>
                {t('app.retry')}
              </button>
            }
          />
        ) : entries.length === 0 ? (
          <EmptyState message={t('audit.empty')} />
        ) : (
          <>
            <table className="audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.when')}</th>
                  <th scope="col">{t('audit.col.who')}</th>
                  <th scope="col">{t('audit.col.what')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const { text, note } = describeEntry(entry, ctx);
                  const hasDetails = entry.before !== null || entry.after !== null || entry.reason;
                  return (
                    <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                      <td className="audit-table__when">
                        <time dateTime={entry.at}>{ctx.when(entry.at)}</time>
                      </td>
                      <td>{who(entry)}</td>
                      <td>
                        <span className="audit-table__text">{text}</span>
                        <code className="audit-table__action">{entry.action}</code>
                        {entry.postId && (
                          <span className="audit-table__post">
                            {t('audit.post', { id: entry.postId.slice(0, 8) })}
                          </span>
                        )}
                        {note && <q className="audit-table__note">{note}</q>}
                        {hasDetails && (
                          <details className="audit-table__details">
                            <summary>{t('audit.details')}</summary>
                            {entry.reason && (
                              <p>
                                <strong>{t('audit.reason')}:</strong> {entry.reason}
                              </p>
                            )}
                            {entry.before !== null && (
                              <>
                                <p>
                                  <strong>{t('audit.before')}</strong>
                                </p>
                                <pre>{json(entry.before)}</pre>
                              </>
                            )}
                            {entry.after !== null && (
                              <>
                                <p>
                                  <strong>{t('audit.after')}</strong>
                                </p>
                                <pre>{json(entry.after)}</pre>
                              </>
                            )}
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="audit-page__more" aria-live="polite">
              <span className="audit-page__count">
                {t('audit.count', { count: entries.length })}
              </span>
              {log.hasNextPage ? (
                <button
                  type="button"
                  className="button"
                  disabled={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                  data-testid="audit-load-more"
                >
                  {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
                </button>
              ) : (
                <span className="audit-page__count">{t('audit.end')}</span>
              )}
            </div>
            {log.isFetchNextPageError && (
              <p className="field__error" role="alert">
                {t('audit.loadFailed')}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
