import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportIssue,
  type ImportJob,
  type ImportResult,
  type WorkspaceMembership,
} from '@postplan/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { canCreatePosts } from '../../../lib/permissions';
import {
  useDryRun,
  useImportProgress,
  useRunImport,
  useUploadImport,
} from '../api/use-plan-exchange';
import {
  assignColumn,
  issuesByRow,
  runIssues,
  sameMapping,
  type MappingState,
} from '../utils/plan-exchange-utils';
import '../plan-exchange.css';

const PAGE = 500;

/**
 * Import from CSV or XLSX in four steps: upload, map the columns (suggested from the headings),
 * a dry run that shows every row and every problem, and the import, all or nothing, as drafts.
 */
export function ImportPage({ workspace }: { workspace: WorkspaceMembership }) {
  const { t, intlLocale } = useI18n();
  const ws = workspace.slug;
  const fileId = useId();
  const upload = useUploadImport(ws);
  const dryRun = useDryRun(ws);
  const run = useRunImport(ws);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [checked, setChecked] = useState<{ mapping: MappingState; result: ImportResult } | null>(
    null,
  );
  const [shown, setShown] = useState(PAGE);
  const progress = useImportProgress(ws, job?.id ?? null, run.isPending);

  if (!canCreatePosts(workspace.role)) {
    return <p className="notice">{t('import.forbidden')}</p>;
  }

  const onFile = (file: File | undefined) => {
    if (!file) return;
    setJob(null);
    setChecked(null);
    run.reset();
    upload.mutate(file, {
      onSuccess: (uploaded) => {
        setJob(uploaded);
        setMapping({
          columns: uploaded.suggestedMapping.columns,
          dateOrder: uploaded.suggestedMapping.dateOrder,
        });
      },
    });
  };

  const onDryRun = () => {
    if (!job || !mapping) return;
    dryRun.mutate(
      { id: job.id, mapping },
      {
        onSuccess: (result) => {
          setChecked({ mapping, result });
          setShown(PAGE);
        },
      },
    );
  };

  const upToDate = checked && mapping && sameMapping(checked.mapping, mapping);
  const report = upToDate ? checked.result.report : null;
  // A run that stopped (an image it could not fetch) names rows too: shown beside the dry run's.
  const failedRun = run.isError && isApiError(run.error) ? run.error : null;
  const stopped = failedRun ? runIssues(failedRun.code, failedRun.details) : [];
  const byRow = report
    ? issuesByRow([...report.issues, ...stopped.filter((i) => !report.issues.includes(i))])
    : new Map<number, ImportIssue[]>();
  const fmt = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: workspace.timeZone,
  });
  const live = progress.data?.progress ?? job?.progress;

  return (
    <div className="plan-exchange" data-testid="import-page">
      <h1>{t('import.title')}</h1>
      <p className="plan-exchange__intro">{t('import.intro')}</p>

      <section className="plan-exchange__step" aria-labelledby="import-step-file">
        <h2 id="import-step-file">{t('import.step.file')}</h2>
        <label htmlFor={fileId} className="field__label">
          {t('import.file')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          onChange={(e) => onFile(e.target.files?.[0])}
        />
        <p className="field__hint">{t('import.fileHint')}</p>
        {upload.isPending && <p>{t('import.uploading')}</p>}
        {upload.isError && <p className="field__error">{errorMessage(upload.error, t)}</p>}
        {job && (
          <p data-testid="import-file-summary">
            {t('import.fileSummary', { name: job.fileName, rows: job.totalRows })}
          </p>
        )}
      </section>

      {job && mapping && (
        <section className="plan-exchange__step" aria-labelledby="import-step-mapping">
          <h2 id="import-step-mapping">{t('import.step.mapping')}</h2>
          <p className="field__hint">{t('import.mappingHint')}</p>
          <table className="plan-exchange__table" data-testid="import-mapping">
            <thead>
              <tr>
                <th>{t('import.field')}</th>
                <th>{t('import.column')}</th>
                <th>{t('import.example')}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_FIELDS.map((field) => (
                <MappingRow
                  key={field}
                  field={field}
                  job={job}
                  column={mapping.columns[field]}
                  onChange={(column) => setMapping(assignColumn(mapping, field, column))}
                />
              ))}
            </tbody>
          </table>
          <label className="field__label" htmlFor={`${fileId}-order`}>
            {t('import.dateOrder')}
          </label>
          <select
            id={`${fileId}-order`}
            value={mapping.dateOrder}
            onChange={(e) =>
              setMapping({ ...mapping, dateOrder: e.target.value === 'mdy' ? 'mdy' : 'dmy' })
            }
          >
            <option value="dmy">{t('import.dateOrder.dmy')}</option>
            <option value="mdy">{t('import.dateOrder.mdy')}</option>
          </select>
          <div className="plan-exchange__actions">
            <button
              type="button"
              className="button"
              onClick={onDryRun}
              disabled={dryRun.isPending || run.isPending}
              data-testid="import-dry-run"
            >
              {dryRun.isPending ? t('import.checking') : t('import.dryRun')}
            </button>
          </div>
          {dryRun.isError && <p className="field__error">{errorMessage(dryRun.error, t)}</p>}
        </section>
      )}

      {report && job && mapping && (
        <section className="plan-exchange__step" aria-labelledby="import-step-check">
          <h2 id="import-step-check">{t('import.step.check')}</h2>
          <p
            className={report.ok ? 'notice' : 'notice notice--error'}
            data-testid="import-summary"
            role="status"
          >
            {report.ok
              ? t('import.summaryOk', { rows: report.rows, posts: report.posts })
              : t('import.summaryErrors', { rows: report.rows, errors: report.errors })}
            {report.warnings > 0 &&
              ` ${t('import.summaryWarnings', { warnings: report.warnings })}`}
          </p>
          <table className="plan-exchange__table" data-testid="import-report">
            <thead>
              <tr>
                <th>{t('import.row')}</th>
                <th>{t('import.outcome')}</th>
                <th>{t('import.planned')}</th>
                <th>{t('import.channel')}</th>
                <th>{t('import.postTitle')}</th>
                <th>{t('import.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {report.outcomes.slice(0, shown).map((o) => (
                <tr key={o.row} data-outcome={o.outcome} data-testid="import-row">
                  <td>{o.row}</td>
                  <td>{t(`import.outcome.${o.outcome}`)}</td>
                  <td>{o.plannedAt ? fmt.format(new Date(o.plannedAt)) : t('import.unplanned')}</td>
                  <td>{o.channel ?? '—'}</td>
                  <td>{o.title}</td>
                  <td>
                    {(byRow.get(o.row) ?? []).map((issue, i) => (
                      <p
                        key={i}
                        className={issue.severity === 'error' ? 'field__error' : 'field__hint'}
                      >
                        {issue.column ? `${issue.column}: ` : ''}
                        {t(`import.issue.${issue.code}`)} ({issue.message})
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.outcomes.length > shown && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setShown(shown + PAGE)}
            >
              {t('import.showMore', { shown, total: report.outcomes.length })}
            </button>
          )}
          <div className="plan-exchange__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!report.ok || run.isPending || run.isSuccess}
              data-testid="import-run"
              onClick={() => run.mutate({ id: job.id, mapping })}
            >
              {run.isPending ? t('import.running') : t('import.run', { posts: report.posts })}
            </button>
          </div>
          {run.isPending && live && (
            <progress
              value={live.processed}
              max={Math.max(1, live.total)}
              aria-label={t('import.progress')}
            />
          )}
          {run.isError && (
            <div className="field__error" role="alert" data-testid="import-run-error">
              <p>{errorMessage(run.error, t)}</p>
              {stopped.length > 0 && (
                <ul aria-label={t('import.runProblems')}>
                  {stopped.map((issue, i) => (
                    <li key={i} data-testid="import-run-issue">
                      {t('import.row')} {issue.row}
                      {issue.column ? `, ${issue.column}` : ''}: {t(`import.issue.${issue.code}`)} (
                      {issue.message})
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {run.isSuccess && (
            <p className="notice" role="status" data-testid="import-done">
              {t('import.done', { posts: run.data.job.importedPosts ?? 0 })}{' '}
              <Link to={`/w/${encodeURIComponent(ws)}/calendar`}>{t('import.toCalendar')}</Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function MappingRow({
  field,
  job,
  column,
  onChange,
}: {
  field: ImportField;
  job: ImportJob;
  column: number | undefined;
  onChange: (column: number | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const example = column === undefined ? '' : (job.sample[0]?.[column] ?? '');
  return (
    <tr>
      <td>
        <label htmlFor={id}>{t(`import.fieldName.${field}`)}</label>
      </td>
      <td>
        <select
          id={id}
          value={column ?? ''}
          data-testid={`map-${field}`}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{t('import.unmapped')}</option>
          {job.headers.map((h, i) => (
            <option key={i} value={i}>
              {h || t('import.columnNumber', { n: i + 1 })}
            </option>
          ))}
        </select>
      </td>
      <td className="plan-exchange__example">{example.slice(0, 80)}</td>
    </tr>
  );
}
