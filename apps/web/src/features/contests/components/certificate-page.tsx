import type { Verification } from '@postplan/contracts';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { contestFiles, useVerification } from '../api/use-contests';
import { formatUtc, formatWhen } from '../utils/contest-view';
import { PublicContestLayout, PublicLoadState } from './public-contest-layout';

export const publicPath = (token: string, page: 'rules' | 'verify' | 'certificate') =>
  `/c/${encodeURIComponent(token)}/${page}`;

type PublishedDraw = NonNullable<Verification['draw']>;

/** Winners (as they stand after replacements), the original result, alternates, replacements. */
export function DrawnList({ draw }: { draw: PublishedDraw }) {
  const { t, intlLocale } = useI18n();
  const handle = (id: string) =>
    [...draw.winners, ...draw.alternates].find((e) => e.entrantId === id)?.maskedHandle ?? id;
  return (
    <>
      <h3 className="contests-card__title">{t('contestPublic.winners')}</h3>
      <ol className="contest-winners" data-testid="public-winners">
        {draw.currentWinners.map((w) => (
          <li key={w.entrantId}>
            <strong>{w.maskedHandle}</strong>
            {w.platform && ` (${t(`platform.${w.platform}`)})`}
            {w.prize && ` · ${w.prize}`}{' '}
            <span className="contests-table__muted">{w.entrantId}</span>
          </li>
        ))}
      </ol>
      <h3 className="contests-card__title">{t('contestPublic.alternates')}</h3>
      {draw.alternates.length === 0 ? (
        <p className="field__hint">{t('contestPublic.noAlternates')}</p>
      ) : (
        <ol className="contest-winners">
          {draw.alternates.map((a) => (
            <li key={a.entrantId}>
              {a.maskedHandle} <span className="contests-table__muted">{a.entrantId}</span>
            </li>
          ))}
        </ol>
      )}
      {draw.replacements.length > 0 && (
        <>
          <h3 className="contests-card__title">{t('contestPublic.original')}</h3>
          <ol className="contest-winners">
            {draw.winners.map((w) => (
              <li key={w.entrantId}>
                {w.maskedHandle}
                {w.prize && ` · ${w.prize}`}
              </li>
            ))}
          </ol>
          <h3 className="contests-card__title">{t('contestPublic.replacements')}</h3>
          <ul>
            {draw.replacements.map((r) => (
              <li key={`${r.replacedEntrantId}-${r.at}`}>
                {t('contestPublic.replacement', {
                  replaced: handle(r.replacedEntrantId),
                  by: handle(r.byEntrantId),
                  reason: r.reason,
                  when: formatUtc(r.at, intlLocale),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The certificate of the draw, as a page (and as a PDF from the server). */
export function CertificatePage({ token }: { token: string }) {
  const verification = useVerification(token);
  return (
    <PublicContestLayout>
      {!verification.isSuccess ? (
        <PublicLoadState
          pending={verification.isPending}
          error={verification.error}
          retry={() => void verification.refetch()}
        />
      ) : (
        <Certificate token={token} data={verification.data} />
      )}
    </PublicContestLayout>
  );
}

function Certificate({ token, data }: { token: string; data: Verification }) {
  const { t, intlLocale } = useI18n();
  const { contest, commitment, draw } = data;
  if (!commitment || !draw) {
    return (
      <section className="contests-card" role="status">
        <h1 className="contest-public__title">{contest.title}</h1>
        <p>{t('contestPublic.certificate.notYet')}</p>
        <Link to={publicPath(token, 'verify')}>{t('contestPublic.verifyLink')}</Link>
      </section>
    );
  }
  return (
    <article className="contests-card" data-testid="certificate">
      <p className="contests-table__muted">{t('contestPublic.certificate.kicker')}</p>
      <h1 className="contest-public__title">{contest.title}</h1>
      <p>{t('contestPublic.certificate.intro')}</p>
      <dl className="contest-public__facts">
        <dt>{t('contestPublic.organiser')}</dt>
        <dd>{contest.organiser}</dd>
        <dt>{t('contestPublic.period')}</dt>
        <dd>
          {t('contestPublic.periodValue', {
            start: formatWhen(contest.entriesFrom, intlLocale, contest.timeZone),
            end: formatWhen(contest.entriesUntil, intlLocale, contest.timeZone),
            zone: contest.timeZone,
          })}
        </dd>
        <dt>{t('contestPublic.rulesVersion')}</dt>
        <dd>
          <a
            href={`${contest.rulesUrl}${contest.rulesUrl.includes('?') ? '&' : '?'}version=${commitment.rulesVersion}`}
          >
            {t('contestPublic.rulesVersionValue', { version: commitment.rulesVersion })}
          </a>{' '}
          <span className="contest-hash">{commitment.rulesHash}</span>
        </dd>
        <dt>{t('contestPublic.committedAt')}</dt>
        <dd>{formatUtc(commitment.committedAt, intlLocale)}</dd>
        <dt>{t('contestPublic.listHash')}</dt>
        <dd className="contest-hash" data-testid="certificate-list-hash">
          {commitment.listHash}
        </dd>
        <dt>{t('contestPublic.drawnAt')}</dt>
        <dd>{formatUtc(draw.drawnAt, intlLocale)}</dd>
        <dt>{t('contestPublic.seed')}</dt>
        <dd className="contest-hash">{draw.seed}</dd>
        <dt>{t('contestPublic.algorithm')}</dt>
        <dd>{draw.algorithm}</dd>
        <dt>{t('contestPublic.counts')}</dt>
        <dd>
          {t('contestPublic.countsValue', {
            eligible: commitment.eligibleCount,
            entrants: commitment.entrantCount,
            excluded: commitment.excludedCount,
            entries: commitment.entryCount,
          })}
        </dd>
      </dl>
      <DrawnList draw={draw} />
      <div className="contests-card__actions">
        <a
          className="button button--primary"
          href={contestFiles.publicCertificatePdf(token)}
          download
        >
          {t('contestPublic.certificate.pdf')}
        </a>
        <Link className="button" to={publicPath(token, 'verify')}>
          {t('contestPublic.verifyLink')}
        </Link>
      </div>
    </article>
  );
}
