import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform } from '@postplan/contracts';
import { DataSource } from 'typeorm';
import { AttemptLog, type FailureCounts } from '../auth/attempt-counts';

export type FeedRow = { id: string; salt: Buffer; created_at: Date };

/** A feed found by its token: enough to answer 304 without touching a post. */
export type VisitedFeedRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  workspace_name: string;
  time_zone: string;
  calendar_version: string;
  is_member: boolean;
};

export type ShareLinkRow = {
  id: string;
  workspace_id: string;
  label: string;
  salt: Buffer;
  scope_from: Date;
  scope_to: Date;
  channel_ids: string[] | null;
  password_hash: string | null;
  expires_at: Date | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

export type VisitedShareLinkRow = ShareLinkRow & {
  workspace_name: string;
  time_zone: string;
  calendar_version: string;
};

export type NewShareLink = {
  id: string;
  workspaceId: string;
  label: string;
  salt: Buffer;
  tokenHash: Buffer;
  from: Date;
  to: Date;
  channelIds: string[] | null;
  passwordHash: string | null;
  expiresAt: Date | null;
  createdBy: string;
};

const SELECT_LINK = `
  SELECT l.id, l.workspace_id, l.label, l.salt, l.scope_from, l.scope_to, l.channel_ids,
         l.password_hash, l.expires_at, l.created_by, u.name AS created_by_name, l.created_at,
         l.revoked_at, l.last_used_at
    FROM share_links l LEFT JOIN users u ON u.id = l.created_by`;

/** Calendar feeds and share links: secret addresses into the plan. */
@Injectable()
export class PlanLinksRepository {
  /** Password attempts on share links, counted like those on review links. */
  private readonly unlocks: AttemptLog;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.unlocks = new AttemptLog(db, { table: 'share_link_unlock_attempts', subject: 'link_id' });
  }

  async feedOf(workspaceId: string, userId: string): Promise<FeedRow | null> {
    const rows: FeedRow[] = await this.db.query(
      `SELECT id, salt, created_at FROM calendar_feeds WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0] ?? null;
  }

  /** Creates the member's feed, or gives it a new salt (and so a new address). */
  async saveFeed(
    workspaceId: string,
    userId: string,
    id: string,
    salt: Buffer,
    tokenHash: Buffer,
  ): Promise<FeedRow> {
    const rows: FeedRow[] = await this.db.query(
      `INSERT INTO calendar_feeds (id, workspace_id, user_id, salt, token_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, user_id)
       DO UPDATE SET salt = EXCLUDED.salt, token_hash = EXCLUDED.token_hash, created_at = now()
       RETURNING id, salt, created_at`,
      [id, workspaceId, userId, salt, tokenHash],
    );
    return rows[0]!;
  }

  async deleteFeed(workspaceId: string, userId: string): Promise<void> {
    await this.db.query(`DELETE FROM calendar_feeds WHERE workspace_id = $1 AND user_id = $2`, [
      workspaceId,
      userId,
    ]);
  }

  /** One indexed lookup; a member who left the workspace keeps no feed into it. */
  async feedByTokenHash(tokenHash: Buffer): Promise<VisitedFeedRow | null> {
    const rows: VisitedFeedRow[] = await this.db.query(
      `SELECT f.id, f.workspace_id, f.user_id, w.name AS workspace_name, w.time_zone,
              w.calendar_version::text AS calendar_version,
              EXISTS (SELECT 1 FROM memberships m
                       WHERE m.workspace_id = f.workspace_id AND m.user_id = f.user_id) AS is_member
         FROM calendar_feeds f JOIN workspaces w ON w.id = f.workspace_id
        WHERE f.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async insertLink(link: NewShareLink): Promise<void> {
    await this.db.query(
      `INSERT INTO share_links (id, workspace_id, label, salt, token_hash, scope_from, scope_to,
                                channel_ids, password_hash, expires_at, created_by)
       VALUES ($11, $1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10)`,
      [
        link.workspaceId,
        link.label,
        link.salt,
        link.tokenHash,
        link.from,
        link.to,
        link.channelIds,
        link.passwordHash,
        link.expiresAt,
        link.createdBy,
        link.id,
      ],
    );
  }

  listLinks(workspaceId: string): Promise<ShareLinkRow[]> {
    return this.db.query(
      `${SELECT_LINK} WHERE l.workspace_id = $1 ORDER BY l.created_at DESC, l.id LIMIT 1000`,
      [workspaceId],
    );
  }

  async findLink(workspaceId: string, id: string): Promise<ShareLinkRow | null> {
    const rows: ShareLinkRow[] = await this.db.query(
      `${SELECT_LINK} WHERE l.workspace_id = $1 AND l.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Revokes once; answers whether this call did it. */
  async revokeLink(workspaceId: string, id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `UPDATE share_links SET revoked_at = now(), revoked_by = $3
        WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`,
      [workspaceId, id, userId],
    );
    return rows.length > 0;
  }

  async linkByTokenHash(tokenHash: Buffer): Promise<VisitedShareLinkRow | null> {
    const rows: VisitedShareLinkRow[] = await this.db.query(
      `SELECT l.*, w.name AS workspace_name, w.time_zone,
              w.calendar_version::text AS calendar_version
         FROM (${SELECT_LINK} WHERE l.token_hash = $1) l
         JOIN workspaces w ON w.id = l.workspace_id`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async touchLink(id: string): Promise<void> {
    await this.db.query(
      `UPDATE share_links SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  channelsOf(
    workspaceId: string,
    ids: string[] | null,
  ): Promise<{ id: string; name: string; platform: Platform }[]> {
    return this.db.query(
      `SELECT id, name, platform FROM channels
        WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name`,
      [workspaceId, ids],
    );
  }

  async existingChannels(workspaceId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM channels WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** `device` is the id of a browser that unlocked this link before (its signed cookie), or null. */
  recordUnlock(linkId: string, ip: string, succeeded: boolean, device: string | null) {
    return this.unlocks.record(linkId, ip, succeeded, device);
  }

  unlockFailuresSince(
    linkId: string,
    ip: string,
    since: Date,
    device: string | null,
  ): Promise<FailureCounts> {
    return this.unlocks.failuresSince(linkId, ip, since, device);
  }

  deleteUnlockAttemptsBefore(before: Date): Promise<void> {
    return this.unlocks.deleteOlderThan(before);
  }
}
