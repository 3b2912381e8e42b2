import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type SandboxMedia = { url: string; mimeType: string; altText: string | null };

export type SandboxPostRow = {
  id: string;
  title: string;
  text: string;
  created_at: Date;
  /** The links the post was published with, in order. */
  media: SandboxMedia[];
};

export type SandboxCommentRow = {
  id: string;
  author: string;
  text: string;
  created_at: Date;
  reply_to: string | null;
};

/** What the built-in sandbox platform has "published", one row per idempotency key. */
@Injectable()
export class SandboxPostsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The new row's id, or null when a post with this key exists already. */
  async insertOnce(post: {
    key: string;
    channelId: string | null;
    title: string;
    text: string;
    /** Links to the media, in order (the sandbox keeps the links, not the bytes). */
    media: SandboxMedia[];
  }): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO sandbox_posts (idempotency_key, channel_id, title, text, media) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [post.key, post.channelId, post.title, post.text, JSON.stringify(post.media)],
    );
    return rows[0]?.id ?? null;
  }

  async idByKey(key: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM sandbox_posts WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0]?.id ?? null;
  }

  async find(id: string): Promise<SandboxPostRow | null> {
    const rows: SandboxPostRow[] = await this.db.query(
      `SELECT id, title, text, created_at, coalesce(media, '[]'::jsonb) AS media
         FROM sandbox_posts WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A comment on a post; null when the comment it answers is not on that post. */
  async insertComment(c: {
    postId: string;
    replyTo: string | null;
    author: string;
    text: string;
    at: Date;
  }): Promise<SandboxCommentRow | null> {
    const rows: SandboxCommentRow[] = await this.db.query(
      `INSERT INTO sandbox_comments (post_id, reply_to, author, text, created_at)
       SELECT $1, $2, $3, $4, $5
        WHERE $2::uuid IS NULL
           OR EXISTS (SELECT 1 FROM sandbox_comments WHERE id = $2 AND post_id = $1)
       RETURNING id, author, text, created_at, reply_to`,
      [c.postId, c.replyTo, c.author, c.text, c.at],
    );
    return rows[0] ?? null;
  }

  /** A post's comments and replies, oldest first; `since` leaves out earlier ones. */
  async comments(postId: string, since: Date | null): Promise<SandboxCommentRow[]> {
    return this.db.query(
      `SELECT id, author, text, created_at, reply_to FROM sandbox_comments
        WHERE post_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2)
        ORDER BY created_at, id`,
      [postId, since],
    );
  }

  /**
   * For the demo seed: a post that went out to the sandbox at `at`, as the engine would have
   * recorded it (the sandbox's row and the publication, published), in the caller's transaction.
   */
  async insertPublished(
    em: EntityManager,
    p: {
      workspaceId: string;
      postId: string;
      channelId: string;
      title: string;
      text: string;
      contentHash: string;
      at: Date;
      url: (sandboxId: string) => string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO sandbox_posts (idempotency_key, channel_id, title, text, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [`demo-${p.postId}`, p.channelId, p.title, p.text, p.at],
    );
    const id = rows[0]!.id;
    await em.query(
      `INSERT INTO publications (workspace_id, post_id, channel_id, platform, status, planned_at,
                                 due_at, content_hash, platform_post_id, url, published_at)
       VALUES ($1, $2, $3, 'sandbox', 'published', $4, $4, $5, $6, $7, $4)`,
      [p.workspaceId, p.postId, p.channelId, p.at, p.contentHash, id, p.url(id)],
    );
    return id;
  }

  /** For the demo seed: a comment written at `at`. */
  async insertCommentAt(
    em: EntityManager,
    c: { postId: string; author: string; text: string; at: Date },
  ): Promise<SandboxCommentRow> {
    const rows: SandboxCommentRow[] = await em.query(
      `INSERT INTO sandbox_comments (post_id, author, text, created_at) VALUES ($1, $2, $3, $4)
       RETURNING id, author, text, created_at, reply_to`,
      [c.postId, c.author, c.text, c.at],
    );
    return rows[0]!;
  }
}
