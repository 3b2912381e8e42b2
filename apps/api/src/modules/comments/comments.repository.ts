import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SuggestionState } from '@postplan/contracts';
import { type TextAnchor } from '@postplan/domain';
import { DataSource, type EntityManager } from 'typeorm';

export type StoredMention = { userId: string; start: number; end: number };

/** A comment as the database returns it, with the names the answer shows. */
export type CommentRow = {
  id: string;
  workspace_id: string;
  post_id: string;
  parent_id: string | null;
  author_type: 'user' | 'link';
  author_user_id: string | null;
  author_name: string | null;
  link_id: string | null;
  link_label: string | null;
  visitor_name: string | null;
  body: string;
  mentions: StoredMention[];
  post_version: number;
  anchor_channel_id: string | null;
  anchor_quote: string | null;
  anchor_prefix: string | null;
  anchor_suffix: string | null;
  anchor_start: number | null;
  anchor_end: number | null;
  suggestion: string | null;
  suggestion_state: SuggestionState | null;
  suggestion_decided_at: Date | null;
  suggestion_decided_by: string | null;
  suggestion_decided_by_name: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
};

export type CommentAuthorWrite =
  | { type: 'user'; userId: string }
  | { type: 'link'; linkId: string; label: string; visitorName: string };

export type CommentInsert = {
  workspaceId: string;
  postId: string;
  parentId: string | null;
  author: CommentAuthorWrite;
  body: string;
  mentions: StoredMention[];
  postVersion: number;
  anchor: { channelId: string | null; anchor: TextAnchor } | null;
  suggestion: string | null;
};

const SELECT_COMMENT = `
  SELECT c.id, c.workspace_id, c.post_id, c.parent_id, c.author_type, c.author_user_id,
         au.name AS author_name, c.link_id, c.link_label, c.visitor_name, c.body, c.mentions,
         c.post_version, c.anchor_channel_id, c.anchor_quote, c.anchor_prefix, c.anchor_suffix,
         c.anchor_start, c.anchor_end, c.suggestion, c.suggestion_state, c.suggestion_decided_at,
         c.suggestion_decided_by, su.name AS suggestion_decided_by_name, c.resolved_at,
         c.resolved_by, ru.name AS resolved_by_name, c.created_at, c.edited_at, c.deleted_at
    FROM comments c
    LEFT JOIN users au ON au.id = c.author_user_id
    LEFT JOIN users su ON su.id = c.suggestion_decided_by
    LEFT JOIN users ru ON ru.id = c.resolved_by`;

/**
 * Storage of comments. Every query names the workspace and the post, so an id from elsewhere is
 * simply not found.
 */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Every comment of a post, deleted ones included (a deleted first comment keeps its thread). */
  listForPost(workspaceId: string, postId: string, em?: EntityManager): Promise<CommentRow[]> {
    return (em ?? this.db.manager).query(
      `${SELECT_COMMENT} WHERE c.workspace_id = $1 AND c.post_id = $2 ORDER BY c.created_at, c.id`,
      [workspaceId, postId],
    );
  }

  /** A thread: its first comment and its replies, in order. */
  listThread(em: EntityManager, workspaceId: string, rootId: string): Promise<CommentRow[]> {
    return em.query(
      `${SELECT_COMMENT}
        WHERE c.workspace_id = $1 AND (c.id = $2 OR c.parent_id = $2)
        ORDER BY c.parent_id NULLS FIRST, c.created_at, c.id`,
      [workspaceId, rootId],
    );
  }

  async find(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    id: string,
  ): Promise<CommentRow | null> {
    const rows: CommentRow[] = await em.query(
      `${SELECT_COMMENT} WHERE c.workspace_id = $1 AND c.post_id = $2 AND c.id = $3`,
      [workspaceId, postId, id],
    );
    return rows[0] ?? null;
  }

  /** Locks a comment row for the rest of the transaction, so two decisions on it queue up. */
  async lock(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    id: string,
  ): Promise<CommentRow | null> {
    await em.query(
      `SELECT 1 FROM comments WHERE workspace_id = $1 AND post_id = $2 AND id = $3 FOR UPDATE`,
      [workspaceId, postId, id],
    );
    return this.find(em, workspaceId, postId, id);
  }

  async insert(em: EntityManager, c: CommentInsert): Promise<string> {
    const a = c.author;
    const rows: { id: string }[] = await em.query(
      `INSERT INTO comments (workspace_id, post_id, parent_id, author_type, author_user_id, link_id,
                             link_label, visitor_name, body, mentions, post_version,
                             anchor_channel_id, anchor_quote, anchor_prefix, anchor_suffix,
                             anchor_start, anchor_end, suggestion, suggestion_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING id`,
      [
        c.workspaceId,
        c.postId,
        c.parentId,
        a.type,
        a.type === 'user' ? a.userId : null,
        a.type === 'link' ? a.linkId : null,
        a.type === 'link' ? a.label : null,
        a.type === 'link' ? a.visitorName : null,
        c.body,
        JSON.stringify(c.mentions),
        c.postVersion,
        c.anchor?.channelId ?? null,
        c.anchor?.anchor.quote ?? null,
        c.anchor?.anchor.prefix ?? null,
        c.anchor?.anchor.suffix ?? null,
        c.anchor?.anchor.start ?? null,
        c.anchor?.anchor.end ?? null,
        c.suggestion,
        c.suggestion === null ? null : 'open',
      ],
    );
    return rows[0]!.id;
  }

  async updateBody(
    em: EntityManager,
    id: string,
    change: { body: string; mentions: StoredMention[]; suggestion: string | null },
  ): Promise<void> {
    await em.query(
      `UPDATE comments SET body = $2, mentions = $3, suggestion = $4, edited_at = now() WHERE id = $1`,
      [id, change.body, JSON.stringify(change.mentions), change.suggestion],
    );
  }

  /** Keeps the row (who wrote it, when, its place in the thread) and drops its words. */
  async setDeleted(em: EntityManager, id: string, byUserId: string): Promise<void> {
    await em.query(
      `UPDATE comments SET deleted_at = now(), deleted_by = $2, body = '', mentions = '[]',
                           suggestion = NULL, suggestion_state = NULL,
                           suggestion_decided_at = NULL, suggestion_decided_by = NULL
        WHERE id = $1`,
      [id, byUserId],
    );
  }

  async setResolved(em: EntityManager, id: string, byUserId: string | null): Promise<void> {
    await em.query(
      `UPDATE comments SET resolved_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END,
                           resolved_by = $2
        WHERE id = $1`,
      [id, byUserId],
    );
  }

  async decideSuggestion(
    em: EntityManager,
    id: string,
    state: Exclude<SuggestionState, 'open'>,
    byUserId: string,
  ): Promise<void> {
    await em.query(
      `UPDATE comments SET suggestion_state = $2, suggestion_decided_at = now(),
                           suggestion_decided_by = $3
        WHERE id = $1`,
      [id, state, byUserId],
    );
  }

  /** The members who wrote in a thread, to tell them about a reply. */
  async participants(em: EntityManager, rootId: string): Promise<string[]> {
    const rows: { author_user_id: string }[] = await em.query(
      `SELECT DISTINCT author_user_id FROM comments
        WHERE (id = $1 OR parent_id = $1) AND author_user_id IS NOT NULL AND deleted_at IS NULL`,
      [rootId],
    );
    return rows.map((r) => r.author_user_id);
  }
}
