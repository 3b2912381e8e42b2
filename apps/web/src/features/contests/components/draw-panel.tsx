import type { Contest, ContestDraw, DrawnEntrant, WorkspaceMembership } from '@postplan/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/ui/field';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { contestFiles, useDraw, useDrawActions } from '../api/use-contests';
import { canDecideContests, formatUtc, formatWhen } from '../utils/contest-view';
import { publicPath } from './certificate-page';
import { WinnerNotifications } from './winner-notifications';

type Props = {
  workspace: WorkspaceMembership;
  contest: Contest;
  /** Where a drafted reply (a post in review) opens. */
  postHref?: (postId: string) => string;
};

/**
 * The draw, in the order it must happen: freeze the entries and publish the commitment, then
 * draw once with a value from a second person, then replace a winner only with a reason. A
 * second draw is never offered; the server refuses one anyway.
 */
export function DrawPanel({ workspace, contest, postHref }: Props) {
  const { t } = useI18n();
  const draw = useDraw(workspace.slug, contest.id);
  if (draw.isPending) return <LoadingState label={t('contests.draw.loading')} />;
  if (draw.isError)
    return (
      <ErrorState message={t('contests.draw.loadFailed')} detail={errorMessage(draw.error, t)} />
    );
  return <DrawSteps workspace={workspace} contest={contest} draw={draw.data} postHref={postHref} />;
}

