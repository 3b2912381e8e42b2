import { Injectable } from '@nestjs/common';
import {
  type AcceptSuggestionResponse,
  type CommentThread,
  type CommentThreadList,
  CreateCommentRequestSchema,
  type UpdateCommentRequestSchema,
} from '@postplan/contracts';
import { applySuggestion, createAnchor, parseMentions, type TextAnchor } from '@postplan/domain';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { hasRole } from '@postplan/contracts';
import { type AuditActor, AuditService } from '../audit/audit.service';
import { postNotFound } from '../posts/post.errors';
import { PostRecordsService } from '../posts/post-records.service';
import { type PostRow } from '../posts/posts.repository';
import { PostsService } from '../posts/posts.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { CommentError, commentNotFound } from './comment.errors';
import { anchoredText, storedAnchor, toThread, toThreads } from './comment.mapper';
import { appErrorOf, invalidInput, staleVersion } from '../../common/errors/app-error';
import { CommentNotifier, commentRecipients } from './comment-notifier';
import {
  type CommentAuthorWrite,
  type CommentRow,
  CommentsRepository,
  type StoredMention,
} from './comments.repository';

type CreateInput = z.output<typeof CreateCommentRequestSchema>;
type UpdateInput = z.output<typeof UpdateCommentRequestSchema>;

/** A member acting through the API. */
export type MemberCaller = { userId: string; workspace: WorkspaceWithRole };

/** What the review-link module passes for a visitor, after checking the link allows commenting. */
export type VisitorCommentInput = {
  workspaceId: string;
  postId: string;
  link: { linkId: string; label: string };
  visitorName: string;
  /** The channels the link shows; a visitor cannot point at or read into other variants. */
  visibleChannelIds: readonly string[] | null;
  comment: unknown;
};

type Author = { write: CommentAuthorWrite; audit: AuditActor; userId: string | null };

const MAX_VISITOR_NAME = 120;

