import { useI18n } from '../../../lib/i18n/i18n-context';
import type { UiFinding, UiFix } from '../utils/findings';

type FindingsListProps = {
  findings: readonly UiFinding[];
  text: string;
  /** Names of the channels a finding applies to, when the text goes to more than one. */
  channelNames?: ReadonlyMap<string, string>;
  onShow: (finding: UiFinding) => void;
  onFix: (fix: UiFix) => void;
  readOnly?: boolean;
  id?: string;
  testId?: string;
};

const MAX_EXCERPT = 40;

function excerpt(text: string, finding: UiFinding): string {
  const part = text.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim();
  if (part.length <= MAX_EXCERPT) return part;
  return `${part.slice(0, MAX_EXCERPT - 1)}…`;
}

/**
 * The findings of one field as a list under it: the same explanations as the underlines, but
 * reachable with the keyboard and read by screen readers. The message selects its range in the
 * text; each fix is a button.
 */
export function FindingsList({
  findings,
  text,
  channelNames,
  onShow,
  onFix,
  readOnly = false,
  id,
  testId,
}: FindingsListProps) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return null;
  const multiChannel = (channelNames?.size ?? 0) > 1;
  return (
    <ul className="findings" id={id} data-testid={testId} aria-label={t('wording.findings.label')}>
      {findings.map((finding) => {
        const quoted = excerpt(text, finding);
        const channels = multiChannel
          ? finding.channelIds.map((c) => channelNames?.get(c)).filter((n) => n !== undefined)
          : [];
        return (
          <li
            key={finding.key}
            className={`finding finding--${finding.severity}`}
            data-testid="wording-finding"
            data-rule={finding.rule}
            data-severity={finding.severity}
          >
            <button
              type="button"
              className="finding__show"
              onClick={() => onShow(finding)}
              title={t('wording.findings.show')}
            >
              <span className={`finding__severity finding__severity--${finding.severity}`}>
                {t(`wording.severity.${finding.severity}`)}
              </span>
              {channels.length > 0 && (
                <span className="finding__channels">{channels.join(', ')}</span>
              )}
              <span className="finding__message">{finding.message[locale]}</span>
              {quoted && <q className="finding__excerpt">{quoted}</q>}
            </button>
            {!readOnly && finding.fixes.length > 0 && (
              <span className="finding__fixes">
                {finding.fixes.map((fix, index) => (
                  <button
                    key={`${fix.start}:${fix.end}:${index}`}
                    type="button"
                    className="button button--small finding__fix"
                    onClick={() => onFix(fix)}
                  >
                    {fix.label[locale] || t('wording.findings.fix')}
                  </button>
                ))}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
