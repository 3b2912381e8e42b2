import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type SandboxPostRow = { id: string; title: string; text: string; created_at: Date };

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
  }): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO sandbox_posts (idempotency_key, channel_id, title, text) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [post.key, post.channelId, post.title, post.text],
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
      `SELECT id, title, text, created_at FROM sandbox_posts WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