/**
 * Comments on a post's wording: threads, anchors that follow the text, suggestions, mentions.
 * Every change runs in one transaction together with its audit record and its notifications.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly posts: PostRecordsService,
    private readonly workspaces: WorkspacesService,
    private readonly audit: AuditService,
    private readonly notifier: CommentNotifier,
    private readonly postsService: PostsService,
  ) {}

  // ---- reading ----

  /**
   * The post's threads, each anchored comment placed in the current text (or outdated).
   * `visibleChannelIds` limits a link visitor to what the link shows.
   */
  async list(
    workspaceId: string,
    postId: string,
    visibleChannelIds: readonly string[] | null = null,
  ): Promise<CommentThreadList> {
    const post = await this.posts.find(workspaceId, postId);
    if (!post) throw postNotFound();
    const rows = await this.comments.listForPost(workspaceId, postId);
    const threads = toThreads(rows, post).filter((t) =>
      visibleToLink(t.anchor?.channelId ?? null, visibleChannelIds),
    );
    return { items: threads, postVersion: post.version };
  }

  // ---- writing ----

  create(caller: MemberCaller, postId: string, input: CreateInput): Promise<CommentThread> {
    return this.createComment(
      caller.workspace.id,
      postId,
      memberAuthor(caller.userId),
      input,
      null,
    );
  }

  /**
   * A comment by a review-link visitor. The caller has already checked that the link is valid,
   * covers this post and grants `comment`; this validates the comment itself.
   */
  async createAsVisitor(v: VisitorCommentInput): Promise<CommentThread> {
    const input = CreateCommentRequestSchema.parse(v.comment);
    const visitorName = v.visitorName.trim().replace(/\s+/gu, ' ');
    if (visitorName === '' || visitorName.length > MAX_VISITOR_NAME) {
      throw invalidInput(
        'visitorName',
        `Give your name (at most ${MAX_VISITOR_NAME} characters) so the team knows who commented.`,
      );
    }
    const link = { type: 'link' as const, ...v.link, visitorName };
    return this.createComment(
      v.workspaceId,
      v.postId,
      { write: link, audit: link, userId: null },
      input,
      v.visibleChannelIds,
    );
  }

  async update(
    caller: MemberCaller,
    postId: string,
    commentId: string,
    input: UpdateInput,
  ): Promise<CommentThread> {
    const wsId = caller.workspace.id;
    return this.comments.transaction(async (em) => {
      const post = await this.livePost(em, wsId, postId);
      const row = await this.liveComment(em, wsId, postId, commentId);
      if (row.author_type !== 'user' || row.author_user_id !== caller.userId) {
        throw new CommentError('NOT_COMMENT_AUTHOR', 'You can edit only your own comments.');
      }
      let suggestion = row.suggestion;
      if (input.suggestion !== undefined) {
        if (row.suggestion === null) {
          throw invalidInput('suggestion', 'This comment has no suggestion to change.');
        }
        if (row.suggestion_state !== 'open') {
          throw suggestionNotOpen(row);
        }
        assertChangesSomething(input.suggestion, row.anchor_quote ?? '');
        suggestion = input.suggestion;
      }
      const body = input.body ?? row.body;
      if (body === '' && suggestion === null) {
        throw new CommentError('VALIDATION_FAILED', 'A comment cannot be empty.', {
          issues: [{ path: 'body', message: 'Write a comment' }],
        });
      }
      if (body === row.body && suggestion === row.suggestion) return this.thread(em, row, post);

      const members = await this.members(wsId);
      const mentions = mentionsIn(body, members);
      await this.comments.updateBody(em, row.id, { body, mentions, suggestion });
      await this.audit.record(em, {
        workspaceId: wsId,
        actor: { type: 'user', userId: caller.userId },
        action: 'comment.edited',
        postId,
        subject: { type: 'comment', id: row.id },
        before: { body: row.body, suggestion: row.suggestion },
        after: { body, suggestion },
      });
      const before = new Set(row.mentions.map((m) => m.userId));
      await this.notifier.mentioned(em, {
        workspaceId: wsId,
        postId,
        commentId: row.id,
        actor: { type: 'user', userId: caller.userId },
        userIds: uniqueIds(mentions).filter((id) => !before.has(id)),
        body,
      });
      return this.thread(em, row, post);
    });
  }

  /** Soft delete: the row stays (the audit log points at it), the words leave every answer. */
  async remove(caller: MemberCaller, postId: string, commentId: string): Promise<void> {
    const wsId = caller.workspace.id;
    await this.comments.transaction(async (em) => {
      await this.livePost(em, wsId, postId);
      const row = await this.liveComment(em, wsId, postId, commentId);
      const own = row.author_type === 'user' && row.author_user_id === caller.userId;
      if (!own && !hasRole(caller.workspace.role, 'admin')) {
        throw new CommentError(
          'NOT_COMMENT_AUTHOR',
          'You can delete only your own comments; owners and admins can remove any.',
        );
      }
      // The words go everywhere at once: the row, the history, the inbox and unsent e-mails.
      await this.comments.setDeleted(em, row.id, caller.userId);
      await this.audit.redactCommentText(em, postId, row.id);
      await this.notifier.forget(em, row.id);
      await this.audit.record(em, {
        workspaceId: wsId,
        actor: { type: 'user', userId: caller.userId },
        action: 'comment.deleted',
        postId,
        subject: { type: 'comment', id: row.id },
        before: { author: authorLabel(row) },
      });
    });
  }

  resolve(caller: MemberCaller, postId: string, commentId: string): Promise<CommentThread> {
    return this.setResolved(caller, postId, commentId, true);
  }

  reopen(caller: MemberCaller, postId: string, commentId: string): Promise<CommentThread> {
    return this.setResolved(caller, postId, commentId, false);
  }

  /**
   * Applies a suggestion to the current text as an ordinary content edit of the post (new
   * version, revision, approval voided) and marks it accepted, resolving the thread, all in one
   * transaction: the post must still be at `version`, so two accepts, or an accept racing an
   * edit, cannot both land.
   */
  async acceptSuggestion(
    caller: MemberCaller,
    postId: string,
    commentId: string,
    version: number,
  ): Promise<AcceptSuggestionResponse> {
    const wsId = caller.workspace.id;
    const thread = await this.comments.transaction(async (em) => {
      const post = await this.livePost(em, wsId, postId);
      const row = await this.openSuggestion(em, wsId, postId, commentId);
      if (post.author_id !== caller.userId && !hasRole(caller.workspace.role, 'editor')) {
        throw new CommentError(
          'FORBIDDEN_ROLE',
          'Only the author of the post or an editor can accept a suggestion.',
          { required: 'editor' },
        );
      }
      if (post.version !== version) {
        throw staleVersion(
          'post',
          post.version,
          'Someone else changed this post in the meantime. Look at the new version first.',
        );
      }
      const change = suggestedChange(post, row);
      await this.postsService.updateIn(em, caller, postId, change.content, version);
      await this.comments.decideSuggestion(em, row.id, 'accepted', caller.userId);
      if (row.resolved_at === null) await this.comments.setResolved(em, row.id, caller.userId);
      await this.audit.record(em, {
        workspaceId: wsId,
        actor: { type: 'user', userId: caller.userId },
        action: 'comment.suggestion_accepted',
        postId,
        subject: { type: 'comment', id: row.id },
        before: { quote: change.quote, channelId: change.channelId, postVersion: version },
        after: { replacement: row.suggestion, postVersion: version + 1 },
      });
      const saved = await this.livePost(em, wsId, postId);
      const fresh = await this.comments.lock(em, wsId, postId, commentId);
      return this.thread(em, fresh!, saved);
    });
    return { thread, post: await this.postsService.get(caller, postId) };
  }

  async dismissSuggestion(
    caller: MemberCaller,
    postId: string,
    commentId: string,
  ): Promise<CommentThread> {
    const wsId = caller.workspace.id;
    return this.comments.transaction(async (em) => {
      const post = await this.livePost(em, wsId, postId);
      const row = await this.openSuggestion(em, wsId, postId, commentId);
      const may =
        post.author_id === caller.userId ||
        row.author_user_id === caller.userId ||
        hasRole(caller.workspace.role, 'editor');
      if (!may) {
        throw new CommentError(
          'FORBIDDEN_ROLE',
          'Only the author of the post, the person who suggested or an editor can dismiss a suggestion.',
          { required: 'editor' },
        );
      }
      await this.comments.decideSuggestion(em, row.id, 'dismissed', caller.userId);
      await this.audit.record(em, {
        workspaceId: wsId,
        actor: { type: 'user', userId: caller.userId },
        action: 'comment.suggestion_dismissed',
        postId,
        subject: { type: 'comment', id: row.id },
        before: { quote: row.anchor_quote, suggestion: row.suggestion },
      });
      return this.thread(em, row, post);
    });
  }

  // ---- inside ----

  private async createComment(
    workspaceId: string,
    postId: string,
    author: Author,
    input: CreateInput,
    visibleChannelIds: readonly string[] | null,
  ): Promise<CommentThread> {
    return this.comments.transaction(async (em) => {
      const post = await this.livePost(em, workspaceId, postId);
      let root: CommentRow | null = null;
      if (input.parentId) {
        const parent = await this.liveComment(em, workspaceId, postId, input.parentId);
        root =
          parent.parent_id === null
            ? parent
            : await this.comments.lock(em, workspaceId, postId, parent.parent_id);
        if (!root || !visibleToLink(root.anchor_channel_id, visibleChannelIds)) {
          throw commentNotFound();
        }
      }
      const anchor = input.anchor ? this.anchorFor(post, input.anchor, visibleChannelIds) : null;
      if (input.suggestion !== undefined && anchor) {
        assertChangesSomething(input.suggestion, anchor.anchor.quote);
      }
      const members = await this.members(workspaceId);
      const mentions = mentionsIn(input.body, members);
      const id = await this.comments.insert(em, {
        workspaceId,
        postId,
        parentId: root?.id ?? null,
        author: author.write,
        body: input.body,
        mentions,
        postVersion: post.version,
        anchor,
        suggestion: input.suggestion ?? null,
      });
      await this.audit.record(em, {
        workspaceId,
        actor: author.audit,
        action: 'comment.created',
        postId,
        subject: { type: 'comment', id },
        after: {
          body: input.body,
          parentId: root?.id ?? null,
          ...(anchor ? { quote: anchor.anchor.quote, channelId: anchor.channelId } : {}),
          ...(input.suggestion !== undefined ? { suggestion: input.suggestion } : {}),
        },
      });
      if (root && root.resolved_at !== null) {
        // A reply to a settled thread unsettles it: the conversation is going on.
        await this.comments.setResolved(em, root.id, null);
        await this.audit.record(em, {
          workspaceId,
          actor: author.audit,
          action: 'comment.reopened',
          postId,
          subject: { type: 'comment', id: root.id },
          reason: 'reply',
        });
      }

      const recipients = commentRecipients({
        writerId: author.userId,
        mentionedIds: uniqueIds(mentions),
        postAuthorId: post.author_id,
        participantIds: root ? await this.comments.participants(em, root.id) : [],
        memberIds: new Set(members.map((m) => m.userId)),
      });
      await this.notifier.mentioned(em, {
        workspaceId,
        postId,
        commentId: id,
        actor: author.audit,
        userIds: recipients.mentioned,
        body: input.body,
      });
      await this.notifier.commented(em, {
        workspaceId,
        postId,
        commentId: id,
        threadId: root?.id ?? id,
        reply: root !== null,
        actor: author.audit,
        userIds: recipients.commented,
        body: input.body,
        quote: root ? root.anchor_quote : (anchor?.anchor.quote ?? null),
      });

      const created = await this.comments.find(em, workspaceId, postId, root?.id ?? id);
      return this.thread(em, created!, post);
    });
  }

  private anchorFor(
    post: PostRow,
    input: NonNullable<CreateInput['anchor']>,
    visibleChannelIds: readonly string[] | null,
  ): { channelId: string | null; anchor: TextAnchor } {
    let channelId = input.channelId;
    let text = post.text;
    if (channelId !== null) {
      const variant = post.variants.find((v) => v.channelId === channelId);
      if (!variant || !visibleToLink(channelId, visibleChannelIds)) {
        throw new CommentError('UNKNOWN_CHANNEL', 'This post has no text for that channel.', {
          channelIds: [channelId],
        });
      }
      // A variant without its own text shows the base text: the words belong to the base.
      if (variant.text === null) channelId = null;
      else text = variant.text;
    }
    if (input.quote !== undefined && text.slice(input.start, input.end) !== input.quote) {
      throw staleVersion(
        'post',
        post.version,
        'The text changed while you were selecting. Look at the new version and select again.',
        { reason: 'text_moved' },
      );
    }
    const anchor = createAnchor(text, input.start, input.end);
    if ('ok' in anchor) {
      throw appErrorOf('ANCHOR_RANGE_INVALID', anchor.message, anchor.details);
    }
    return { channelId, anchor };
  }

  private async setResolved(
    caller: MemberCaller,
    postId: string,
    commentId: string,
    resolved: boolean,
  ): Promise<CommentThread> {
    const wsId = caller.workspace.id;
    return this.comments.transaction(async (em) => {
      const post = await this.livePost(em, wsId, postId);
      const target = await this.comments.lock(em, wsId, postId, commentId);
      if (!target) throw commentNotFound();
      // Resolving is about the whole thread, whichever of its comments the button sat on.
      const root =
        target.parent_id === null
          ? target
          : await this.comments.lock(em, wsId, postId, target.parent_id);
      if (!root) throw commentNotFound();
      const may =
        hasRole(caller.workspace.role, 'editor') ||
        post.author_id === caller.userId ||
        root.author_user_id === caller.userId;
      if (!may) {
        throw new CommentError(
          'FORBIDDEN_ROLE',
          'Only the author of the post, who started the thread or an editor can resolve or reopen it.',
          { required: 'editor' },
        );
      }
      if ((root.resolved_at !== null) === resolved) return this.thread(em, root, post);
      await this.comments.setResolved(em, root.id, resolved ? caller.userId : null);
      await this.audit.record(em, {
        workspaceId: wsId,
        actor: { type: 'user', userId: caller.userId },
        action: resolved ? 'comment.resolved' : 'comment.reopened',
        postId,
        subject: { type: 'comment', id: root.id },
      });
      return this.thread(em, root, post);
    });
  }

  private async livePost(em: EntityManager, workspaceId: string, postId: string): Promise<PostRow> {
    const post = await this.posts.find(workspaceId, postId, em);
    if (!post || post.deleted_at) throw postNotFound();
    return post;
  }

  private async liveComment(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    commentId: string,
  ): Promise<CommentRow> {
    const row = await this.comments.lock(em, workspaceId, postId, commentId);
    if (!row || row.deleted_at) throw commentNotFound();
    return row;
  }

  private async openSuggestion(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    commentId: string,
  ): Promise<CommentRow> {
    const row = await this.liveComment(em, workspaceId, postId, commentId);
    if (row.suggestion === null || row.anchor_quote === null) {
      throw invalidInput('', 'This comment carries no suggestion.');
    }
    if (row.suggestion_state !== 'open') throw suggestionNotOpen(row);
    return row;
  }

  private async thread(em: EntityManager, root: CommentRow, post: PostRow): Promise<CommentThread> {
    const rows = await this.comments.listThread(em, root.workspace_id, root.parent_id ?? root.id);
    const [first, ...replies] = rows;
    return toThread(first!, replies, post);
  }

  private async members(workspaceId: string) {
    return (await this.workspaces.listMembers(workspaceId)).map((m) => ({
      userId: m.userId,
      name: m.name,
    }));
  }
}

