import { useI18n } from '../../../lib/i18n/i18n-context';
import { formatWhen, type EntryRow } from '../utils/contest-view';

type Props = {
  rows: EntryRow[];
  timeZone: string;
  /** Offered to editors while the contest is open: a person's exclusion by hand, with a reason. */
  onExclude?: (entrantId: string, label: string) => void;
  onInclude?: (entrantId: string) => void;
  busyEntrant: string | null;
};

/** Every entry with what became of it: eligible, excluded (rule and reason), or merged. */
export function EntriesTable({ rows, timeZone, onExclude, onInclude, busyEntrant }: Props) {
  const { t, intlLocale, locale } = useI18n();
  const actions = Boolean(onExclude || onInclude);
  if (rows.length === 0) return <p className="field__hint">{t('contests.entries.noneMatch')}</p>;
  return (
    <div className="contests-table__scroll">
      <table className="contests-table contests-table--wide" data-testid="entries-table">
        <thead>
          <tr>
            <th scope="col">{t('contests.entries.col.platform')}</th>
            <th scope="col">{t('contests.entries.col.handle')}</th>
            <th scope="col">{t('contests.entries.col.text')}</th>
            <th scope="col">{t('contests.entries.col.time')}</th>
            <th scope="col">{t('contests.entries.col.status')}</th>
            {actions && <th scope="col">{t('contests.entries.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { entry, exclusion } = row;
            const manual = exclusion?.rule === 'manual';
            return (
              <tr key={entry.id} data-status={row.status}>
                <td>
                  {entry.platform
                    ? t(`platform.${entry.platform}`)
                    : t('contests.entries.csvSource')}
                </td>
                <th scope="row">
                  {entry.handle ?? t('contests.entries.deleted')}
                  <span className="contests-table__muted">{entry.entrantId}</span>
                </th>
                <td className="contests-table__text">{entry.text ?? '–'}</td>
                <td>{formatWhen(entry.enteredAt, intlLocale, timeZone)}</td>
                <td>
                  <span className={`contest-status contest-status--${row.status}`}>
                    {t(`contests.entries.status.${row.status}`)}
                  </span>
                  {exclusion && (
                    <span className="contests-table__muted">
                      {t(`contests.exclusion.${exclusion.rule}`)}: {exclusion.reasons[locale]}
                      {exclusion.by && ` (${exclusion.by.name})`}
                    </span>
                  )}
                  {row.status === 'merged' && (
                    <span className="contests-table__muted">
                      {t('contests.entries.mergedNote', { count: row.personEntries })}
                    </span>
                  )}
                </td>
                {actions && (
                  <td>
                    {row.entrant && row.status !== 'merged' && manual && onInclude && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busyEntrant === entry.entrantId}
                        onClick={() => onInclude(entry.entrantId)}
                      >
                        {t('contests.entries.include')}
                      </button>
                    )}
                    {row.entrant && row.status === 'eligible' && onExclude && (
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        disabled={busyEntrant === entry.entrantId}
                        onClick={() => onExclude(entry.entrantId, entry.handle ?? entry.entrantId)}
                      >
                        {t('contests.entries.exclude', { handle: entry.handle ?? entry.entrantId })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