function DrawSteps({ workspace, contest, draw, postHref }: Props & { draw: ContestDraw }) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const actions = useDrawActions(workspace.slug, contest.id);
  const decides = canDecideContests(workspace.role);
  const { commitment, result } = draw;
  const [publicValue, setPublicValue] = useState('');
  const [publicValueBy, setPublicValueBy] = useState('');
  const [drawErrors, setDrawErrors] = useState<{ value?: string; by?: string }>({});

  const commit = () => {
    if (!window.confirm(t('contests.draw.commitConfirm'))) return;
    actions.commit.mutate(contest.version, {
      onSuccess: () => toast.show({ tone: 'success', message: t('contests.draw.committed') }),
    });
  };

  const runDraw = (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      value: publicValue.trim().length < 4 ? t('contests.draw.publicValueError') : undefined,
      by: publicValueBy.trim() ? undefined : t('contests.draw.publicValueByError'),
    };
    setDrawErrors(errors);
    if (errors.value || errors.by) return;
    actions.draw.mutate(
      { publicValue: publicValue.trim(), publicValueBy: publicValueBy.trim() },
      { onSuccess: () => toast.show({ tone: 'success', message: t('contests.draw.drawn') }) },
    );
  };

  const commitBlocked =
    contest.phase !== 'ended'
      ? t('contests.draw.waitForEnd', {
          end: formatWhen(contest.entriesUntil, intlLocale, workspace.timeZone),
        })
      : contest.rulesVersion === null
        ? t('contests.draw.needsRules')
        : contest.counts.eligible === 0
          ? t('contests.draw.needsEligible')
          : null;

  return (
    <div className="contests-page__stack" data-testid="contest-draw">
      <section className="contests-card" aria-labelledby="step-commit">
        <h2 id="step-commit" className="contests-card__title">
          {t('contests.draw.step1')}
        </h2>
        <p className="field__hint">{t('contests.draw.step1Intro')}</p>
        {!commitment && (
          <>
            {commitBlocked && <p className="alert alert--warning">{commitBlocked}</p>}
            {actions.commit.isError && (
              <div className="alert alert--error" role="alert">
                {errorMessage(actions.commit.error, t)}
              </div>
            )}
            {decides && (
              <div className="contests-card__actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={actions.commit.isPending || commitBlocked !== null}
                  onClick={commit}
                >
                  {t('contests.draw.commit')}
                </button>
              </div>
            )}
          </>
        )}
        {commitment && (
          <dl className="contest-public__facts" data-testid="commitment">
            <dt>{t('contests.draw.committedAt')}</dt>
            <dd>
              {formatUtc(commitment.committedAt, intlLocale)}
              {commitment.committedBy && ` · ${commitment.committedBy.name}`}
            </dd>
            <dt>{t('contests.draw.counts')}</dt>
            <dd>
              {t('contests.draw.countsValue', {
                eligible: commitment.eligibleCount,
                entrants: commitment.entrantCount,
                excluded: commitment.excludedCount,
                entries: commitment.entryCount,
              })}
            </dd>
            <dt>{t('contests.draw.listHash')}</dt>
            <dd className="contest-hash" data-testid="list-hash">
              {commitment.listHash}
            </dd>
            <dt>{t('contests.draw.secretHash')}</dt>
            <dd className="contest-hash">{commitment.secretHash}</dd>
            <dt>{t('contests.draw.rulesVersion')}</dt>
            <dd>
              {t('contests.rules.versionTitle', { version: commitment.rulesVersion })}{' '}
              <span className="contest-hash">{commitment.rulesHash}</span>
            </dd>
            <dt>{t('contests.draw.algorithm')}</dt>
            <dd>{commitment.algorithm}</dd>
          </dl>
        )}
        {commitment && (
          <p>
            <a href={publicPath(contest.publicToken, 'verify')} target="_blank" rel="noreferrer">
              {t('contests.draw.verificationLink')}
            </a>
          </p>
        )}
      </section>

      <section className="contests-card" aria-labelledby="step-draw">
        <h2 id="step-draw" className="contests-card__title">
          {t('contests.draw.step2')}
        </h2>
        <p className="field__hint">{t('contests.draw.step2Intro')}</p>
        {actions.draw.isError && (
          <div className="alert alert--error" role="alert">
            {errorMessage(actions.draw.error, t)}
          </div>
        )}
        {!commitment && <p className="field__hint">{t('contests.draw.afterCommit')}</p>}
        {commitment && !result && decides && (
          <form className="contest-form" onSubmit={runDraw} noValidate>
            <div className="contest-form__row">
              <Field
                label={t('contests.draw.publicValue')}
                hint={t('contests.draw.publicValueHint')}
                error={drawErrors.value}
              >
                <input
                  type="text"
                  value={publicValue}
                  onChange={(e) => setPublicValue(e.target.value)}
                />
              </Field>
              <Field label={t('contests.draw.publicValueBy')} error={drawErrors.by}>
                <input
                  type="text"
                  value={publicValueBy}
                  onChange={(e) => setPublicValueBy(e.target.value)}
                />
              </Field>
            </div>
            <div className="contests-card__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={actions.draw.isPending}
              >
                {t('contests.draw.run')}
              </button>
            </div>
          </form>
        )}
        {result && (
          <>
            <p className="alert alert--warning">{t('contests.draw.once')}</p>
            <dl className="contest-public__facts" data-testid="draw-inputs">
              <dt>{t('contests.draw.drawnAt')}</dt>
              <dd>
                {formatUtc(result.drawnAt, intlLocale)}
                {result.drawnBy && ` · ${result.drawnBy.name}`}
              </dd>
              <dt>{t('contests.draw.publicValue')}</dt>
              <dd>
                {result.publicValue} ({result.publicValueBy})
              </dd>
              <dt>{t('contests.draw.secret')}</dt>
              <dd className="contest-hash">{result.secret}</dd>
              <dt>{t('contests.draw.seed')}</dt>
              <dd className="contest-hash">{result.seed}</dd>
            </dl>
            <Results workspace={workspace} contest={contest} draw={draw} />
            <div className="contests-card__actions">
              <a
                className="button"
                href={publicPath(contest.publicToken, 'certificate')}
                target="_blank"
                rel="noreferrer"
              >
                {t('contests.draw.certificate')}
              </a>
              <a className="button" href={contestFiles.certificatePdf(workspace.slug, contest.id)}>
                {t('contests.draw.certificatePdf')}
              </a>
            </div>
          </>
        )}
      </section>

      {result && (
        <WinnerNotifications
          workspace={workspace}
          contest={contest}
          winners={result.currentWinners}
          postHref={postHref}
        />
      )}
    </div>
  );
}