function memberAuthor(userId: string): Author {
  const a = { type: 'user' as const, userId };
  return { write: a, audit: a, userId };
}

function visibleToLink(channelId: string | null, visible: readonly string[] | null): boolean {
  return visible === null || channelId === null || visible.includes(channelId);
}

function mentionsIn(body: string, members: { userId: string; name: string }[]): StoredMention[] {
  return parseMentions(body, members).mentions.map(({ userId, start, end }) => ({
    userId,
    start,
    end,
  }));
}

function uniqueIds(mentions: StoredMention[]): string[] {
  return [...new Set(mentions.map((m) => m.userId))];
}

function assertChangesSomething(suggestion: string, quote: string): void {
  if (suggestion === quote) {
    throw new CommentError(
      'VALIDATION_FAILED',
      'The suggestion is the same as the selected words; change something or leave a comment.',
      { issues: [{ path: 'suggestion', message: 'Same as the selected words' }] },
    );
  }
}

function suggestionNotOpen(row: CommentRow): CommentError {
  return new CommentError(
    'SUGGESTION_NOT_OPEN',
    row.suggestion_state === 'accepted'
      ? 'This suggestion has already been accepted.'
      : 'This suggestion has already been dismissed.',
    { state: row.suggestion_state === 'accepted' ? 'accepted' : 'dismissed' },
  );
}

/** The post's content with the suggestion applied to the text the comment belongs to. */
function suggestedChange(post: PostRow, row: CommentRow) {
  const anchor = storedAnchor(row)!;
  const channelId = row.anchor_channel_id;
  const text = anchoredText(post, channelId);
  const applied = text === null ? null : applySuggestion(text, anchor, row.suggestion!);
  if (applied === null || !applied.ok) {
    throw new CommentError(
      'SUGGESTION_OUTDATED',
      `The suggested change no longer fits: "${anchor.quote}" is not in the text any more.`,
      { quote: anchor.quote },
    );
  }
  const content: { text: string } | { variants: PostRow['variants'] } =
    channelId === null
      ? { text: applied.text }
      : {
          variants: post.variants.map((v) =>
            v.channelId === channelId ? { ...v, text: applied.text } : v,
          ),
        };
  return { content, quote: anchor.quote, channelId };
}

function authorLabel(row: CommentRow): string {
  return row.author_type === 'link'
    ? `${row.visitor_name ?? ''} (via link '${row.link_label ?? ''}')`
    : (row.author_name ?? '');
}
