import type { Member, Post, PostDetail, WorkspaceMembership } from '@postplan/contracts';
import { useId, useMemo, useRef, useState } from 'react';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import type { ReviewTransitionPath } from '../../../lib/api/endpoints';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { who } from '../../../lib/i18n/translate';
import type { MessageKey } from '../../../lib/i18n/messages-en';
import { toPost, useReviewAction } from '../api/use-post-review';
import { formatWhen } from '../utils/format';
import { levelViews, type LevelView } from '../utils/levels';
import { listAlternatives, listNames, namesFrom } from '../utils/people';
import { statusExplanation } from '../utils/status-explanation';

export type ApprovalPanelProps = {
  workspace: WorkspaceMembership;
  userId: string;
  /** The post as the editor shows it: its version is the one every action is based on. */
  post: Post;
  /** The same post with its review state, as the server answered last. */
  detail: PostDetail;
  members: readonly Member[] | undefined;
  /** The editor has changes that are not saved: a decision would not cover them. */
  unsaved?: boolean;
  /** A transition succeeded: the post has a new version and status, the same content. */
  onTransition?: (post: Post) => void;
  /** The server has a newer version than the editor shows. */
  onOutdated?: (current: Post) => void;
  /** Reloads the review state after a refusal because the post changed. */
  onRefresh: () => Promise<PostDetail | undefined>;
};

type SimpleAction = 'withdraw' | 'reopen' | 'promote';

const DONE: Record<SimpleAction | 'request-changes', MessageKey> = {
  withdraw: 'review.done.withdrawn',
  reopen: 'review.done.reopened',
  promote: 'review.done.promoted',
  'request-changes': 'review.done.changes',
};

const STATE_LABEL: Record<LevelView['state'], MessageKey> = {
  done: 'review.level.state.done',
  current: 'review.level.state.current',
  later: 'review.level.state.later',
};

const STATE_ICON: Record<LevelView['state'], string> = { done: '✓', current: '●', later: '○' };

/**
 * The post's editorial state and the decisions the caller may take. Which buttons appear is the
 * server's answer (`review.can`); every request carries the version shown, and decisions also the
 * content hash shown, so nobody approves words they did not see.
 */
