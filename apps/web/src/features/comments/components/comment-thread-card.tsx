import type { Comment, CommentThread } from '@postplan/contracts';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { Translate } from '../../../lib/i18n/translate';
import { commentPermissions, type CommentViewer } from '../utils/comment-permissions';
import type { MemberOption } from '../utils/mention-query';
import { CommentComposer, type ComposerValue } from './comment-composer';

/** Each resolves to whether it worked; failures are reported by the sidebar, never thrown. */
export type ThreadActions = {
  reply: (threadId: string, body: string) => Promise<boolean>;
  edit: (commentId: string, body: string) => Promise<boolean>;
  remove: (commentId: string) => Promise<boolean>;
  resolve: (threadId: string, resolved: boolean) => Promise<boolean>;
  accept: (threadId: string) => Promise<boolean>;
  dismiss: (threadId: string) => Promise<boolean>;
};

type ThreadCardProps = {
  thread: CommentThread;
  viewer: CommentViewer;
  members: readonly MemberOption[];
  channelName: (channelId: string) => string;
  active: boolean;
  onActivate: (thread: CommentThread) => void;
  actions: ThreadActions;
  pending: boolean;
  /** Why accepting is not possible right now (unsaved edits), if it is not. */
  acceptBlockedReason: string | null;
  formatTime: (iso: string) => string;
};

function authorName(comment: Comment, t: Translate): string {
  const a = comment.author;
  return a.type === 'link'
    ? t('comments.viaLink', { name: a.visitorName, label: a.label })
    : a.name;
}

/** The body with its @mentions set apart; ranges come from the server. */
function CommentText({ comment }: { comment: Comment }) {
  const body = comment.body ?? '';
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of [...comment.mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > body.length) continue;
    if (m.start > at) parts.push(body.slice(at, m.start));
    parts.push(
      <span key={m.start} className="comment-mention">
        {body.slice(m.start, m.end)}
      </span>,
    );
    at = m.end;
  }
  parts.push(body.slice(at));
  return <p className="comment__body">{parts}</p>;
}