function Results({ workspace, contest, draw }: Props & { draw: ContestDraw }) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const actions = useDrawActions(workspace.slug, contest.id);
  const decides = canDecideContests(workspace.role);
  const [replacing, setReplacing] = useState<DrawnEntrant | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const result = draw.result;
  if (!result) return null;
  const used = new Set(result.replacements.map((r) => r.byEntrantId));
  const replaced = new Set(result.replacements.map((r) => r.replacedEntrantId));
  const label = (e: DrawnEntrant) =>
    `${e.maskedHandle}${e.platform ? ` (${t(`platform.${e.platform}`)})` : ''}`;
  const byId = new Map([...result.winners, ...result.alternates].map((e) => [e.entrantId, e]));

  const submitRedraw = (event: FormEvent) => {
    event.preventDefault();
    if (!replacing) return;
    if (reason.trim().length < 3) {
      setReasonError(t('contests.draw.reasonError'));
      return;
    }
    setReasonError(null);
    actions.redraw.mutate(
      { entrantId: replacing.entrantId, reason: reason.trim() },
      {
        onSuccess: () => {
          setReplacing(null);
          setReason('');
          toast.show({ tone: 'success', message: t('contests.draw.replaced') });
        },
      },
    );
  };

  return (
    <div className="contests-page__stack">
      <div>
        <h3 className="contests-card__title">{t('contests.draw.currentWinners')}</h3>
        <ol className="contest-winners" data-testid="current-winners">
          {result.currentWinners.map((w) => (
            <li key={w.entrantId}>
              <strong>{label(w)}</strong> · {w.prize ?? '–'}{' '}
              <span className="contests-table__muted">{w.entrantId}</span>
              {decides && !replacing && (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => setReplacing(w)}
                >
                  {t('contests.draw.replace', { handle: w.maskedHandle })}
                </button>
              )}
            </li>
          ))}
        </ol>
      </div>
      {replacing && (
        <form className="contest-form" onSubmit={submitRedraw} noValidate>
          <Field
            label={t('contests.draw.reason', { handle: replacing.maskedHandle })}
            hint={t('contests.draw.reasonHint')}
            error={reasonError}
          >
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {actions.redraw.isError && (
            <div className="alert alert--error" role="alert">
              {errorMessage(actions.redraw.error, t)}
            </div>
          )}
          <div className="contests-card__actions">
            <button type="button" className="button" onClick={() => setReplacing(null)}>
              {t('contests.form.cancel')}
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={actions.redraw.isPending}
            >
              {t('contests.draw.replaceSubmit')}
            </button>
          </div>
        </form>
      )}
      <div>
        <h3 className="contests-card__title">{t('contests.draw.alternates')}</h3>
        {result.alternates.length === 0 ? (
          <p className="field__hint">{t('contests.draw.noAlternates')}</p>
        ) : (
          <ol className="contest-winners" data-testid="alternates">
            {result.alternates.map((a) => (
              <li key={a.entrantId}>
                {label(a)}
                {used.has(a.entrantId) && ` · ${t('contests.draw.movedUp')}`}
              </li>
            ))}
          </ol>
        )}
      </div>
      {result.replacements.length > 0 && (
        <div>
          <h3 className="contests-card__title">{t('contests.draw.original')}</h3>
          <ol className="contest-winners" data-testid="original-winners">
            {result.winners.map((w) => (
              <li
                key={w.entrantId}
                className={replaced.has(w.entrantId) ? 'contest-winners__replaced' : undefined}
              >
                {label(w)} · {w.prize ?? '–'}
              </li>
            ))}
          </ol>
          <h3 className="contests-card__title">{t('contests.draw.replacements')}</h3>
          <ul data-testid="replacements">
            {result.replacements.map((r) => (
              <li key={`${r.replacedEntrantId}-${r.at}`}>
                {t('contests.draw.replacement', {
                  replaced: byId.get(r.replacedEntrantId)?.maskedHandle ?? r.replacedEntrantId,
                  by: byId.get(r.byEntrantId)?.maskedHandle ?? r.byEntrantId,
                  reason: r.reason,
                  when: formatUtc(r.at, intlLocale),
                })}
                {r.recordedBy && ` · ${r.recordedBy.name}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
