import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform, type Role } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type PauseRow = {
  id: string;
  channel_id: string | null;
  channel_name: string | null;
  channel_platform: Platform | null;
  reason: string;
  paused_at: Date;
  paused_by: string | null;
  paused_by_name: string | null;
  resumed_at: Date | null;
  resumed_by: string | null;
  resumed_by_name: string | null;
};

export type DuePostRow = {
  id: string;
  version: number;
  title: string;
  text: string;
  planned_at: Date;
  channel_ids: string[];
  pause_ids: string[];
};

const SELECT_PAUSE = `
  SELECT z.id, z.channel_id, c.name AS channel_name, c.platform AS channel_platform, z.reason,
         z.paused_at, z.paused_by, pu.name AS paused_by_name,
         z.resumed_at, z.resumed_by, ru.name AS resumed_by_name
    FROM pauses z
    LEFT JOIN channels c ON c.id = z.channel_id
    LEFT JOIN users pu ON pu.id = z.paused_by
    LEFT JOIN users ru ON ru.id = z.resumed_by`;

/**
 * Approved, live posts whose planned time fell inside a pause that has ended, in that pause's
 * scope (every post for a workspace pause, posts aimed at the channel for a channel pause). A
 * decision moves the planned time out of the window (now, later, or none), so a decided post
 * leaves this list by itself.
 */
const SELECT_DUE = `
  SELECT p.id, p.version, p.title, left(p.text, 280) AS text, p.planned_at,
         coalesce((SELECT array_agg(v.channel_id ORDER BY v.position)
                     FROM post_variants v WHERE v.post_id = p.id), '{}') AS channel_ids,
         array_agg(DISTINCT z.id) AS pause_ids
    FROM posts p
    JOIN pauses z
      ON z.workspace_id = p.workspace_id
     AND z.resumed_at IS NOT NULL
     AND p.planned_at >= z.paused_at AND p.planned_at <= z.resumed_at
     AND (z.channel_id IS NULL
          OR EXISTS (SELECT 1 FROM post_variants pv WHERE pv.post_id = p.id AND pv.channel_id = z.channel_id))
   WHERE p.workspace_id = $1 AND p.deleted_at IS NULL AND p.status = 'approved'`;

@Injectable()
export class PausesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pauses in force: the workspace's (channel_id null) and each paused channel's. */
  active(workspaceId: string, em?: EntityManager): Promise<PauseRow[]> {
    return (em ?? this.db).query(
      `${SELECT_PAUSE} WHERE z.workspace_id = $1 AND z.resumed_at IS NULL
        ORDER BY z.channel_id NULLS FIRST, z.paused_at`,
      [workspaceId],
    );
  }

  async find(workspaceId: string, id: string, em?: EntityManager): Promise<PauseRow | null> {
    const rows: PauseRow[] = await (em ?? this.db).query(
      `${SELECT_PAUSE} WHERE z.workspace_id = $1 AND z.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  history(workspaceId: string, limit: number, afterId?: string): Promise<PauseRow[]> {
    const values: unknown[] = [workspaceId];
    let after = '';
    if (afterId) {
      values.push(afterId);
      after = `AND (z.paused_at, z.id) < (SELECT c.paused_at, c.id FROM pauses c
                                           WHERE c.workspace_id = $1 AND c.id = $2::uuid)`;
    }
    values.push(limit);
    return this.db.query(
      `${SELECT_PAUSE} WHERE z.workspace_id = $1 ${after}
        ORDER BY z.paused_at DESC, z.id DESC LIMIT $${values.length}`,
      values,
    );
  }

  /** Starts a pause; null when the scope is paused already (one pause in force per scope). */
  async insert(
    em: EntityManager,
    p: {
      workspaceId: string;
      channelId: string | null;
      reason: string;
      userId: string;
      /** The app's clock: which posts a pause covers is compared with the planned times. */
      at: Date;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO pauses (workspace_id, channel_id, reason, paused_by, paused_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [p.workspaceId, p.channelId, p.reason, p.userId, p.at],
    );
    return rows[0]?.id ?? null;
  }

  /** Ends the pause in force for the scope; null when there is none. */
  async end(
    em: EntityManager,
    p: { workspaceId: string; channelId: string | null; userId: string; at: Date },
  ): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `WITH ended AS (
         UPDATE pauses SET resumed_at = greatest($4::timestamptz, paused_at), resumed_by = $3
          WHERE workspace_id = $1 AND channel_id IS NOT DISTINCT FROM $2::uuid
            AND resumed_at IS NULL
          RETURNING id
       )
       SELECT id FROM ended`,
      [p.workspaceId, p.channelId, p.userId, p.at],
    );
    return rows[0]?.id ?? null;
  }

  async channel(
    workspaceId: string,
    channelId: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await this.db.query(
      `SELECT id, name FROM channels WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, channelId],
    );
    return rows[0] ?? null;
  }

  duePosts(
    workspaceId: string,
    opts: { pauseId?: string; postIds?: string[] } = {},
    em?: EntityManager,
  ): Promise<DuePostRow[]> {
    const values: unknown[] = [workspaceId];
    let extra = '';
    if (opts.postIds) {
      values.push(opts.postIds);
      extra += ` AND p.id = ANY($${values.length}::uuid[])`;
    }
    let having = '';
    if (opts.pauseId) {
      values.push(opts.pauseId);
      having = `HAVING $${values.length}::uuid = ANY(array_agg(z.id))`;
    }
    return (em ?? this.db).query(
      `${SELECT_DUE}${extra} GROUP BY p.id ${having} ORDER BY p.planned_at, p.id LIMIT 1000`,
      values,
    );
  }

  async duePostCount(workspaceId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM (${SELECT_DUE} GROUP BY p.id) due`,
      [workspaceId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Who hears about a pause: the people who plan and publish. */
  async crewIds(em: EntityManager, workspaceId: string): Promise<string[]> {
    const roles: Role[] = ['owner', 'admin', 'editor'];
    const rows: { user_id: string }[] = await em.query(
      `SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = ANY($2::text[])`,
      [workspaceId, roles],
    );
    return rows.map((r) => r.user_id);
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
