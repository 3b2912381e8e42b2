import { useI18n } from '../../../lib/i18n/i18n-context';
import type { WordingReview } from '../hooks/use-wording-review';
import { counterView } from '../utils/counter';

type WordingSummaryProps = {
  review: WordingReview;
  id?: string;
};

/** The variants that go out; the base text on its own only when no channel is chosen. */
function rowsOf(review: WordingReview) {
  const published = review.targets.filter((r) => r.target.channel !== null);
  return published.length > 0 ? published : review.targets;
}

/**
 * Findings per variant before submitting: how many errors, warnings and hints each channel's
 * text has, and by name every error that blocks the submission.
 */
export function WordingSummary({ review, id }: WordingSummaryProps) {
  const { t, locale, intlLocale } = useI18n();
  const nameOf = (target: WordingReview['targets'][number]['target']) =>
    target.channel?.name ?? t('wording.summary.noChannel');
  return (
    <section className="wording-summary" id={id} data-testid="wording-summary">
      <h3 className="wording-summary__title">{t('wording.summary.title')}</h3>
      <table className="wording-summary__table">
        <thead>
          <tr>
            <th scope="col">{t('wording.summary.variant')}</th>
            <th scope="col">{t('wording.summary.length')}</th>
            <th scope="col">{t('wording.severity.errors')}</th>
            <th scope="col">{t('wording.severity.warnings')}</th>
            <th scope="col">{t('wording.severity.hints')}</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(review).map(({ target, length, counts }) => {
            const counter = counterView(length, intlLocale);
            return (
              <tr key={target.id} data-testid={`summary-${target.id}`}>
                <th scope="row">{nameOf(target)}</th>
                <td className={counter.over ? 'wording-summary__over' : undefined}>
                  {counter.text}
                </td>
                <td className={counts.error > 0 ? 'wording-summary__over' : undefined}>
                  {counts.error}
                </td>
                <td>{counts.warning}</td>
                <td>{counts.hint}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {review.blocking.length > 0 ? (
        <div className="wording-summary__blocking" data-testid="wording-blocking">
          <p className="wording-summary__blocking-title">
            {t('wording.summary.blocked', { count: review.blocking.length })}
          </p>
          <ul>
            {review.blocking.map(({ target, finding }) => (
              <li key={`${target.id}:${finding.key}`}>
                <strong>{nameOf(target)}:</strong> {finding.message[locale]}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="wording-summary__ok">{t('wording.summary.ready')}</p>
      )}
      {review.serverFailed ? (
        <p className="field__hint">{t('wording.server.failed')}</p>
      ) : (
        review.serverPending && <p className="field__hint">{t('wording.server.pending')}</p>
      )}
    </section>
  );
}
