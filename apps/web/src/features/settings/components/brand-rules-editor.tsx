import type { BrandRule } from '@postplan/contracts';
import { useId, useRef, useState } from 'react';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { api } from '../../../lib/api/endpoints';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useImportBrandRulesCsv, useSaveBrandRules } from '../api/use-wording-settings-mutations';
import {
  emptyRow,
  ruleToRow,
  rowsToRequest,
  type BrandRowProblem,
  type BrandRuleRow,
} from '../utils/wording-settings-form';
import { csvErrorsFrom, type CsvRowError } from '../utils/csv-errors';

const GENDERS = ['m', 'f', 'n'] as const;

type Props = {
  workspace: string;
  rules: readonly BrandRule[];
  editable: boolean;
};

const PROBLEM_KEYS = {
  termRequired: 'settings.brand.problem.termRequired',
  replacementRequired: 'settings.brand.problem.replacementRequired',
  duplicate: 'settings.brand.problem.duplicate',
  tooLong: 'settings.brand.problem.tooLong',
} as const satisfies Record<BrandRowProblem, string>;

const MAX_SHOWN_CSV_ERRORS = 20;

/**
 * The brand's wording as a table: banned and preferred terms with their message and severity,
 * saved as a whole. CSV export is a plain download; an import goes straight to the server, which
 * imports everything or nothing and names each bad row.
 */
