import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Revision, type Role } from '@postplan/contracts';
import {
  type ApprovableContent,
  type ApprovalPolicy,
  ApprovalPolicySchema,
  type ReviewRound,
} from '@postplan/domain';
import { DataSource, type EntityManager } from 'typeorm';

type RevisionRow = {
  id: string;
  number: number;
  created_at: Date;
  content_hash: string;
  author_id: string | null;
  author_name: string | null;
  content: ApprovableContent;
};

const toRevision = (r: RevisionRow): Revision => ({
  id: r.id,
  number: r.number,
  createdAt: r.created_at.toISOString(),
  contentHash: r.content_hash,
  authorId: r.author_id,
  authorName: r.author_name,
  content: {
    title: r.content.title ?? null,
    text: r.content.text,
    ...(r.content.media ? { media: r.content.media.map((m) => ({ ...m })) } : {}),
    channelIds: [...(r.content.channelIds ?? [])],
    variants: (r.content.variants ?? []).map((v) => ({
      channelId: v.channelId,
      text: v.text,
      ...(v.media ? { media: v.media.map((m) => ({ ...m })) } : {}),
      ...(v.options ? { options: v.options } : {}),
    })),
    ...(r.content.options ? { options: r.content.options } : {}),
  },
});

/** Storage of the review side of posts: rounds, revisions, the workspace's policy. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(em?: EntityManager): EntityManager {
    return em ?? this.db.manager;
  }

  async policy(
    workspaceId: string,
    em?: EntityManager,
  ): Promise<{ policy: ApprovalPolicy; version: number }> {
    const rows: { approval_policy: unknown; approval_policy_version: number }[] = await this.q(
      em,
    ).query(`SELECT approval_policy, approval_policy_version FROM workspaces WHERE id = $1`, [
      workspaceId,
    ]);
    // Stored policies were validated on the way in; parsing again fills defaults added later.
    return {
      policy: ApprovalPolicySchema.parse(rows[0]?.approval_policy),
      version: rows[0]?.approval_policy_version ?? 0,
    };
  }

  /**
   * Locks the workspace row for a policy change and returns the version it had: concurrent
   * saves queue up here, so the version compared by the caller cannot move meanwhile.
   */
  async lockPolicy(em: EntityManager, workspaceId: string): Promise<number> {
    const rows: { approval_policy_version: number }[] = await em.query(
      `SELECT approval_policy_version FROM workspaces WHERE id = $1 FOR UPDATE`,
      [workspaceId],
    );
    return rows[0]?.approval_policy_version ?? 0;
  }

  async setPolicy(em: EntityManager, workspaceId: string, policy: ApprovalPolicy): Promise<void> {
    await em.query(
      `UPDATE workspaces
          SET approval_policy = $2, approval_policy_version = approval_policy_version + 1,
              updated_at = now()
        WHERE id = $1`,
      [workspaceId, JSON.stringify(policy)],
    );
  }

  async workspace(id: string): Promise<{ id: string; timeZone: string } | null> {
    const rows: { id: string; time_zone: string }[] = await this.db.query(
      `SELECT id, time_zone FROM workspaces WHERE id = $1`,
      [id],
    );
    return rows[0] ? { id: rows[0].id, timeZone: rows[0].time_zone } : null;
  }

  async rounds(postId: string, em?: EntityManager): Promise<ReviewRound[]> {
    const rows: { data: ReviewRound }[] = await this.q(em).query(
      `SELECT data FROM review_rounds WHERE post_id = $1 ORDER BY number`,
      [postId],
    );
    return rows.map((r) => r.data);
  }

  async latestRound(postId: string, em?: EntityManager): Promise<ReviewRound | null> {
    const rows: { data: ReviewRound }[] = await this.q(em).query(
      `SELECT data FROM review_rounds WHERE post_id = $1 ORDER BY number DESC LIMIT 1`,
      [postId],
    );
    return rows[0]?.data ?? null;
  }

  async saveRound(em: EntityManager, postId: string, round: ReviewRound): Promise<void> {
    await em.query(
      `INSERT INTO review_rounds (post_id, number, content_hash, started_at, data)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (post_id, number) DO UPDATE SET data = EXCLUDED.data`,
      [postId, round.number, round.contentHash, round.startedAt, JSON.stringify(round)],
    );
  }

  /** The first revisions of newly imported posts, in one statement. */
  async addFirstRevisions(
    em: EntityManager,
    authorId: string,
    revisions: { postId: string; contentHash: string; content: ApprovableContent }[],
  ): Promise<void> {
    if (revisions.length === 0) return;
    await em.query(
      `INSERT INTO post_revisions (post_id, number, content_hash, content, author_id)
       SELECT r.post_id, 1, r.content_hash, r.content, $1
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS r(post_id, content_hash, content)`,
      [
        authorId,
        revisions.map((r) => r.postId),
        revisions.map((r) => r.contentHash),
        revisions.map((r) => JSON.stringify(r.content)),
      ],
    );
  }

  async addRevision(
    em: EntityManager,
    postId: string,
    content: ApprovableContent,
    contentHash: string,
    authorId: string | null,
    actorLabel: string | null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO post_revisions (post_id, number, content_hash, content, author_id, actor_label)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 FROM post_revisions WHERE post_id = $1`,
      [postId, contentHash, JSON.stringify(content), authorId, actorLabel],
    );
  }

  async revisions(postId: string): Promise<Revision[]> {
    const rows: RevisionRow[] = await this.db.query(
      `SELECT r.id, r.number, r.created_at, r.content_hash, r.author_id,
              coalesce(u.name, r.actor_label) AS author_name, r.content
         FROM post_revisions r LEFT JOIN users u ON u.id = r.author_id
        WHERE r.post_id = $1 ORDER BY r.number`,
      [postId],
    );
    return rows.map(toRevision);
  }

  /** Members holding each of the given roles, by role. */
  async membersByRole(workspaceId: string, em?: EntityManager): Promise<Map<Role, string[]>> {
    const rows: { user_id: string; role: Role }[] = await this.q(em).query(
      `SELECT user_id, role FROM memberships WHERE workspace_id = $1`,
      [workspaceId],
    );
    const byRole = new Map<Role, string[]>();
    for (const r of rows) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r.user_id]);
    return byRole;
  }

  async memberRole(workspaceId: string, userId: string, em?: EntityManager): Promise<Role | null> {
    const rows: { role: Role }[] = await this.q(em).query(
      `SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0]?.role ?? null;
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query(
      `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async linkLabels(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; label: string }[] = await this.db.query(
      `SELECT id, label FROM review_links WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.label]));
  }

  /** Unapproved posts whose planned time has come, locked for the expiry job. */
  async lockDueForExpiry(
    em: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ id: string; workspace_id: string }[]> {
    return em.query(
      `SELECT id, workspace_id FROM posts
        WHERE deleted_at IS NULL AND status IN ('draft', 'in_review', 'changes_requested')
          AND planned_at <= $1
        ORDER BY planned_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }
}
