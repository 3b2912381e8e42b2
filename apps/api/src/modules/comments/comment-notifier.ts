import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AuditActor } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';

const EXCERPT_LENGTH = 280;

type Notice = {
  workspaceId: string;
  postId: string;
  commentId: string;
  actor: AuditActor;
  userIds: string[];
  body: string;
};

export type CommentNotice = Notice & { threadId: string; reply: boolean; quote: string | null };

export const excerpt = (text: string): string =>
  text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1)}…`;

/** Who wrote a comment, and the people around it. */
export type CommentAudience = {
  /** The member who wrote it; null for a review-link visitor. */
  writerId: string | null;
  /** Members named with @ in it, each once. */
  mentionedIds: readonly string[];
  postAuthorId: string;
  /** Everyone who wrote in the thread so far (for a reply). */
  participantIds: readonly string[];
  /** The workspace's members now: nobody else hears about a comment. */
  memberIds: ReadonlySet<string>;
};

/**
 * Who hears about a new comment, and how: those mentioned get a 'mention'; the post's author and
 * the thread's participants get a 'comment' unless they were mentioned already or left the
 * workspace. Nobody is told about their own comment.
 */
export function commentRecipients(a: CommentAudience): {
  mentioned: string[];
  commented: string[];
} {
  const mentioned = a.mentionedIds.filter((id) => id !== a.writerId);
  const told = new Set([...mentioned, ...(a.writerId ? [a.writerId] : [])]);
  const commented = [...new Set([a.postAuthorId, ...a.participantIds])].filter(
    (id) => a.memberIds.has(id) && !told.has(id),
  );
  return { mentioned, commented };
}

/**
 * Tells people about comments, in the transaction that stores the comment: mentioned members
 * ('mention') and the post's author and the thread's participants ('comment').
 */
@Injectable()
export class CommentNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  /** A deleted comment's words leave the notifications about it (and unsent e-mails). */
  forget(em: EntityManager, commentId: string): Promise<void> {
    return this.notifications.forgetComment(em, commentId);
  }

  async mentioned(em: EntityManager, n: Notice): Promise<void> {
    if (n.userIds.length === 0) return;
    await this.notifications.notify(em, {
      workspaceId: n.workspaceId,
      userIds: n.userIds,
      kind: 'mention',
      postId: n.postId,
      actor: n.actor,
      data: { commentId: n.commentId, excerpt: excerpt(n.body) },
    });
  }

  async commented(em: EntityManager, n: CommentNotice): Promise<void> {
    if (n.userIds.length === 0) return;
    await this.notifications.notify(em, {
      workspaceId: n.workspaceId,
      userIds: n.userIds,
      kind: 'comment',
      postId: n.postId,
      actor: n.actor,
      data: {
        commentId: n.commentId,
        threadId: n.threadId,
        reply: n.reply,
        excerpt: excerpt(n.body),
        ...(n.quote !== null ? { quote: excerpt(n.quote) } : {}),
      },
    });
  }
}
