import type { CommentThread, PostDetail, Role } from '@postplan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { queryKeys } from '../../../lib/api/endpoints';
import { useMembers } from '../../../lib/api/queries';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useCommentMutations, useCommentThreads } from '../api/use-comments';
import { commentPermissions, type CommentViewer } from '../utils/comment-permissions';
import type { MemberOption } from '../utils/mention-query';
import { sortThreads, splitByResolution, type CommentSelection } from '../utils/threads';
import { CommentComposer } from './comment-composer';
import { CommentThreadCard, type ThreadActions } from './comment-thread-card';
import './comments.css';

export type CommentSidebarProps = {
  /** The workspace's slug (or id). */
  workspace: string;
  /** The workspace's zone, in which times are shown. */
  timeZone: string;
  /** The post as last saved: its id, the version a suggestion is accepted on, its author. */
  post: { id: string; version: number; authorId: string };
  userId: string;
  role: Role;
  /** The post's channels, in the editor's order, to name variant texts. */
  channels: readonly { id: string; name: string }[];
  /** Words selected in the editor; a new comment is anchored to them. */
  selection?: CommentSelection | null;
  onClearSelection?: () => void;
  /** The thread focused from the editor (a highlight was clicked). */
  activeThreadId?: string | null;
  /** A thread's quote was clicked: show its words in the editor. */
  onActivateThread?: (thread: CommentThread) => void;
  /** The threads as loaded, to draw the highlights in the editor. */
  onThreadsChange?: (threads: readonly CommentThread[]) => void;
  /** A suggestion was accepted: the post has a new version with new text. */
  onPostChanged?: (post: PostDetail) => void;
  /** The editor holds unsaved edits of the text: accepting would overwrite them. */
  hasUnsavedChanges?: boolean;
};

/**
 * The comment sidebar of the post editor: threads (open ones first, in the order their words
 * stand), replies, resolve and reopen, suggestions to accept or dismiss, outdated markers, and a
 * composer that anchors to the editor's selection and completes @mentions.
 */
