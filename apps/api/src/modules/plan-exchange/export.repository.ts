import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform, type PostStatus } from '@postplan/contracts';
import { DataSource } from 'typeorm';

/**
 * What an export selects: the calendar's filters over [from, to). Campaigns do not exist yet;
 * when they land, a `campaignIds` filter goes here (an EXISTS on the campaign's posts, like
 * channels below) and `campaign` into ExportQuerySchema and the columns.
 */
export type ExportSelection = {
  workspaceId: string;
  from: Date;
  to: Date;
  statuses?: PostStatus[];
  channelIds?: string[];
  tags?: string[];
  authorIds?: string[];
  /** Ideas are the team's workshop; share links leave them out. */
  excludeIdeas?: boolean;
};

/** One row per post and channel (a post without channels: one row, channel null). */
export type ExportRow = {
  post_id: string;
  planned_at: Date;
  status: PostStatus;
  title: string;
  text: string;
  tags: string[];
  author: string | null;
  channel: string | null;
  platform: Platform | null;
  channel_text: string | null;
};

/** One row per post, its channels aggregated: what ICS, JSON and print need. */
export type ExportPostRow = {
  id: string;
  version: number;
  status: PostStatus;
  title: string;
  text: string;
  planned_at: Date;
  tags: string[];
  author_id: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  variants: {
    channelId: string;
    text: string | null;
    name: string;
    platform: Platform;
  }[];
};

const BATCH = 5_000;

export function selectionWhere(
  s: ExportSelection,
  values: unknown[],
  alias = 'p',
): { where: string; values: unknown[] } {
  values.push(s.workspaceId, s.from, s.to);
  const where = [
    `${alias}.workspace_id = $${values.length - 2}`,
    `${alias}.deleted_at IS NULL`,
    `${alias}.planned_at >= $${values.length - 1}`,
    `${alias}.planned_at < $${values.length}`,
  ];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (s.excludeIdeas) where.push(`${alias}.status <> 'idea'`);
  if (s.statuses?.length) add((n) => `${alias}.status = ANY(${n}::text[])`, s.statuses);
  if (s.tags?.length) add((n) => `${alias}.tags && ${n}::text[]`, s.tags);
  if (s.authorIds?.length) add((n) => `${alias}.author_id = ANY(${n}::uuid[])`, s.authorIds);
  if (s.channelIds?.length) {
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM post_variants fv WHERE fv.post_id = ${alias}.id AND fv.channel_id = ANY(${n}::uuid[]))`,
      s.channelIds,
    );
  }
  return { where: where.join(' AND '), values };
}

/**
 * The rows of a spreadsheet export as SQL. With a channel filter, only the selected channels'
 * rows are written. The benchmark runs PostgreSQL's COPY on exactly this query.
 */
export function buildRowQuery(s: ExportSelection): { text: string; values: unknown[] } {
  const { where, values } = selectionWhere(s, []);
  let channelJoin = '';
  if (s.channelIds?.length) {
    values.push(s.channelIds);
    channelJoin = ` AND v.channel_id = ANY($${values.length}::uuid[])`;
  }
  return {
    text: `SELECT p.id AS post_id, p.planned_at, p.status, p.title, p.text, p.tags, u.name AS author,
                  c.name AS channel, c.platform, v.text AS channel_text
             FROM posts p
             LEFT JOIN users u ON u.id = p.author_id
             LEFT JOIN post_variants v ON v.post_id = p.id${channelJoin}
             LEFT JOIN channels c ON c.id = v.channel_id
            WHERE ${where}
            ORDER BY p.planned_at, p.id, v.position`,
    values,
  };
}

export function buildPostQuery(s: ExportSelection): { text: string; values: unknown[] } {
  const { where, values } = selectionWhere(s, []);
  return {
    text: `SELECT p.id, p.version, p.status, p.title, p.text, p.planned_at, p.tags, p.author_id,
                  p.created_at, p.updated_at, p.deleted_at,
                  coalesce((SELECT json_agg(json_build_object('channelId', v.channel_id, 'text', v.text,
                                                              'name', c.name, 'platform', c.platform)
                                            ORDER BY v.position)
                              FROM post_variants v JOIN channels c ON c.id = v.channel_id
                             WHERE v.post_id = p.id), '[]'::json) AS variants
             FROM posts p
            WHERE ${where}
            ORDER BY p.planned_at, p.id`,
    values,
  };
}

@Injectable()
export class ExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  rows(s: ExportSelection): AsyncGenerator<ExportRow[]> {
    return this.cursor<ExportRow>(buildRowQuery(s));
  }

  posts(s: ExportSelection): AsyncGenerator<ExportPostRow[]> {
    return this.cursor<ExportPostRow>(buildPostQuery(s));
  }

  /**
   * Batches of a query's rows from a server-side cursor in one read-only snapshot, so an
   * export of any size holds one batch in memory and sees one consistent plan. Stopping early
   * (a client that went away) closes the cursor and frees the connection.
   */
  async *cursor<T>(query: { text: string; values: unknown[] }): AsyncGenerator<T[]> {
    const runner = this.db.createQueryRunner('slave');
    await runner.connect();
    let committed = false;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // A cursor is planned for its first rows by default (cursor_tuple_fraction 0.1): nested
      // loops that start fast and finish slowly. An export reads every row.
      await runner.query('SET LOCAL cursor_tuple_fraction = 1.0');
      await runner.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${query.text}`, query.values);
      for (;;) {
        const batch = (await runner.query(`FETCH ${BATCH} FROM export_cursor`)) as T[];
        if (batch.length > 0) yield batch;
        if (batch.length < BATCH) break;
      }
      await runner.query('COMMIT');
      committed = true;
    } finally {
      // A failure, or a generator closed early (the client went away): end the snapshot.
      if (!committed) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  async channels(
    workspaceId: string,
  ): Promise<{ id: string; name: string; platform: Platform; character_limit: number | null }[]> {
    return this.db.query(
      `SELECT id, name, platform, (wording->>'characterLimit')::int AS character_limit
         FROM channels WHERE workspace_id = $1 ORDER BY name`,
      [workspaceId],
    );
  }
}