function CommentItem({
  comment,
  viewer,
  members,
  actions,
  pending,
  formatTime,
}: {
  comment: Comment;
  viewer: CommentViewer;
  members: readonly MemberOption[];
  actions: ThreadActions;
  pending: boolean;
  formatTime: (iso: string) => string;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (comment.deleted) {
    return <p className="comment comment--deleted">{t('comments.deleted')}</p>;
  }
  return (
    <div className="comment" data-testid="comment">
      <p className="comment__meta">
        <span className="comment__author">{authorName(comment, t)}</span>
        <time dateTime={comment.createdAt}>{formatTime(comment.createdAt)}</time>
        {comment.editedAt && <span className="comment__edited">({t('comments.edited')})</span>}
      </p>
      {editing ? (
        <CommentComposer
          label={t('comments.edit.label')}
          placeholder=""
          members={members}
          pending={pending}
          initialBody={comment.body ?? ''}
          submitLabel={t('comments.save')}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={({ body }) =>
            actions.edit(comment.id, body).then((ok) => {
              if (ok) setEditing(false);
              return ok;
            })
          }
        />
      ) : (
        comment.body !== '' && <CommentText comment={comment} />
      )}
      {!editing && (
        <div className="comment__tools">
          {commentPermissions.edit(comment, viewer) && (
            <button type="button" className="comment-link-button" onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </button>
          )}
          {commentPermissions.remove(comment, viewer) && (
            <button
              type="button"
              className="comment-link-button comment-link-button--danger"
              disabled={pending}
              onClick={() => {
                if (!confirming) {
                  setConfirming(true);
                  return;
                }
                void actions.remove(comment.id);
              }}
              onBlur={() => setConfirming(false)}
            >
              {confirming ? t('comments.deleteConfirm') : t('comments.delete')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function SuggestionCard({
  thread,
  viewer,
  actions,
  pending,
  acceptBlockedReason,
}: {
  thread: CommentThread;
  viewer: CommentViewer;
  actions: ThreadActions;
  pending: boolean;
  acceptBlockedReason: string | null;
}) {
  const { t } = useI18n();
  const suggestion = thread.suggestion;
  if (!suggestion || !thread.anchor) return null;
  const outdated = thread.anchor.outdated;
  const open = suggestion.state === 'open';
  const reason = outdated ? t('comments.suggestion.outdated') : acceptBlockedReason;
  return (
    <div
      className={`suggestion suggestion--${suggestion.state}`}
      data-testid="suggestion"
      data-state={suggestion.state}
    >
      <p className="suggestion__title">{t('comments.suggestion.title')}</p>
      <p className="suggestion__change">
        <del>{thread.anchor.quote}</del>
        <span aria-hidden="true"> → </span>
        {suggestion.text === '' ? (
          <em>{t('comments.suggestion.delete')}</em>
        ) : (
          <ins>{suggestion.text}</ins>
        )}
      </p>
      {suggestion.state === 'accepted' && (
        <p className="suggestion__state">
          {t('comments.suggestion.accepted', { name: suggestion.decidedBy?.name ?? '' })}
        </p>
      )}
      {suggestion.state === 'dismissed' && (
        <p className="suggestion__state">
          {t('comments.suggestion.dismissed', { name: suggestion.decidedBy?.name ?? '' })}
        </p>
      )}
      {open && (
        <div className="suggestion__actions">
          {commentPermissions.accept(viewer) && (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={pending || reason !== null}
              title={reason ?? undefined}
              onClick={() => void actions.accept(thread.id)}
            >
              {t('comments.suggestion.accept')}
            </button>
          )}
          {commentPermissions.dismiss(thread, viewer) && (
            <button
              type="button"
              className="button button--small"
              disabled={pending}
              onClick={() => void actions.dismiss(thread.id)}
            >
              {t('comments.suggestion.dismiss')}
            </button>
          )}
          {reason && commentPermissions.accept(viewer) && <p className="field__hint">{reason}</p>}
        </div>
      )}
    </div>
  );
}

/** One thread in the sidebar: what it points at, the conversation, its suggestion and actions. */
export function CommentThreadCard({
  thread,
  viewer,
  members,
  channelName,
  active,
  onActivate,
  actions,
  pending,
  acceptBlockedReason,
  formatTime,
}: ThreadCardProps) {
  const { t } = useI18n();
  const [replying, setReplying] = useState(false);
  const anchor = thread.anchor;
  const resolved = thread.resolvedAt !== null;

  return (
    <article
      className={[
        'comment-thread',
        active ? 'comment-thread--active' : '',
        resolved ? 'comment-thread--resolved' : '',
        anchor?.outdated ? 'comment-thread--outdated' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      aria-current={active ? 'true' : undefined}
    >
      {anchor && (
        <div className="comment-thread__anchor">
          <button
            type="button"
            className="comment-quote comment-quote--button"
            onClick={() => onActivate(thread)}
            disabled={anchor.outdated}
            title={anchor.outdated ? t('comments.outdated.hint') : t('comments.showInText')}
          >
            {anchor.outdated ? <s>{anchor.quote}</s> : anchor.quote}
          </button>
          {anchor.channelId && (
            <span className="comment-thread__channel">
              {t('comments.onChannel', { channel: channelName(anchor.channelId) })}
            </span>
          )}
          {anchor.outdated && (
            <span
              className="comment-badge comment-badge--warning"
              title={t('comments.outdated.hint')}
              data-testid="outdated"
            >
              {t('comments.outdated')}
            </span>
          )}
        </div>
      )}
      <CommentItem
        comment={thread}
        viewer={viewer}
        members={members}
        actions={actions}
        pending={pending}
        formatTime={formatTime}
      />
      <SuggestionCard
        thread={thread}
        viewer={viewer}
        actions={actions}
        pending={pending}
        acceptBlockedReason={acceptBlockedReason}
      />
      {thread.replies.length > 0 && (
        <div className="comment-thread__replies">
          {thread.replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              viewer={viewer}
              members={members}
              actions={actions}
              pending={pending}
              formatTime={formatTime}
            />
          ))}
        </div>
      )}
      {resolved && thread.resolvedBy && thread.resolvedAt && (
        <p className="comment-thread__resolved">
          {t('comments.resolvedBy', {
            name: thread.resolvedBy.name,
            when: formatTime(thread.resolvedAt),
          })}
        </p>
      )}
      {replying ? (
        <CommentComposer
          label={t('comments.reply.label')}
          placeholder={t('comments.reply.placeholder')}
          members={members}
          pending={pending}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={({ body }: ComposerValue) =>
            actions.reply(thread.id, body).then((ok) => {
              if (ok) setReplying(false);
              return ok;
            })
          }
        />
      ) : (
        <div className="comment-thread__actions">
          {commentPermissions.comment(viewer) && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setReplying(true)}
            >
              {t('comments.reply')}
            </button>
          )}
          {commentPermissions.resolve(thread, viewer) && (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={pending}
              onClick={() => void actions.resolve(thread.id, !resolved)}
            >
              {resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
