import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CampaignUtm, type Platform, type PostStatus } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A campaign as the database returns it, its channels and live post count included. */
export type CampaignRow = {
  id: string;
  workspace_id: string;
  version: number;
  name: string;
  color: string;
  starts_on: string;
  ends_on: string;
  goal: string;
  goal_target: string | null;
  goal_unit: string | null;
  owner_id: string | null;
  brief: string;
  utm: CampaignUtm | null;
  channel_ids: string[];
  post_count: number;
  created_at: Date;
  updated_at: Date;
};

export type CampaignWrite = {
  name: string;
  color: string;
  startsOn: string;
  endsOn: string;
  goal: string;
  goalTarget: number | null;
  goalUnit: string | null;
  ownerId: string | null;
  brief: string;
  utm: CampaignUtm | null;
  channelIds: string[];
};

export type CampaignPostRow = {
  id: string;
  title: string;
  text: string;
  status: PostStatus;
  planned_at: Date | null;
  author_id: string;
  channels: {
    channelId: string;
    name: string;
    platform: Platform;
    publication: { status: string; url: string | null; publishedAt: string | null } | null;
  }[];
};

// Dates as text: a `date` read into a JS Date would shift with the process's time zone.
const SELECT_CAMPAIGN = `
  SELECT c.id, c.workspace_id, c.version, c.name, c.color,
         to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on,
         c.goal, c.goal_target::text AS goal_target, c.goal_unit, c.owner_id, c.brief, c.utm,
         coalesce((SELECT array_agg(cc.channel_id ORDER BY ch.name, ch.id)
                     FROM campaign_channels cc JOIN channels ch ON ch.id = cc.channel_id
                    WHERE cc.campaign_id = c.id), '{}') AS channel_ids,
         (SELECT count(*)::int FROM posts p
           WHERE p.campaign_id = c.id AND p.deleted_at IS NULL) AS post_count,
         c.created_at, c.updated_at
    FROM campaigns c`;

@Injectable()
export class CampaignsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A workspace's campaigns, the latest period first. */
  list(workspaceId: string): Promise<CampaignRow[]> {
    return this.db.query(
      `${SELECT_CAMPAIGN} WHERE c.workspace_id = $1 ORDER BY c.starts_on DESC, c.name, c.id`,
      [workspaceId],
    );
  }

  async find(workspaceId: string, id: string, em?: EntityManager): Promise<CampaignRow | null> {
    const rows: CampaignRow[] = await (em ?? this.db).query(
      `${SELECT_CAMPAIGN} WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Locks the campaign for the rest of the transaction, so concurrent changes queue up. */
  async lock(em: EntityManager, workspaceId: string, id: string): Promise<CampaignRow | null> {
    await em.query(`SELECT 1 FROM campaigns WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [
      workspaceId,
      id,
    ]);
    return this.find(workspaceId, id, em);
  }

  async insert(em: EntityManager, workspaceId: string, row: CampaignWrite): Promise<string> {
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO campaigns (workspace_id, name, color, starts_on, ends_on, goal, goal_target,
                              goal_unit, owner_id, brief, utm)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [workspaceId, ...this.values(row)],
    );
    const id = inserted[0]!.id;
    await this.replaceChannels(em, id, row.channelIds);
    return id;
  }

  async update(em: EntityManager, id: string, row: CampaignWrite): Promise<void> {
    await em.query(
      `UPDATE campaigns SET name = $2, color = $3, starts_on = $4, ends_on = $5, goal = $6,
              goal_target = $7, goal_unit = $8, owner_id = $9, brief = $10, utm = $11,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, ...this.values(row)],
    );
    await this.replaceChannels(em, id, row.channelIds);
  }

  /** Every post of the campaign, the binned ones too: a campaign with any cannot go. */
  async countAllPosts(em: EntityManager, id: string): Promise<number> {
    const rows: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM posts WHERE campaign_id = $1`,
      [id],
    );
    return rows[0]!.n;
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM campaigns WHERE id = $1`, [id]);
  }

  /** The campaign's live posts with each channel's publication, in planned order. */
  posts(workspaceId: string, id: string): Promise<CampaignPostRow[]> {
    return this.db.query(
      `SELECT p.id, p.title, p.text, p.status, p.planned_at, p.author_id,
              coalesce((SELECT json_agg(json_build_object(
                         'channelId', v.channel_id, 'name', ch.name, 'platform', ch.platform,
                         'publication', (SELECT json_build_object('status', pb.status, 'url', pb.url,
                                                  'publishedAt', to_char(pb.published_at AT TIME ZONE 'UTC',
                                                                 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                                           FROM publications pb
                                          WHERE pb.post_id = p.id AND pb.channel_id = v.channel_id
                                            AND pb.status <> 'cancelled'
                                          ORDER BY pb.created_at DESC LIMIT 1))
                         ORDER BY v.position)
                          FROM post_variants v JOIN channels ch ON ch.id = v.channel_id
                         WHERE v.post_id = p.id), '[]'::json) AS channels
         FROM posts p
        WHERE p.workspace_id = $1 AND p.campaign_id = $2 AND p.deleted_at IS NULL
        ORDER BY p.planned_at NULLS LAST, p.created_at, p.id`,
      [workspaceId, id],
    );
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  private values(row: CampaignWrite): unknown[] {
    return [
      row.name,
      row.color,
      row.startsOn,
      row.endsOn,
      row.goal,
      row.goalTarget,
      row.goalUnit,
      row.ownerId,
      row.brief,
      row.utm ? JSON.stringify(row.utm) : null,
    ];
  }

  private async replaceChannels(em: EntityManager, id: string, channelIds: string[]) {
    await em.query(`DELETE FROM campaign_channels WHERE campaign_id = $1`, [id]);
    if (channelIds.length === 0) return;
    await em.query(
      `INSERT INTO campaign_channels (campaign_id, channel_id) SELECT $1, unnest($2::uuid[])`,
      [id, channelIds],
    );
  }
}
