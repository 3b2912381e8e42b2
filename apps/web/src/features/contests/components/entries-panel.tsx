import type {
  CollectEntriesResult,
  Contest,
  EntryCsvReport,
  WorkspaceMembership,
} from '@postplan/contracts';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../../components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  useCollectEntries,
  useCsvImport,
  useEntrants,
  useEntries,
  useExclusion,
} from '../api/use-contests';
import {
  canDecideContests,
  canEditContests,
  countByStatus,
  entryRows,
  filterRows,
  type EntryFilter,
} from '../utils/contest-view';
import { EntriesTable } from './entries-table';

type Props = { workspace: WorkspaceMembership; contest: Contest };

/** Entries: collect them from the contest posts, import a CSV (dry run first), and see each one. */
export function EntriesPanel({ workspace, contest }: Props) {
  const { t } = useI18n();
  const entries = useEntries(workspace.slug, contest.id);
  const entrants = useEntrants(workspace.slug, contest.id);
  const [filter, setFilter] = useState<EntryFilter>({ status: 'all', search: '' });
  const open = contest.status === 'open';
  const rows = useMemo(
    () => (entries.data && entrants.data ? entryRows(entries.data.items, entrants.data.items) : []),
    [entries.data, entrants.data],
  );
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const counts = countByStatus(rows);

  return (
    <div className="contests-page__stack" data-testid="contest-entries">
      {open && canEditContests(workspace.role) && (
        <div className="contest-entry-sources">
          {(contest.entryMethods.includes('comment') ||
            contest.entryMethods.includes('keyword')) && (
            <CollectCard workspace={workspace} contest={contest} />
          )}
          {contest.entryMethods.includes('csv') && (
            <CsvCard workspace={workspace} contest={contest} />
          )}
        </div>
      )}
      {!open && <p className="alert alert--warning">{t('contests.entries.frozen')}</p>}

      <section className="contests-card" aria-labelledby="entries-title">
        <h2 id="entries-title" className="contests-card__title">
          {t('contests.entries.title')}
        </h2>
        {(entries.isPending || entrants.isPending) && (
          <LoadingState label={t('contests.entries.loading')} />
        )}
        {(entries.isError || entrants.isError) && (
          <ErrorState
            message={t('contests.entries.loadFailed')}
            detail={errorMessage(entries.error ?? entrants.error, t)}
          />
        )}
        {entries.isSuccess && entrants.isSuccess && (
          <>
            <p data-testid="entries-summary">
              {t('contests.entries.summary', {
                entries: entrants.data.counts.entries,
                entrants: entrants.data.counts.entrants,
                eligible: entrants.data.counts.eligible,
                excluded: entrants.data.counts.excluded,
              })}
            </p>
            {rows.length === 0 ? (
              <EmptyState message={t('contests.entries.empty')} />
            ) : (
              <>
                <div className="contest-filter">
                  <Field label={t('contests.entries.filterStatus')}>
                    <select
                      value={filter.status}
                      onChange={(e) =>
                        setFilter({ ...filter, status: e.target.value as EntryFilter['status'] })
                      }
                    >
                      <option value="all">
                        {t('contests.entries.filter.all', { count: rows.length })}
                      </option>
                      <option value="eligible">
                        {t('contests.entries.filter.eligible', { count: counts.eligible })}
                      </option>
                      <option value="excluded">
                        {t('contests.entries.filter.excluded', { count: counts.excluded })}
                      </option>
                      <option value="merged">
                        {t('contests.entries.filter.merged', { count: counts.merged })}
                      </option>
                    </select>
                  </Field>
                  <Field label={t('contests.entries.search')}>
                    <input
                      type="search"
                      value={filter.search}
                      onChange={(e) => setFilter({ ...filter, search: e.target.value })}
                    />
                  </Field>
                </div>
                <ExclusionControls workspace={workspace} contest={contest}>
                  {(onExclude, onInclude, busy) => (
                    <EntriesTable
                      rows={shown}
                      timeZone={workspace.timeZone}
                      onExclude={open && canDecideContests(workspace.role) ? onExclude : undefined}
                      onInclude={open && canDecideContests(workspace.role) ? onInclude : undefined}
                      busyEntrant={busy}
                    />
                  )}
                </ExclusionControls>
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function ExclusionControls({
  workspace,
  contest,
  children,
}: {
  workspace: WorkspaceMembership;
  contest: Contest;
  children: (
    onExclude: (entrantId: string, label: string) => void,
    onInclude: (entrantId: string) => void,
    busy: string | null,
  ) => ReactNode;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const exclusion = useExclusion(workspace.slug, contest.id);
  const [excluding, setExcluding] = useState<{ id: string; label: string } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const onError = (error: unknown) =>
    toast.show({ tone: 'error', message: errorMessage(error, t) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!excluding) return;
    if (reason.trim().length < 3) {
      setReasonError(t('contests.entries.reasonTooShort'));
      return;
    }
    exclusion.mutate(
      { entrantId: excluding.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setExcluding(null);
          setReason('');
          setReasonError(null);
        },
        onError,
      },
    );
  };

  return (
    <>
      {excluding && (
        <form className="contest-form contests-card" onSubmit={submit} noValidate>
          <Field
            label={t('contests.entries.excludeReason', { entrant: excluding.label })}
            hint={t('contests.entries.excludeHint')}
            error={reasonError}
          >
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="contests-card__actions">
            <button type="button" className="button" onClick={() => setExcluding(null)}>
              {t('contests.form.cancel')}
            </button>
            <button type="submit" className="button button--danger" disabled={exclusion.isPending}>
              {t('contests.entries.excludeSubmit')}
            </button>
          </div>
        </form>
      )}
      {children(
        (id, label) => {
          setExcluding({ id, label });
          setReason('');
          setReasonError(null);
        },
        (entrantId) => exclusion.mutate({ entrantId, reason: null }, { onError }),
        exclusion.isPending ? (exclusion.variables?.entrantId ?? null) : null,
      )}
    </>
  );
}

function CollectCard({ workspace, contest }: Props) {
  const { t } = useI18n();
  const collect = useCollectEntries(workspace.slug, contest.id);
  const [result, setResult] = useState<CollectEntriesResult | null>(null);
  return (
    <section className="contests-card" aria-labelledby="collect-title">
      <h3 id="collect-title" className="contests-card__title">
        {t('contests.collect.title')}
      </h3>
      <p className="field__hint">
        {contest.postIds.length === 0
          ? t('contests.collect.noPosts')
          : t('contests.collect.intro', { count: contest.postIds.length })}
      </p>
      <div className="contests-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={collect.isPending || contest.postIds.length === 0}
          onClick={() => collect.mutate(undefined, { onSuccess: setResult })}
        >
          {collect.isPending ? t('contests.collect.running') : t('contests.collect.now')}
        </button>
      </div>
      {collect.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(collect.error, t)}
        </div>
      )}
      {result && (
        <div role="status" data-testid="collect-result">
          <p>{t('contests.collect.result', { added: result.added, seen: result.seen })}</p>
          {result.sources.length > 0 && (
            <ul>
              {result.sources.map((s) => (
                <li key={`${s.postId}-${s.channelId}`}>
                  {t(`platform.${s.platform}`)}:{' '}
                  {t(`contests.collect.outcome.${s.outcome}`, { count: s.added })}
                  {s.message && ` (${s.message})`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function CsvCard({ workspace, contest }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const csv = useCsvImport(workspace.slug, contest.id);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<EntryCsvReport | null>(null);

  const check = (chosen: File) => {
    setFile(chosen);
    setReport(null);
    csv.mutate({ file: chosen, dryRun: true }, { onSuccess: setReport });
  };
  const run = () => {
    if (!file) return;
    csv.mutate(
      { file, dryRun: false },
      {
        onSuccess: (done) => {
          setReport(null);
          setFile(null);
          if (input.current) input.current.value = '';
          toast.show({
            tone: 'success',
            message: t('contests.csv.imported', { count: done.imported }),
          });
        },
      },
    );
  };

  const errors = report?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = report?.issues.filter((i) => i.severity === 'warning') ?? [];
  return (
    <section className="contests-card" aria-labelledby="csv-title">
      <h3 id="csv-title" className="contests-card__title">
        {t('contests.csv.title')}
      </h3>
      <p className="field__hint">{t('contests.csv.intro')}</p>
      <Field label={t('contests.csv.file')}>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) check(chosen);
          }}
        />
      </Field>
      {csv.isPending && <LoadingState label={t('contests.csv.checking')} />}
      {csv.isError && (
        <div className="alert alert--error" role="alert">
          {errorMessage(csv.error, t)}
        </div>
      )}
      {report && (
        <div data-testid="csv-report" role="status">
          <p>
            {t('contests.csv.dryRun', { rows: report.rows, encoding: report.encoding })}{' '}
            {report.ok
              ? t('contests.csv.ok')
              : t('contests.csv.hasErrors', { count: errors.length })}
          </p>
          {report.issues.length > 0 && (
            <ul className="contest-csv-errors" aria-label={t('contests.csv.issues')}>
              {[...errors, ...warnings].map((issue, index) => (
                <li
                  key={`${issue.line}-${issue.column ?? ''}-${index}`}
                  className={
                    issue.severity === 'warning' ? 'contest-csv-errors__warning' : undefined
                  }
                >
                  {t('contests.csv.issue', {
                    line: issue.line,
                    column: issue.column ?? '–',
                    message: t(`contests.csv.code.${issue.code}`),
                  })}
                  {issue.severity === 'warning' && ` (${t('contests.csv.warning')})`}
                </li>
              ))}
            </ul>
          )}
          <div className="contests-card__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!report.ok || csv.isPending}
              onClick={run}
            >
              {t('contests.csv.import', { count: report.rows })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