export function CommentSidebar({
  workspace,
  timeZone,
  post,
  userId,
  role,
  channels,
  selection: selected = null,
  onClearSelection,
  activeThreadId = null,
  onActivateThread,
  onThreadsChange,
  onPostChanged,
  hasUnsavedChanges = false,
}: CommentSidebarProps) {
  const { t, intlLocale } = useI18n();
  const toast = useToast();
  const client = useQueryClient();
  const threadsQuery = useCommentThreads(workspace, post.id);
  const membersQuery = useMembers(workspace, true);
  const mutations = useCommentMutations(workspace, post.id);
  const [showResolved, setShowResolved] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  const viewer: CommentViewer = { userId, role, postAuthorId: post.authorId };
  const members: MemberOption[] = useMemo(
    () =>
      (membersQuery.data?.items ?? []).map((m) => ({
        userId: m.userId,
        name: m.name,
        email: m.email,
      })),
    [membersQuery.data],
  );
  const channelNames = useMemo(() => new Map(channels.map((c) => [c.id, c.name])), [channels]);
  const items = threadsQuery.data?.items;
  const sorted = useMemo(
    () =>
      sortThreads(
        items ?? [],
        channels.map((c) => c.id),
      ),
    [items, channels],
  );
  const { open, resolved } = splitByResolution(sorted);

  useEffect(() => {
    if (items) onThreadsChange?.(items);
  }, [items, onThreadsChange]);

  // A highlight clicked in the editor brings its thread into view, even a resolved one.
  const activeIsResolved = resolved.some((r) => r.id === activeThreadId);
  const resolvedVisible = showResolved || activeIsResolved;
  useEffect(() => {
    if (!activeThreadId) return;
    const card = listRef.current?.querySelector<HTMLElement>(
      `[data-thread-id="${activeThreadId}"]`,
    );
    card?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [activeThreadId, resolvedVisible]);

  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    return (iso: string) => format.format(new Date(iso));
  }, [intlLocale, timeZone]);

  /** Runs a change; a failure becomes a message and a fresh load (the thread may have moved on). */
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      toast.show({ tone: 'error', message: errorMessage(error, t) });
      await client.invalidateQueries({ queryKey: queryKeys.comments(workspace, post.id) });
      return false;
    }
  };

  const actions: ThreadActions = {
    reply: (threadId, body) =>
      run(() => mutations.create.mutateAsync({ body, parentId: threadId })),
    edit: (id, body) => run(() => mutations.update.mutateAsync({ id, body: { body } })),
    remove: (id) => run(() => mutations.remove.mutateAsync(id)),
    resolve: (id, done) =>
      run(() => mutations.act.mutateAsync({ id, action: done ? 'resolve' : 'reopen' })),
    dismiss: (id) => run(() => mutations.act.mutateAsync({ id, action: 'dismiss-suggestion' })),
    accept: (id) =>
      run(async () => {
        const result = await mutations.accept.mutateAsync({ id, version: post.version });
        toast.show({
          tone: 'success',
          message: t('comments.suggestion.applied', { version: result.post.version }),
        });
        onPostChanged?.(result.post);
      }),
  };
  const pending =
    mutations.create.isPending ||
    mutations.update.isPending ||
    mutations.remove.isPending ||
    mutations.act.isPending ||
    mutations.accept.isPending;

  const canComment = commentPermissions.comment(viewer);
  // Offsets refer to the saved text; words selected in unsaved edits cannot be anchored yet.
  const selection = hasUnsavedChanges ? null : selected;
  const card = (thread: CommentThread) => (
    <CommentThreadCard
      key={thread.id}
      thread={thread}
      viewer={viewer}
      members={members}
      channelName={(id) => channelNames.get(id) ?? id}
      active={thread.id === activeThreadId}
      onActivate={(th) => onActivateThread?.(th)}
      actions={actions}
      pending={pending}
      acceptBlockedReason={hasUnsavedChanges ? t('comments.suggestion.saveFirst') : null}
      formatTime={formatTime}
    />
  );

  return (
    <section className="comment-sidebar" aria-labelledby={titleId} data-testid="comment-sidebar">
      <header className="comment-sidebar__header">
        <h3 id={titleId} className="comment-sidebar__title">
          {t('comments.title')}
        </h3>
        {items && (
          <span className="comment-sidebar__count">
            {t('comments.openCount', { count: open.length })}
          </span>
        )}
      </header>

      {canComment && selected && hasUnsavedChanges && (
        <p className="field__hint" role="note">
          {t('comments.new.saveFirst')}
        </p>
      )}
      {canComment ? (
        <CommentComposer
          label={t('comments.new.label')}
          placeholder={t('comments.new.placeholder')}
          members={members}
          selection={selection}
          onClearSelection={onClearSelection}
          pending={mutations.create.isPending}
          testId="comment-composer"
          onSubmit={(value) =>
            run(() =>
              mutations.create.mutateAsync({
                body: value.body,
                ...(selection
                  ? {
                      anchor: {
                        channelId: selection.channelId,
                        start: selection.start,
                        end: selection.end,
                        quote: selection.quote,
                      },
                    }
                  : {}),
                ...(value.suggestion !== undefined ? { suggestion: value.suggestion } : {}),
              }),
            ).then((ok) => {
              if (ok) onClearSelection?.();
              return ok;
            })
          }
        />
      ) : (
        <p className="notice" role="note">
          {t('comments.readOnly')}
        </p>
      )}

      <div className="comment-sidebar__list" ref={listRef}>
        {threadsQuery.isPending && <LoadingState label={t('comments.loading')} />}
        {threadsQuery.isError && (
          <ErrorState
            message={t('comments.loadFailed')}
            detail={errorMessage(threadsQuery.error, t)}
            action={
              <button
                type="button"
                className="button button--small"
                onClick={() => void threadsQuery.refetch()}
              >
                {t('app.retry')}
              </button>
            }
          />
        )}
        {items && items.length === 0 && (
          <p className="comment-sidebar__empty">{t('comments.empty')}</p>
        )}
        {open.map(card)}
        {resolved.length > 0 && (
          <button
            type="button"
            className="button button--ghost button--small comment-sidebar__toggle"
            aria-expanded={resolvedVisible}
            onClick={() => setShowResolved(!resolvedVisible)}
          >
            {resolvedVisible
              ? t('comments.hideResolved')
              : t('comments.showResolved', { count: resolved.length })}
          </button>
        )}
        {resolvedVisible && resolved.map(card)}
      </div>
    </section>
  );
}