export function ApprovalPanel({
  workspace,
  userId,
  post,
  detail,
  members,
  unsaved = false,
  onTransition,
  onOutdated,
  onRefresh,
}: ApprovalPanelProps) {
  const { t, intlLocale, locale } = useI18n();
  const toast = useToast();
  const noteId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const mutation = useReviewAction(workspace.slug);

  const { review } = detail;
  const { can, round } = review;
  const when = (iso: string) => formatWhen(iso, intlLocale, workspace.timeZone);
  const nameOf = useMemo(() => namesFrom(members, round), [members, round]);
  const person = (id: string, grammaticalCase: 'dative' | 'accusative' = 'dative') =>
    id === userId
      ? t(grammaticalCase === 'dative' ? 'review.you' : 'review.youAccusative')
      : (nameOf(id) ?? t('review.someone'));
  const running = detail.status === 'in_review';
  const levels = round ? levelViews(round, person, running) : [];
  const showRound =
    round !== null &&
    (detail.status === 'in_review' ||
      detail.status === 'changes_requested' ||
      (detail.status === 'approved' && review.approval?.kind === 'reviewed'));
  const outdated = detail.version !== post.version;
  const deciding = can.approve || can.requestChanges;
  const blocked = detail.wording.blocking.length > 0;
  const isAuthor = detail.authorId === userId;
  const pending = mutation.isPending;

  const run = (
    action: ReviewTransitionPath,
    withDecision: boolean,
    done: (next: PostDetail) => MessageKey,
  ) => {
    setFailure(null);
    setStale(false);
    const trimmed = note.trim();
    mutation.mutate(
      {
        id: post.id,
        action,
        body: {
          version: post.version,
          ...(withDecision ? { contentHash: review.contentHash } : {}),
          ...(withDecision && trimmed ? { note: trimmed } : {}),
        },
      },
      {
        onSuccess: (next) => {
          setNote('');
          setNoteError(null);
          toast.show({ tone: 'success', message: t(done(next)) });
          onTransition?.(toPost(next));
        },
        onError: (error) => {
          if (isApiError(error, 'STALE_VERSION') || isApiError(error, 'CONTENT_CHANGED')) {
            setStale(true);
            void onRefresh().then((current) => {
              if (current && current.version !== post.version) onOutdated?.(toPost(current));
            });
            return;
          }
          setFailure(errorMessage(error, t, locale));
        },
      },
    );
  };

  const approve = () =>
    run('approve', true, (next) =>
      next.status === 'approved' ? 'review.done.approved' : 'review.done.approvedLevel',
    );
  const requestChanges = () => {
    if (!note.trim()) {
      setNoteError(t('review.note.required'));
      noteRef.current?.focus();
      return;
    }
    run('request-changes', true, () => DONE['request-changes']);
  };
  const simple = (action: SimpleAction) => run(action, false, () => DONE[action]);
  // In the order they are offered; withdrawing is the quiet one.
  const simpleActions = (['promote', 'reopen', 'withdraw'] as const).filter((a) => can[a]);

  const decisionsBlocked = pending || outdated || unsaved;

  return (
    <div className="approval-panel" data-testid="approval-panel">
      <div className="approval-panel__status">
        <StatusBadge status={detail.status} label={t(`status.${detail.status}`)} />
        <p data-testid="status-explanation">
          {t(statusExplanation(detail.status, review.statusReason, review.approval?.kind ?? null))}
        </p>
      </div>

      {review.approval && (
        <p className="approval-panel__approval" data-testid="approval-summary">
          {review.approval.kind === 'reviewed'
            ? t('review.approval.reviewed', {
                when: when(review.approval.at),
                names: listNames(
                  review.approval.approverIds.map((id) => person(id)),
                  intlLocale,
                ),
              })
            : t('review.approval.notRequired', { when: when(review.approval.at) })}
        </p>
      )}

      {stale && (
        <div className="alert alert--warning" role="alert" data-testid="review-stale">
          <p className="alert__title">{t('review.stale.title')}</p>
          <p>{t('review.stale.body')}</p>
        </div>
      )}
      {outdated && !stale && (
        <div className="alert alert--warning" role="alert" data-testid="review-outdated">
          <p>{t('review.outdated')}</p>
          {onOutdated && (
            <button
              type="button"
              className="button button--small"
              onClick={() => onOutdated(toPost(detail))}
            >
              {t('review.outdated.load')}
            </button>
          )}
        </div>
      )}
      {failure && (
        <div className="alert alert--error" role="alert" data-testid="review-error">
          <p>{failure}</p>
        </div>
      )}

      {showRound && round && (
        <section className="approval-panel__round" aria-label={t('review.levels.title')}>
          <p className="approval-panel__meta">
            {t('review.round', { number: round.number, when: when(round.startedAt) })}
          </p>
          <ol className="approval-levels" data-testid="approval-levels">
            {levels.map((level) => (
              <li
                key={level.index}
                className={`approval-level approval-level--${level.state}`}
                aria-current={level.state === 'current' && running ? 'step' : undefined}
                data-testid="approval-level"
              >
                <span className="approval-level__state">
                  <span aria-hidden="true">{STATE_ICON[level.state]}</span>{' '}
                  {t(STATE_LABEL[level.state])}
                </span>
                <span className="approval-level__name">
                  {level.name ?? t('review.level.approval')}
                </span>
                <span className="approval-level__mode">
                  {level.client
                    ? t('review.level.client')
                    : t(level.mode === 'all' ? 'review.level.modeAll' : 'review.level.modeAny')}
                </span>
                {level.approvedBy.length > 0 && (
                  <span className="approval-level__who">
                    {t('review.level.approvedBy', {
                      names: listNames(level.approvedBy, intlLocale),
                    })}
                  </span>
                )}
                {running && level.state === 'current' && (
                  <span className="approval-level__who">
                    {level.client
                      ? t('review.level.waitingClient')
                      : level.stuck
                        ? t('review.level.nobody')
                        : level.mode === 'all'
                          ? t('review.level.waitingAll', {
                              names: listNames(level.waitingFor, intlLocale),
                            })
                          : t('review.level.waitingAny', {
                              names: listAlternatives(level.waitingFor, intlLocale),
                            })}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <h4 className="approval-panel__subtitle">{t('review.decisions.title')}</h4>
          {round.decisions.length === 0 ? (
            <p className="approval-panel__meta">{t('review.decisions.none')}</p>
          ) : (
            <ul className="review-decisions" data-testid="review-decisions">
              {round.decisions.map((d, i) => (
                <li
                  key={`${d.userId}:${d.at}:${i}`}
                  className={`review-decision review-decision--${d.decision}`}
                >
                  <span className="review-decision__head">
                    <span aria-hidden="true">{d.decision === 'approve' ? '✓' : '✎'}</span>{' '}
                    {t(
                      d.decision === 'approve'
                        ? 'review.decision.approved'
                        : 'review.decision.changes',
                      {
                        name: d.viaLink
                          ? t('comments.viaLink', {
                              name: d.viaLink.visitorName,
                              label: d.viaLink.label,
                            })
                          : d.name,
                        who: who(d.userId === userId),
                      },
                    )}
                    {round.policyKind === 'levels' && (
                      <span className="review-decision__level">
                        {' · '}
                        {round.levels[d.level]?.name ??
                          t('review.decision.level', { level: d.level + 1 })}
                      </span>
                    )}
                    <time className="review-decision__time" dateTime={d.at}>
                      {when(d.at)}
                    </time>
                  </span>
                  {d.note && <q className="review-decision__note">{d.note}</q>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {isAuthor && running && !can.approve && (
        <p className="notice" role="note">
          {t('review.ownPost')}
        </p>
      )}
      {deciding && unsaved && (
        <p className="notice" role="note" data-testid="review-unsaved">
          {t('review.unsaved')}
        </p>
      )}
      {can.approve && blocked && (
        <p className="notice" role="note">
          {t('review.blocked')}
        </p>
      )}

      {deciding && (
        <section className="approval-panel__decide" aria-label={t('review.actions.title')}>
          <div className="field">
            <label htmlFor={noteId} className="field__label">
              {can.requestChanges ? t('review.note.changes') : t('review.note.optional')}
            </label>
            <textarea
              id={noteId}
              ref={noteRef}
              rows={3}
              maxLength={2000}
              value={note}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={`${noteId}-hint${noteError ? ` ${noteId}-error` : ''}`}
              onChange={(e) => {
                setNote(e.target.value);
                if (e.target.value.trim()) setNoteError(null);
              }}
              data-testid="review-note"
            />
            <p id={`${noteId}-hint`} className="field__hint">
              {t('review.note.hint')}
            </p>
            {noteError && (
              <p id={`${noteId}-error`} className="field__error">
                {noteError}
              </p>
            )}
          </div>
          <div className="approval-panel__buttons">
            {can.requestChanges && (
              <button
                type="button"
                className="button"
                disabled={decisionsBlocked}
                onClick={requestChanges}
                data-testid="review-request-changes"
              >
                {t('review.action.requestChanges')}
              </button>
            )}
            {can.approve && (
              <button
                type="button"
                className="button button--primary"
                disabled={decisionsBlocked || blocked}
                onClick={approve}
                data-testid="review-approve"
              >
                {pending ? t('review.action.working') : t('review.action.approve')}
              </button>
            )}
          </div>
        </section>
      )}

      {simpleActions.length > 0 && (
        <div className="approval-panel__buttons">
          {simpleActions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'withdraw' ? 'button button--ghost' : 'button'}
              disabled={pending || outdated}
              onClick={() => simple(action)}
              data-testid={`review-${action}`}
            >
              {t(`review.action.${action}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
