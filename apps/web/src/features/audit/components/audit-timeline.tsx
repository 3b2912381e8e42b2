import type { AuditEntry } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { describeEntry, groupEntries, type DescribeContext } from '../utils/describe-entry';

type AuditTimelineProps = {
  entries: readonly AuditEntry[];
  context: Omit<DescribeContext, 't'>;
  label: string;
};

/** A post's history as a timeline, oldest first; each request is one item with its details. */
export function AuditTimeline({ entries, context, label }: AuditTimelineProps) {
  const { t } = useI18n();
  const ctx = { ...context, t };
  return (
    <ol className="audit-timeline" aria-label={label} data-testid="history-timeline">
      {groupEntries(entries).map(({ main, details }) => {
        const { text, note } = describeEntry(main, ctx);
        return (
          <li key={main.id} className="audit-timeline__item" data-action={main.action}>
            <time className="audit-timeline__time" dateTime={main.at}>
              {context.when(main.at)}
            </time>
            <p className="audit-timeline__text" data-testid="history-entry">
              {text}
            </p>
            {note && <q className="audit-timeline__note">{note}</q>}
            {details.length > 0 && (
              <ul className="audit-timeline__details">
                {details.map((detail) => (
                  <li key={detail.id} data-action={detail.action}>
                    {describeEntry(detail, ctx).text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
