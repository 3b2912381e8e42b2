import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform, type PostStatus, type ReviewLinkPermission } from '@postplan/contracts';
import { type ReviewRound, type UtmDefaults } from '@postplan/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** A review link as stored, with the name of the member who created it. */
export type ReviewLinkRow = {
  id: string;
  workspace_id: string;
  label: string;
  permission: ReviewLinkPermission;
  scope_from: Date | null;
  scope_to: Date | null;
  channel_ids: string[] | null;
  post_ids: string[] | null;
  password_hash: string | null;
  expires_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

/** A link found by its token, with what the visitor's page needs of its workspace. */
export type VisitedLinkRow = ReviewLinkRow & { workspace_name: string; time_zone: string };

export type NewReviewLink = {
  workspaceId: string;
  label: string;
  tokenHash: Buffer;
  permission: ReviewLinkPermission;
  scopeFrom: Date | null;
  scopeTo: Date | null;
  channelIds: string[] | null;
  postIds: string[] | null;
  passwordHash: string | null;
  expiresAt: Date;
  createdBy: string;
};

/** A post as a link visitor may see it: its texts per channel, never internal fields. */
export type VisitorPostRow = {
  id: string;
  workspace_id: string;
  status: PostStatus;
  title: string;
  text: string;
  planned_at: Date | null;
  content_hash: string;
  variants: { channelId: string; text: string | null; name: string; platform: Platform }[];
  /** The UTM defaults of the post's campaign: its links are shown as they will be published. */
  campaign_utm: UtmDefaults | null;
  /** The round under way, or the last one. */
  round: ReviewRound | null;
};

export type ScopeFilter = {
  workspaceId: string;
  statuses: readonly PostStatus[];
  from?: Date | null;
  to?: Date | null;
  channelIds?: string[] | null;
  postIds?: string[] | null;
  postId?: string;
  limit: number;
};

const SELECT_LINK = `
  SELECT l.id, l.workspace_id, l.label, l.permission, l.scope_from, l.scope_to, l.channel_ids,
         l.post_ids, l.password_hash, l.expires_at, l.created_by, u.name AS created_by_name,
         l.created_at, l.revoked_at, l.last_used_at
    FROM review_links l LEFT JOIN users u ON u.id = l.created_by`;

const SELECT_VISITOR_POST = `
  SELECT p.id, p.workspace_id, p.status, p.title, p.text, p.planned_at, p.content_hash,
         coalesce((SELECT json_agg(json_build_object('channelId', v.channel_id, 'text', v.text,
                                                     'name', c.name, 'platform', c.platform)
                                   ORDER BY v.position)
                     FROM post_variants v JOIN channels c ON c.id = v.channel_id
                    WHERE v.post_id = p.id), '[]'::json) AS variants,
         (SELECT cp.utm FROM campaigns cp WHERE cp.id = p.campaign_id) AS campaign_utm,
         (SELECT r.data FROM review_rounds r WHERE r.post_id = p.id
           ORDER BY r.number DESC LIMIT 1) AS round
    FROM posts p`;

// Writing last_used_at on every page view would turn every read into a write.
const TOUCH_AFTER = '1 minute';

@Injectable()
export class ReviewLinksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(em: EntityManager, link: NewReviewLink): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO review_links (workspace_id, label, token_hash, permission, scope_from, scope_to,
                                 channel_ids, post_ids, password_hash, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[], $9, $10, $11) RETURNING id`,
      [
        link.workspaceId,
        link.label,
        link.tokenHash,
        link.permission,
        link.scopeFrom,
        link.scopeTo,
        link.channelIds,
        link.postIds,
        link.passwordHash,
        link.expiresAt,
        link.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  list(workspaceId: string): Promise<ReviewLinkRow[]> {
    return this.db.query(
      `${SELECT_LINK} WHERE l.workspace_id = $1 ORDER BY l.created_at DESC, l.id LIMIT 1000`,
      [workspaceId],
    );
  }

  async find(workspaceId: string, id: string, em?: EntityManager): Promise<ReviewLinkRow | null> {
    const rows: ReviewLinkRow[] = await (em ?? this.db).query(
      `${SELECT_LINK} WHERE l.workspace_id = $1 AND l.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Locks the link for the rest of the transaction, so two revocations do not both record. */
  async lock(em: EntityManager, workspaceId: string, id: string): Promise<ReviewLinkRow | null> {
    await em.query(`SELECT 1 FROM review_links WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [
      workspaceId,
      id,
    ]);
    return this.find(workspaceId, id, em);
  }

  async revoke(em: EntityManager, id: string, userId: string): Promise<void> {
    await em.query(
      `UPDATE review_links SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [id, userId],
    );
  }

  async findByTokenHash(tokenHash: Buffer): Promise<VisitedLinkRow | null> {
    const rows: VisitedLinkRow[] = await this.db.query(
      `SELECT l.*, w.name AS workspace_name, w.time_zone
         FROM (${SELECT_LINK} WHERE l.token_hash = $1) l
         JOIN workspaces w ON w.id = l.workspace_id`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE review_links SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${TOUCH_AFTER}')`,
      [id],
    );
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query(
      `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Which of these ids are channels of the workspace. */
  async existingChannels(workspaceId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM channels WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async channelCount(workspaceId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM channels WHERE workspace_id = $1`,
      [workspaceId],
    );
    return rows[0]!.n;
  }

  /** Which of these ids are posts of the workspace that are not in the bin. */
  async existingPosts(workspaceId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM posts WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
      [workspaceId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The posts a scope may show, as one query. It narrows the candidates; the domain's
   * linkAllows still decides about each post, so this query cannot widen what a link shows.
   */
  postsInScope(f: ScopeFilter): Promise<VisitorPostRow[]> {
    const values: unknown[] = [f.workspaceId, f.statuses];
    const where = ['p.workspace_id = $1', 'p.deleted_at IS NULL', 'p.status = ANY($2::text[])'];
    const add = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (f.postId) add((n) => `p.id = ${n}`, f.postId);
    if (f.from) add((n) => `p.planned_at >= ${n}`, f.from);
    if (f.to) add((n) => `p.planned_at < ${n}`, f.to);
    if (f.postIds) add((n) => `p.id = ANY(${n}::uuid[])`, f.postIds);
    if (f.channelIds) {
      add(
        (n) =>
          `EXISTS (SELECT 1 FROM post_variants fv WHERE fv.post_id = p.id AND fv.channel_id = ANY(${n}::uuid[]))`,
        f.channelIds,
      );
    }
    values.push(f.limit);
    return this.db.query(
      `${SELECT_VISITOR_POST} WHERE ${where.join(' AND ')}
        ORDER BY p.planned_at NULLS LAST, p.id LIMIT $${values.length}`,
      values,
    );
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