export function BrandRulesEditor({ workspace, rules, editable }: Props) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const id = useId();
  const save = useSaveBrandRules(workspace);
  const importCsv = useImportBrandRulesCsv(workspace);
  const fileRef = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<BrandRuleRow[]>(() => rules.map(ruleToRow));
  const [problems, setProblems] = useState<Map<string, BrandRowProblem>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [csvErrors, setCsvErrors] = useState<{ errors: CsvRowError[]; total: number } | null>(null);
  const busy = save.isPending || importCsv.isPending;

  const update = (key: string, patch: Partial<BrandRuleRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    setProblems((current) => {
      if (!current.has(key)) return current;
      const next = new Map(current);
      next.delete(key);
      return next;
    });
    setError(null);
  };

  const onSave = () => {
    const result = rowsToRequest(rows);
    if (!result.ok) {
      setProblems(result.problems);
      setError(t('settings.brand.fixRows', { count: result.problems.size }));
      return;
    }
    setProblems(new Map());
    save.mutate(result.items, {
      onSuccess: (saved) => {
        setRows(saved.items.map(ruleToRow));
        toast.show({ tone: 'success', message: t('settings.brand.saved') });
      },
      onError: (e) => setError(errorMessage(e, t)),
    });
  };

  const onImport = () => {
    if (!file) return;
    setCsvErrors(null);
    setError(null);
    importCsv.mutate(
      { file, mode },
      {
        onSuccess: (result) => {
          setRows(result.items.map(ruleToRow));
          setProblems(new Map());
          setFile(null);
          if (fileRef.current) fileRef.current.value = '';
          toast.show({
            tone: 'success',
            message: t('settings.brand.csv.imported', { count: result.imported }),
          });
        },
        onError: (e) => {
          if (isApiError(e, 'BRAND_CSV_INVALID')) setCsvErrors(csvErrorsFrom(e.details));
          setError(errorMessage(e, t));
        },
      },
    );
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`} data-testid="brand-rules">
      <h2 id={`${id}-title`} className="settings-section__title">
        {t('settings.brand.title')}
      </h2>
      <p className="field__hint">{t('settings.brand.intro')}</p>
      {error && (
        <div className="alert alert--error" role="alert" data-testid="brand-error">
          <p>{error}</p>
          {csvErrors && csvErrors.errors.length > 0 && (
            <ul className="csv-errors" data-testid="csv-errors">
              {csvErrors.errors.slice(0, MAX_SHOWN_CSV_ERRORS).map((e, index) => (
                <li key={`${e.line}:${e.columnName}:${index}`}>
                  {t('settings.brand.csv.errorLine', {
                    line: e.line,
                    column: e.columnName,
                    message: e.messages?.[locale] ?? e.message,
                  })}
                </li>
              ))}
              {csvErrors.total > Math.min(csvErrors.errors.length, MAX_SHOWN_CSV_ERRORS) && (
                <li>
                  {t('settings.brand.csv.more', {
                    count:
                      csvErrors.total - Math.min(csvErrors.errors.length, MAX_SHOWN_CSV_ERRORS),
                  })}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="notice">{t('settings.brand.empty')}</p>
      ) : (
        <div className="settings-table__scroll">
          <table className="settings-table brand-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.brand.col.kind')}</th>
                <th scope="col">{t('settings.brand.col.term')}</th>
                <th scope="col">{t('settings.brand.col.replacement')}</th>
                <th scope="col">{t('settings.brand.col.severity')}</th>
                <th scope="col">{t('settings.brand.col.messageDe')}</th>
                <th scope="col">{t('settings.brand.col.messageEn')}</th>
                <th scope="col">{t('settings.brand.col.inflect')}</th>
                <th scope="col">{t('settings.brand.col.termGender')}</th>
                <th scope="col">{t('settings.brand.col.replacementGender')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.brand.col.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const problem = problems.get(row.key);
                const problemId = `${id}-problem-${row.key}`;
                const name = row.term.trim() || t('settings.brand.rowName', { number: index + 1 });
                const label = (column: string) => `${column}: ${name}`;
                return (
                  <tr
                    key={row.key}
                    className={problem ? 'brand-table__row--invalid' : undefined}
                    data-testid="brand-row"
                  >
                    <td>
                      <select
                        aria-label={label(t('settings.brand.col.kind'))}
                        value={row.kind}
                        disabled={!editable}
                        onChange={(e) =>
                          update(row.key, {
                            kind: e.target.value === 'preferred' ? 'preferred' : 'banned',
                          })
                        }
                      >
                        <option value="banned">{t('settings.brand.kind.banned')}</option>
                        <option value="preferred">{t('settings.brand.kind.preferred')}</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={label(t('settings.brand.col.term'))}
                        value={row.term}
                        maxLength={120}
                        readOnly={!editable}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? problemId : undefined}
                        onChange={(e) => update(row.key, { term: e.target.value })}
                      />
                      {problem && (
                        <p id={problemId} className="field__error">
                          {t(PROBLEM_KEYS[problem])}
                        </p>
                      )}
                    </td>
                    <td>
                      <input
                        aria-label={label(t('settings.brand.col.replacement'))}
                        value={row.replacement}
                        maxLength={120}
                        readOnly={!editable}
                        onChange={(e) => update(row.key, { replacement: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={label(t('settings.brand.col.severity'))}
                        value={row.severity}
                        disabled={!editable}
                        onChange={(e) =>
                          update(row.key, {
                            severity: e.target.value as BrandRuleRow['severity'],
                          })
                        }
                      >
                        <option value="">
                          {t('settings.brand.severity.default', {
                            severity: t(
                              row.kind === 'banned'
                                ? 'wording.severity.error'
                                : 'wording.severity.warning',
                            ),
                          })}
                        </option>
                        <option value="error">{t('wording.severity.error')}</option>
                        <option value="warning">{t('wording.severity.warning')}</option>
                        <option value="hint">{t('wording.severity.hint')}</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={label(t('settings.brand.col.messageDe'))}
                        value={row.messageDe}
                        maxLength={500}
                        readOnly={!editable}
                        onChange={(e) => update(row.key, { messageDe: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={label(t('settings.brand.col.messageEn'))}
                        value={row.messageEn}
                        maxLength={500}
                        readOnly={!editable}
                        onChange={(e) => update(row.key, { messageEn: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={label(t('settings.brand.col.inflect'))}
                        checked={row.inflect}
                        disabled={!editable}
                        onChange={(e) => update(row.key, { inflect: e.target.checked })}
                      />
                    </td>
                    {(['termGender', 'replacementGender'] as const).map((field) => (
                      <td key={field}>
                        <select
                          aria-label={label(t(`settings.brand.col.${field}`))}
                          value={row[field]}
                          disabled={!editable}
                          onChange={(e) =>
                            update(row.key, {
                              [field]: GENDERS.find((g) => g === e.target.value) ?? '',
                            })
                          }
                        >
                          <option value="">{t('settings.brand.gender.unknown')}</option>
                          <option value="m">{t('settings.brand.gender.m')}</option>
                          <option value="f">{t('settings.brand.gender.f')}</option>
                          <option value="n">{t('settings.brand.gender.n')}</option>
                        </select>
                      </td>
                    ))}
                    {editable && (
                      <td>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={t('settings.brand.remove', { term: name })}
                          onClick={() =>
                            setRows((current) => current.filter((r) => r.key !== row.key))
                          }
                        >
                          <span aria-hidden="true">×</span>
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="settings-form__actions">
        {editable && (
          <>
            <button
              type="button"
              className="button"
              onClick={() => setRows((current) => [...current, emptyRow()])}
              disabled={busy}
            >
              {t('settings.brand.add')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={onSave}
              disabled={busy}
              data-testid="brand-save"
            >
              {save.isPending ? t('settings.wording.saving') : t('settings.brand.save')}
            </button>
          </>
        )}
        <span className="editor-footer__spacer" />
        <a className="button" href={api.brandRulesCsvUrl(workspace)} download>
          {t('settings.brand.csv.export')}
        </a>
      </div>
      {editable && (
        <fieldset className="settings-csv" disabled={busy}>
          <legend className="field__label">{t('settings.brand.csv.import')}</legend>
          <p className="field__hint">{t('settings.brand.csv.hint')}</p>
          <label className="field">
            <span className="field__label">{t('settings.brand.csv.file')}</span>
            <input
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setCsvErrors(null);
              }}
            />
          </label>
          <div
            className="settings-csv__modes"
            role="radiogroup"
            aria-label={t('settings.brand.csv.mode')}
          >
            <label className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              {t('settings.brand.csv.mode.merge')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />
              {t('settings.brand.csv.mode.replace')}
            </label>
          </div>
          <div>
            <button
              type="button"
              className="button"
              onClick={onImport}
              disabled={!file}
              data-testid="csv-import"
            >
              {importCsv.isPending
                ? t('settings.brand.csv.importing')
                : t('settings.brand.csv.importButton')}
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
