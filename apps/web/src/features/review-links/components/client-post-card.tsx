import type { ReviewLinkInfo, ReviewPost } from '@postplan/contracts';
import { useId, useState, type FormEvent } from 'react';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useToast } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api/api-error';
import { clientErrorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useDecide, useSendComment, useVisitorComments } from '../api/use-client-review';
import { formatPlanned } from '../utils/visitor';

type Props = {
  token: string;
  info: ReviewLinkInfo;
  post: ReviewPost;
  visitorName: string;
};

type Panel = 'none' | 'changes' | 'comment';

export function ClientPostCard({ token, info, post, visitorName }: Props) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const decide = useDecide(token, post.id);
  const send = useSendComment(token, post.id);
  const comments = useVisitorComments(token, post.id, info.permission !== 'view');
  const [panel, setPanel] = useState<Panel>('none');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const titleId = useId();
  const noteId = useId();

  const planned = post.plannedAt
    ? t('clientReview.planned', { date: formatPlanned(post.plannedAt, intlLocale, info.timeZone) })
    : t('clientReview.unplanned');
  const current = post.clientLevels.find((level) => level.current);
  const pendingLater =
    post.status === 'in_review' && !current && post.clientLevels.some((l) => !l.satisfied);
  const approvers = [...new Set(post.clientLevels.flatMap((l) => l.approvedBy))];
  // Approvals show in the level line; requests for changes and notes need their own words.
  const worded = post.decisions.filter((d) => d.decision === 'request_changes' || d.note);

  const failed = (error: unknown) =>
    toast.show({
      tone: 'error',
      message: isApiError(error, 'CONTENT_CHANGED')
        ? t('clientReview.contentChanged')
        : clientErrorMessage(error, t),
    });

  const approve = () =>
    decide.mutate(
      {
        decision: 'approve',
        body: { visitorName, contentHash: post.contentHash },
      },
      {
        onSuccess: () => toast.show({ tone: 'success', message: t('clientReview.approved') }),
        onError: failed,
      },
    );

  const open = (next: Panel) => {
    setPanel((currentPanel) => (currentPanel === next ? 'none' : next));
    setNote('');
    setNoteError(null);
  };

  const submitNote = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) {
      setNoteError(
        t(
          panel === 'changes'
            ? 'clientReview.requestChanges.noteRequired'
            : 'clientReview.comment.required',
        ),
      );
      return;
    }
    const done = (message: string) => {
      toast.show({ tone: 'success', message });
      setPanel('none');
      setNote('');
    };
    if (panel === 'changes') {
      decide.mutate(
        {
          decision: 'request_changes',
          body: { visitorName, note: text, contentHash: post.contentHash },
        },
        { onSuccess: () => done(t('clientReview.requestChanges.sent')), onError: failed },
      );
    } else {
      send.mutate(
        { visitorName, body: text },
        { onSuccess: () => done(t('clientReview.comment.sent')), onError: failed },
      );
    }
  };

  const threads = comments.data?.items ?? [];
  const busy = decide.isPending || send.isPending;

  return (
    <article className="client-post" aria-labelledby={titleId} data-testid="client-post">
      <header className="client-post__header">
        <h2 id={titleId} className="client-post__title">
          {post.title || planned}
        </h2>
        <StatusBadge status={post.status} label={t(`status.${post.status}`)} />
      </header>
      <p className="client-post__planned">{planned}</p>

      {post.texts.map((entry) => (
        <section key={entry.channel?.id ?? 'base'} className="client-post__text-block">
          <h3 className="client-post__channel">
            {entry.channel ? entry.channel.name : t('clientReview.baseText')}
          </h3>
          <p className="client-post__text">{entry.text}</p>
        </section>
      ))}

      {current && (
        <p className="client-post__level client-post__level--waiting">
          {t('clientReview.levels.waiting')}
        </p>
      )}
      {pendingLater && <p className="client-post__level">{t('clientReview.levels.notYet')}</p>}
      {approvers.length > 0 && (
        <p className="client-post__level client-post__level--done">
          {t('clientReview.levels.approvedBy', { names: approvers.join(', ') })}
        </p>
      )}
      {worded.length > 0 && (
        <ul className="client-post__decisions">
          {worded.map((d) => (
            <li key={`${d.at}-${d.name}`}>
              {t(`clientReview.decision.${d.decision}`, { name: d.name })}
              {d.note && <q className="client-post__note">{d.note}</q>}
            </li>
          ))}
        </ul>
      )}

      {(post.can.approve || post.can.requestChanges || post.can.comment) && (
        <div className="client-post__actions">
          {post.can.approve && (
            <button
              type="button"
              className="button button--primary client-review__big-button"
              disabled={busy}
              onClick={approve}
            >
              {decide.isPending && decide.variables?.decision === 'approve'
                ? t('clientReview.approving')
                : t('clientReview.approve')}
            </button>
          )}
          {post.can.requestChanges && (
            <button
              type="button"
              className="button client-review__big-button"
              aria-expanded={panel === 'changes'}
              disabled={busy}
              onClick={() => open('changes')}
            >
              {t('clientReview.requestChanges')}
            </button>
          )}
          {post.can.comment && (
            <button
              type="button"
              className="button client-review__big-button"
              aria-expanded={panel === 'comment'}
              disabled={busy}
              onClick={() => open('comment')}
            >
              {t('clientReview.comment')}
            </button>
          )}
        </div>
      )}

      {panel !== 'none' && (
        <form className="client-post__note-form" onSubmit={submitNote} noValidate>
          <label htmlFor={noteId} className="field__label">
            {t(
              panel === 'changes'
                ? 'clientReview.requestChanges.note'
                : 'clientReview.comment.label',
            )}
          </label>
          <textarea
            id={noteId}
            rows={4}
            value={note}
            maxLength={panel === 'changes' ? 2000 : 5000}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
          {noteError && (
            <p id={`${noteId}-error`} className="field__error">
              {noteError}
            </p>
          )}
          <div className="client-post__actions">
            <button
              type="submit"
              className="button button--primary client-review__big-button"
              disabled={busy}
            >
              {t(
                panel === 'changes'
                  ? 'clientReview.requestChanges.send'
                  : 'clientReview.comment.send',
              )}
            </button>
            <button
              type="button"
              className="button client-review__big-button"
              onClick={() => open('none')}
            >
              {t('clientReview.cancel')}
            </button>
          </div>
        </form>
      )}

      {threads.length > 0 && (
        <section className="client-post__comments" aria-label={t('clientReview.comments.title')}>
          <h3 className="client-post__channel">{t('clientReview.comments.title')}</h3>
          <ul>
            {threads.map((thread) => (
              <li key={thread.id} className="client-post__comment">
                <p className="client-post__comment-author">
                  {thread.author.type === 'link' ? thread.author.visitorName : thread.author.name}
                </p>
                <p className="client-post__text">{thread.body}</p>
                {thread.replies.map((reply) => (
                  <div key={reply.id} className="client-post__reply">
                    <p className="client-post__comment-author">
                      {reply.author.type === 'link' ? reply.author.visitorName : reply.author.name}
                    </p>
                    <p className="client-post__text">{reply.body}</p>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
