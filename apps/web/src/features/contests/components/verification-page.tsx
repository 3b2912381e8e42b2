import type { Verification } from '@postplan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { contestKeys, useVerification } from '../api/use-contests';
import { formatUtc, formatWhen } from '../utils/contest-view';
import { recomputeDraw } from '../utils/verify-draw';
import { DrawnList, publicPath } from './certificate-page';
import { PublicContestLayout, PublicLoadState } from './public-contest-layout';

/**
 * Anyone can check the draw here, without an account: the published inputs, the server's own
 * recomputation, and a second one in this browser (WebCrypto), written from the published
 * algorithm. "Result confirmed" only when every check agrees.
 */
export function VerificationPage({ token }: { token: string }) {
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
        <VerificationContent token={token} data={verification.data} />
      )}
    </PublicContestLayout>
  );
}

function Mark({ ok }: { ok: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`contest-status contest-status--${ok ? 'eligible' : 'excluded'}`}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
      {t(ok ? 'contestPublic.verify.matches' : 'contestPublic.verify.differs')}
    </span>
  );
}

function VerificationContent({ token, data }: { token: string; data: Verification }) {
  const { t, intlLocale } = useI18n();
  const { contest, commitment, draw, recomputed } = data;
  const browser = useQuery({
    queryKey: [...contestKeys.verification(token), 'browser', draw?.seed ?? null],
    queryFn: () =>
      recomputeDraw({
        algorithm: draw!.algorithm,
        eligible: data.eligible,
        listHash: commitment!.listHash,
        secretHash: commitment!.secretHash,
        secret: draw!.secret,
        publicValue: draw!.publicValue,
        seed: draw!.seed,
        order: draw!.order,
      }),
    enabled: Boolean(draw && commitment) && typeof crypto !== 'undefined' && !!crypto.subtle,
    staleTime: Infinity,
  });
  const serverOk =
    recomputed !== null &&
    recomputed.listHashMatches &&
    recomputed.secretHashMatches &&
    recomputed.seedMatches &&
    recomputed.orderMatches;
  const bothAgree =
    serverOk &&
    browser.data?.confirmed === true &&
    browser.data.order.join('\n') === recomputed.order.join('\n');

  return (
    <>
      <section className="contests-card" data-testid="verification">
        <p className="contests-table__muted">{t('contestPublic.verify.kicker')}</p>
        <h1 className="contest-public__title">{contest.title}</h1>
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
          <dt>{t('contestPublic.rulesLabel')}</dt>
          <dd>
            <a href={contest.rulesUrl}>{t('contestPublic.rulesLink')}</a>
          </dd>
        </dl>
        {!commitment && <p className="alert alert--warning">{t('contestPublic.verify.notYet')}</p>}
        {commitment && !draw && (
          <p className="alert alert--warning">{t('contestPublic.verify.committedOnly')}</p>
        )}
        {draw && (
          <p
            className={`contest-verdict contest-verdict--${bothAgree ? 'ok' : browser.isPending ? 'ok' : 'bad'}`}
            role="status"
            data-testid="verdict"
          >
            {bothAgree
              ? t('contestPublic.verify.confirmed')
              : browser.isPending && browser.fetchStatus !== 'idle'
                ? t('contestPublic.verify.checking')
                : t('contestPublic.verify.notConfirmed')}
          </p>
        )}
      </section>

      {commitment && (
        <section className="contests-card" aria-labelledby="v-commitment">
          <h2 id="v-commitment" className="contests-card__title">
            {t('contestPublic.verify.commitment')}
          </h2>
          <dl className="contest-public__facts">
            <dt>{t('contestPublic.committedAt')}</dt>
            <dd>{formatUtc(commitment.committedAt, intlLocale)}</dd>
            <dt>{t('contestPublic.algorithm')}</dt>
            <dd>{commitment.algorithm}</dd>
            <dt>{t('contestPublic.rulesVersion')}</dt>
            <dd>
              {t('contestPublic.rulesVersionValue', { version: commitment.rulesVersion })}{' '}
              <span className="contest-hash">{commitment.rulesHash}</span>
            </dd>
            <dt>{t('contestPublic.counts')}</dt>
            <dd>
              {t('contestPublic.countsValue', {
                eligible: commitment.eligibleCount,
                entrants: commitment.entrantCount,
                excluded: commitment.excludedCount,
                entries: commitment.entryCount,
              })}
            </dd>
            <dt>{t('contestPublic.listHash')}</dt>
            <dd className="contest-hash">{commitment.listHash}</dd>
            <dt>{t('contestPublic.secretHash')}</dt>
            <dd className="contest-hash">{commitment.secretHash}</dd>
          </dl>
          <details>
            <summary>{t('contestPublic.verify.eligible', { count: data.eligible.length })}</summary>
            <ol className="contest-hash">
              {data.eligible.map((ticket) => (
                <li key={ticket}>{ticket}</li>
              ))}
            </ol>
          </details>
        </section>
      )}

      {draw && commitment && (
        <section className="contests-card" aria-labelledby="v-draw">
          <h2 id="v-draw" className="contests-card__title">
            {t('contestPublic.verify.draw')}
          </h2>
          <dl className="contest-public__facts">
            <dt>{t('contestPublic.drawnAt')}</dt>
            <dd>{formatUtc(draw.drawnAt, intlLocale)}</dd>
            <dt>{t('contestPublic.publicValue')}</dt>
            <dd>
              {draw.publicValue} ({draw.publicValueBy})
            </dd>
            <dt>{t('contestPublic.secret')}</dt>
            <dd className="contest-hash">{draw.secret}</dd>
            <dt>{t('contestPublic.seed')}</dt>
            <dd className="contest-hash">{draw.seed}</dd>
          </dl>
          <DrawnList draw={draw} />
        </section>
      )}

      {draw && commitment && (
        <section className="contests-card" aria-labelledby="v-checks">
          <h2 id="v-checks" className="contests-card__title">
            {t('contestPublic.verify.checks')}
          </h2>
          <div className="contests-table__scroll">
            <table className="contests-table" data-testid="checks">
              <thead>
                <tr>
                  <th scope="col">{t('contestPublic.verify.check')}</th>
                  <th scope="col">{t('contestPublic.verify.server')}</th>
                  <th scope="col">{t('contestPublic.verify.browser')}</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['listHash', 'listHashMatches'],
                    ['secretHash', 'secretHashMatches'],
                    ['seed', 'seedMatches'],
                    ['order', 'orderMatches'],
                  ] as const
                ).map(([name, key]) => (
                  <tr key={name}>
                    <th scope="row">{t(`contestPublic.verify.step.${name}`)}</th>
                    <td>{recomputed ? <Mark ok={recomputed[key]} /> : '–'}</td>
                    <td>
                      {browser.data ? (
                        <Mark ok={browser.data[key]} />
                      ) : browser.isError ? (
                        t('contestPublic.verify.browserFailed')
                      ) : (
                        '…'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="contests-card__title">{t('contestPublic.verify.howTitle')}</h3>
          <ol className="contest-steps">
            <li>{t('contestPublic.verify.how1')}</li>
            <li>{t('contestPublic.verify.how2')}</li>
            <li>
              {t('contestPublic.verify.how3')}
              <pre className="contest-hash">
                SHA-256(&quot;fisher-yates-sha256-v1\n&quot; + listHash + &quot;\n&quot; + secret +
                &quot;\n&quot; + publicValue)
              </pre>
            </li>
            <li>{t('contestPublic.verify.how4')}</li>
          </ol>
          <div className="contests-card__actions">
            <Link className="button" to={publicPath(token, 'certificate')}>
              {t('contestPublic.certificateLink')}
            </Link>
          </div>
        </section>
      )}
    </>
  );
}
