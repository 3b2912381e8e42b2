import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform, type PublicationStatus, type PublishErrorClass } from '@postplan/contracts';
import { type UtmDefaults } from '@postplan/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** The LISTEN/NOTIFY channel: payload is the epoch milliseconds of a newly due row. */
export const DUE_CHANNEL = 'postplan_publications_due';

export type PublicationRow = {
  id: string;
  workspace_id: string;
  post_id: string;
  channel_id: string;
  platform: Platform;
  status: PublicationStatus;
  planned_at: Date;
  due_at: Date;
  next_attempt_at: Date | null;
  attempts: number;
  lease_until: Date | null;
  fencing: string;
  content_hash: string;
  platform_post_id: string | null;
  url: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_class: PublishErrorClass | null;
  checkpoint: Record<string, unknown> | null;
  published_at: Date | null;
  last_actor_id: string | null;
  updated_at: Date;
};

/** A claimed row with exactly the content that was approved, read in the claiming statement. */
export type ClaimedRow = {
  id: string;
  workspace_id: string;
  post_id: string;
  channel_id: string;
  channel_name: string;
  platform: Platform;
  fencing: string;
  attempts: number;
  due_at: Date;
  /** When it became claimable: the due time, or the end of a retry's wait. */
  ready_at: Date;
  lease_until: Date;
  /** The claim's "now": retries wait from here. */
  claimed_at: Date;
  content_hash: string;
  checkpoint: Record<string, unknown> | null;
  title: string;
  /** The channel's text as written; its links are tagged on the way out (campaign_utm). */
  text: string;
  /** The variant's per-platform options, as approved (part of the content hash). */
  options: Record<string, unknown>;
  /** The UTM defaults of the post's campaign, null when it has none. */
  campaign_utm: UtmDefaults | null;
  tags: string[];
  planned_at: Date;
  author_id: string;
};

export type ChannelLimit = { platform: string; concurrency: number; perMinute: number | null };

/** One outcome for a claimed row; written only while the claim's fencing value is current. */
export type Outcome =
  | { status: 'published'; platformPostId: string; url: string | null }
  | {
      status: 'pending';
      nextAttemptAt: Date;
      error: { code: string; message: string; class: PublishErrorClass };
    }
  | {
      status: 'failed' | 'unconfirmed';
      error: { code: string; message: string; class: PublishErrorClass };
    };

/** Rows that went to a state a person must hear about. */
export type AlertRow = {
  id: string;
  workspace_id: string;
  post_id: string;
  channel_id: string;
  status: PublicationStatus;
  last_error_code: string | null;
  last_error_message: string | null;
};

const COLUMNS = `pub.id, pub.workspace_id, pub.post_id, pub.channel_id, pub.platform, pub.status,
  pub.planned_at, pub.due_at, pub.next_attempt_at, pub.attempts, pub.lease_until, pub.fencing, pub.content_hash,
  pub.platform_post_id, pub.url, pub.last_error_code, pub.last_error_message, pub.last_error_class,
  pub.checkpoint, pub.published_at, pub.last_actor_id, pub.updated_at`;

/**
 * A pause in force for the row's scope, or an ended one whose window holds the row's due time
 * (that post waits for a person's decision after the resume: docs/crisis-stop.md).
 */
const HELD_BY_PAUSE = `EXISTS (
  SELECT 1 FROM pauses z
   WHERE z.workspace_id = pub.workspace_id
     AND (z.channel_id IS NULL OR z.channel_id = pub.channel_id)
     AND (z.resumed_at IS NULL OR pub.due_at BETWEEN z.paused_at AND z.resumed_at))`;

/** The approval in force still covers exactly the content this row was created for. */
const STILL_APPROVED = `p.deleted_at IS NULL AND p.status = 'approved'
  AND p.content_hash = pub.content_hash AND p.approval->>'contentHash' = pub.content_hash`;

/** Attempts go to the audit log, so the post's history shows each one. */
const AUDIT_ATTEMPT = `
  INSERT INTO audit_log (workspace_id, actor_type, action, post_id, subject_type, subject_id, after)
  SELECT u.workspace_id, 'system', 'publication.attempted', u.post_id, 'publication', u.id::text,
         jsonb_build_object('publicationId', u.id, 'channelId', u.channel_id, 'attempt', u.attempts,
                            'outcome', u.status, 'url', u.url, 'error',
                            CASE WHEN u.last_error_code IS NULL OR u.status = 'published' THEN NULL
                                 ELSE jsonb_build_object('code', u.last_error_code,
                                        'message', u.last_error_message, 'class', u.last_error_class) END)
    FROM u`;

/**
 * TypeORM answers a top-level UPDATE with [rows, affected] and a SELECT with rows; this gives
 * the rows either way.
 */
function returned<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

@Injectable()
export class PublicationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether any channel of the post still waits to be published. */
  async hasPending(em: EntityManager, postId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM publications WHERE post_id = $1 AND status = 'pending' LIMIT 1`,
      [postId],
    );
    return rows.length > 0;
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  // ---- keeping the outbox in step with the post (inside the caller's transaction) ----

  /** The post as the outbox sees it, and the channels it should go to while approved. */
  async desired(
    em: EntityManager,
    postId: string,
  ): Promise<{
    workspaceId: string;
    dueAt: Date | null;
    hash: string | null;
    channels: { id: string; platform: Platform }[];
  } | null> {
    const rows: {
      workspace_id: string;
      planned_at: Date | null;
      publishable: boolean;
      content_hash: string;
      channels: { id: string; platform: Platform }[];
    }[] = await em.query(
      `SELECT p.workspace_id, p.planned_at, p.content_hash,
              (p.deleted_at IS NULL AND p.status = 'approved' AND p.planned_at IS NOT NULL
               AND p.approval->>'contentHash' = p.content_hash) AS publishable,
              coalesce((SELECT json_agg(json_build_object('id', c.id, 'platform', c.platform))
                          FROM post_variants v JOIN channels c ON c.id = v.channel_id
                         WHERE v.post_id = p.id), '[]'::json) AS channels
         FROM posts p WHERE p.id = $1`,
      [postId],
    );
    const r = rows[0];
    if (!r) return null;
    return r.publishable
      ? {
          workspaceId: r.workspace_id,
          dueAt: r.planned_at,
          hash: r.content_hash,
          channels: r.channels,
        }
      : { workspaceId: r.workspace_id, dueAt: null, hash: null, channels: [] };
  }

  async liveRows(em: EntityManager, postId: string): Promise<PublicationRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM publications pub
        WHERE pub.post_id = $1 AND pub.status <> 'cancelled' FOR UPDATE`,
      [postId],
    );
  }

  async insertPending(
    em: EntityManager,
    rows: { workspaceId: string; postId: string; channelId: string; platform: Platform }[],
    dueAt: Date,
    hash: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO publications (workspace_id, post_id, channel_id, platform, status, planned_at,
                                 due_at, next_attempt_at, content_hash)
       SELECT $1, $2, c.id, c.platform, 'pending', $5, $5, $5, $6
         FROM unnest($3::uuid[], $4::text[]) AS c(id, platform)`,
      [
        rows[0]!.workspaceId,
        rows[0]!.postId,
        rows.map((r) => r.channelId),
        rows.map((r) => r.platform),
        dueAt,
        hash,
      ],
    );
  }

  async cancel(em: EntityManager, ids: string[], reason: string): Promise<void> {
    if (ids.length === 0) return;
    await em.query(
      `UPDATE publications SET status = 'cancelled', next_attempt_at = NULL, lease_until = NULL,
              last_error_code = $2, last_error_message = NULL, last_error_class = NULL,
              updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, reason],
    );
  }

  /** A pending (or failed/missed, re-planned) row moves to the post's new time and approval. */
  async replan(em: EntityManager, ids: string[], dueAt: Date, hash: string): Promise<void> {
    if (ids.length === 0) return;
    await em.query(
      `UPDATE publications SET status = 'pending', planned_at = $2, due_at = $2, next_attempt_at = $2,
              content_hash = $3, lease_until = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, dueAt, hash],
    );
  }

  /** Wakes the workers (after commit) when something became due earlier than they think. */
  async notifyDue(em: EntityManager, at: Date): Promise<void> {
    await em.query(`SELECT pg_notify($1, $2)`, [DUE_CHANNEL, String(at.getTime())]);
  }

  // ---- the worker ----

  /**
   * Claims due rows in one statement: only rows whose post is still approved with the same
   * hash, not deleted, not held by a pause and not later than the catch-up window, within each
   * channel's concurrency and per-minute limits. Sets sending, a lease and the next fencing
   * value, and returns the approved content read in this same statement.
   */
  async claim(args: {
    now: Date;
    limit: number;
    leaseMs: number;
    owner: string;
    limits: ChannelLimit[];
  }): Promise<ClaimedRow[]> {
    const { now, limit, leaseMs, owner, limits } = args;
    const result: unknown = await this.db.query(
      `WITH lim AS (
         SELECT * FROM unnest($5::text[], $6::int[], $7::int[]) AS l(platform, concurrency, per_minute)
       ),
       -- Calls in flight per channel, counted once per claim: the sending rows are at most what
       -- all workers have in flight. (Counting them per candidate let the planner walk the
       -- whole sending set for every candidate when its statistics predate the burst.)
       sending AS MATERIALIZED (
         SELECT s.channel_id, s.platform, count(*) AS n
           FROM publications s WHERE s.status = 'sending'
          GROUP BY s.channel_id, s.platform
       ),
       full_channels AS (
         SELECT g.channel_id FROM sending g JOIN lim l ON l.platform = g.platform
          WHERE g.n >= l.concurrency
       ),
       cand AS (
         SELECT pub.id, pub.channel_id, pub.platform, pub.next_attempt_at
           FROM publications pub
          WHERE pub.status = 'pending' AND pub.next_attempt_at <= $1
            AND EXISTS (SELECT 1 FROM posts p WHERE p.id = pub.post_id AND ${STILL_APPROVED} OFFSET 0)
            AND EXISTS (SELECT 1 FROM workspaces w WHERE w.id = pub.workspace_id
                         AND $1 <= pub.due_at + make_interval(mins => w.catch_up_minutes) OFFSET 0)
            AND NOT ${HELD_BY_PAUSE}
            AND pub.channel_id NOT IN (SELECT f.channel_id FROM full_channels f)
            -- Per-minute limits: counted only for platforms that have one.
            AND CASE WHEN (SELECT l.per_minute FROM lim l WHERE l.platform = pub.platform) IS NULL THEN true
                     ELSE (SELECT l.per_minute FROM lim l WHERE l.platform = pub.platform) >
                          (SELECT count(*) FROM publications s
                            WHERE s.channel_id = pub.channel_id AND s.claimed_at > $1 - interval '1 minute')
                END
          ORDER BY pub.next_attempt_at
          LIMIT $2
          FOR UPDATE OF pub SKIP LOCKED
       ),
       ranked AS (
         SELECT c.*, row_number() OVER (PARTITION BY c.channel_id ORDER BY c.next_attempt_at, c.id) AS rn
           FROM cand c
       ),
       allowed AS (
         SELECT r.id, r.next_attempt_at AS ready_at
           FROM ranked r
           LEFT JOIN lim l ON l.platform = r.platform
           LEFT JOIN sending g ON g.channel_id = r.channel_id
          WHERE (l.concurrency IS NULL OR r.rn <= l.concurrency - coalesce(g.n, 0))
            AND CASE WHEN l.per_minute IS NULL THEN true
                     ELSE r.rn <= l.per_minute -
                          (SELECT count(*) FROM publications s
                            WHERE s.channel_id = r.channel_id AND s.claimed_at > $1 - interval '1 minute')
                END
       )
       UPDATE publications pub
          SET status = 'sending', fencing = pub.fencing + 1, attempts = pub.attempts + 1,
              lease_until = $1::timestamptz + make_interval(secs => $3::double precision / 1000),
              lease_owner = $4, claimed_at = $1, next_attempt_at = NULL, updated_at = now()
         FROM allowed a, posts p, channels ch
        WHERE pub.id = a.id AND p.id = pub.post_id AND ch.id = pub.channel_id
       RETURNING pub.id, pub.workspace_id, pub.post_id, pub.channel_id, ch.name AS channel_name,
                 pub.platform, pub.fencing, pub.attempts, pub.due_at, a.ready_at, pub.lease_until, pub.claimed_at,
                 pub.content_hash, pub.checkpoint, p.title,
                 coalesce((SELECT v.text FROM post_variants v
                            WHERE v.post_id = pub.post_id AND v.channel_id = pub.channel_id), p.text) AS text,
                 coalesce((SELECT v.options FROM post_variants v
                            WHERE v.post_id = pub.post_id AND v.channel_id = pub.channel_id), '{}'::jsonb) AS options,
                 (SELECT c.utm FROM campaigns c WHERE c.id = p.campaign_id) AS campaign_utm,
                 p.tags, p.planned_at, p.author_id`,
      [
        now,
        limit,
        leaseMs,
        owner,
        limits.map((l) => l.platform),
        limits.map((l) => l.concurrency),
        limits.map((l) => l.perMinute),
      ],
    );
    return returned<ClaimedRow>(result);
  }

  /**
   * For the wake-up timer: the earliest pending row still to come, and whether rows are due
   * already (ones nobody could claim: paused, at a channel's limit).
   */
  async nextDue(now: Date): Promise<{ future: Date | null; dueNow: boolean }> {
    const rows: { future: Date | null; due_now: boolean }[] = await this.db.query(
      `SELECT (SELECT min(next_attempt_at) FROM publications
                WHERE status = 'pending' AND next_attempt_at > $1) AS future,
              EXISTS (SELECT 1 FROM publications
                       WHERE status = 'pending' AND next_attempt_at <= $1) AS due_now`,
      [now],
    );
    return { future: rows[0]?.future ?? null, dueNow: rows[0]?.due_now ?? false };
  }

  /**
   * Writes an outcome if this claim still holds the row (status sending, same fencing value),
   * and records the attempt in the audit log in the same statement. False: the lease was lost.
   */
  async finish(
    id: string,
    fencing: string,
    outcome: Outcome,
    em?: EntityManager,
  ): Promise<boolean> {
    const published = outcome.status === 'published';
    const error = 'error' in outcome ? outcome.error : null;
    const rows: unknown[] = await (em ?? this.db).query(
      `WITH u AS (
         UPDATE publications SET status = $3,
                platform_post_id = CASE WHEN $4 THEN $5 ELSE platform_post_id END,
                url = CASE WHEN $4 THEN $6 ELSE url END,
                published_at = CASE WHEN $4 THEN now() ELSE published_at END,
                next_attempt_at = $7, lease_until = NULL, lease_owner = NULL,
                last_error_code = $8, last_error_message = $9, last_error_class = $10,
                updated_at = now()
          WHERE id = $1 AND fencing = $2 AND status = 'sending'
          RETURNING id, workspace_id, post_id, channel_id, attempts, status, url,
                    last_error_code, last_error_message, last_error_class
       ), a AS (${AUDIT_ATTEMPT})
       SELECT id FROM u`,
      [
        id,
        fencing,
        outcome.status,
        published,
        published ? outcome.platformPostId : null,
        published ? outcome.url : null,
        outcome.status === 'pending' ? outcome.nextAttemptAt : null,
        error?.code ?? null,
        error?.message ?? null,
        error?.class ?? null,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Many published outcomes in one statement (each still fenced), with their attempts in the
   * audit log. Returns the ids that were written; the others had lost their lease.
   */
  async finishPublished(
    items: { id: string; fencing: string; platformPostId: string; url: string | null }[],
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `WITH i AS (
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[])
                    AS i(id, fencing, platform_post_id, url)
       ), u AS (
         UPDATE publications pub SET status = 'published', platform_post_id = i.platform_post_id,
                url = i.url, published_at = now(), next_attempt_at = NULL, lease_until = NULL,
                lease_owner = NULL, last_error_code = NULL, last_error_message = NULL,
                last_error_class = NULL, updated_at = now()
           FROM i
          WHERE pub.id = i.id AND pub.fencing = i.fencing AND pub.status = 'sending'
          RETURNING pub.id, pub.workspace_id, pub.post_id, pub.channel_id, pub.attempts, pub.status,
                    pub.url, pub.last_error_code, pub.last_error_message, pub.last_error_class
       ), a AS (${AUDIT_ATTEMPT})
       SELECT id FROM u`,
      [
        items.map((i) => i.id),
        items.map((i) => i.fencing),
        items.map((i) => i.platformPostId),
        items.map((i) => i.url),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }

  async saveCheckpoint(id: string, fencing: string, checkpoint: unknown): Promise<boolean> {
    const rows = returned(
      await this.db.query(
        `UPDATE publications SET checkpoint = $3, updated_at = now()
          WHERE id = $1 AND fencing = $2 AND status = 'sending' RETURNING id`,
        [id, fencing, JSON.stringify(checkpoint)],
      ),
    );
    return rows.length === 1;
  }

  /**
   * Leases that ran out while sending: the worker died or hung. Unconfirmed, unless the
   * platform deduplicates (then it is safe to try again).
   */
  async expireLeases(
    em: EntityManager,
    now: Date,
    idempotentPlatforms: string[],
    limit = 500,
  ): Promise<AlertRow[]> {
    return em.query(
      `WITH due AS (
         SELECT id FROM publications
          WHERE status = 'sending' AND lease_until < $1
          ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED
       ), u AS (
         UPDATE publications pub
            SET status = CASE WHEN pub.platform = ANY($2::text[]) THEN 'pending' ELSE 'unconfirmed' END,
                next_attempt_at = CASE WHEN pub.platform = ANY($2::text[]) THEN $1 END,
                lease_until = NULL, lease_owner = NULL, fencing = pub.fencing + 1,
                last_error_code = 'LEASE_EXPIRED',
                last_error_message = 'The worker stopped while sending; the post may have gone out.',
                last_error_class = 'unknown', updated_at = now()
           FROM due WHERE pub.id = due.id
          RETURNING pub.id, pub.workspace_id, pub.post_id, pub.channel_id, pub.attempts, pub.status,
                    pub.url, pub.last_error_code, pub.last_error_message, pub.last_error_class
       ), a AS (${AUDIT_ATTEMPT})
       SELECT id, workspace_id, post_id, channel_id, status, last_error_code, last_error_message
         FROM u WHERE status = 'unconfirmed'`,
      [now, idempotentPlatforms, limit],
    );
  }

  /** Pending rows later than their workspace's catch-up window become missed; never sent. */
  async markMissed(em: EntityManager, now: Date, limit = 500): Promise<AlertRow[]> {
    return returned<AlertRow>(
      await em.query(
        `WITH due AS (
         SELECT pub.id FROM publications pub JOIN workspaces w ON w.id = pub.workspace_id
          WHERE pub.status = 'pending'
            AND $1 > pub.due_at + make_interval(mins => w.catch_up_minutes)
            AND NOT ${HELD_BY_PAUSE}
          ORDER BY pub.due_at LIMIT $2 FOR UPDATE OF pub SKIP LOCKED
       )
       UPDATE publications pub
          SET status = 'missed', next_attempt_at = NULL, last_error_code = 'MISSED',
              last_error_message = 'It was too late to publish: later than the catch-up window allows.',
              last_error_class = 'permanent', updated_at = now()
         FROM due WHERE pub.id = due.id
       RETURNING pub.id, pub.workspace_id, pub.post_id, pub.channel_id, pub.status,
                 pub.last_error_code, pub.last_error_message`,
        [now, limit],
      ),
    );
  }

  /**
   * Unconfirmed rows of platforms that can tell, taken for a minute so two workers do not ask
   * about the same row at once. Rows a reconcile could not settle have lease_until = infinity.
   */
  async takeForReconcile(now: Date, platforms: string[], limit = 50): Promise<PublicationRow[]> {
    if (platforms.length === 0) return [];
    return returned<PublicationRow>(
      await this.db.query(
        `UPDATE publications pub SET lease_until = $1::timestamptz + interval '1 minute',
              fencing = pub.fencing + 1
        WHERE pub.id IN (
          SELECT id FROM publications
           WHERE status = 'unconfirmed' AND platform = ANY($2::text[])
             AND (lease_until IS NULL OR lease_until < $1)
           ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
        [now, platforms, limit],
      ),
    );
  }

  /** What a publication carries to its platform: the post's text for its channel. */
  async contentOf(id: string): Promise<{
    title: string;
    text: string;
    campaign_utm: UtmDefaults | null;
    tags: string[];
    planned_at: Date | null;
    channel_name: string;
    options: Record<string, unknown>;
  } | null> {
    const rows: {
      title: string;
      text: string;
      campaign_utm: UtmDefaults | null;
      tags: string[];
      planned_at: Date | null;
      channel_name: string;
      options: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT p.title, coalesce(v.text, p.text) AS text, p.tags, p.planned_at, ch.name AS channel_name,
              coalesce(v.options, '{}'::jsonb) AS options,
              (SELECT c.utm FROM campaigns c WHERE c.id = p.campaign_id) AS campaign_utm
         FROM publications pub
         JOIN posts p ON p.id = pub.post_id
         JOIN channels ch ON ch.id = pub.channel_id
         LEFT JOIN post_variants v ON v.post_id = pub.post_id AND v.channel_id = pub.channel_id
        WHERE pub.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The reconciler's answer, if nobody acted on the row meanwhile. */
  async settleReconciled(
    id: string,
    fencing: string,
    answer:
      | { status: 'published'; platformPostId: string; url: string | null }
      | { status: 'pending'; at: Date }
      | { status: 'unknown'; reason: string }
      | { status: 'later'; at: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH u AS (
         UPDATE publications SET
           status = CASE $3 WHEN 'published' THEN 'published' WHEN 'pending' THEN 'pending'
                            ELSE 'unconfirmed' END,
           platform_post_id = coalesce($4, platform_post_id), url = coalesce($5, url),
           published_at = CASE WHEN $3 = 'published' THEN now() ELSE published_at END,
           next_attempt_at = CASE WHEN $3 = 'pending' THEN $6::timestamptz END,
           lease_until = CASE $3 WHEN 'unknown' THEN 'infinity'::timestamptz
                                 WHEN 'later' THEN $6::timestamptz END,
           last_error_code = CASE $3 WHEN 'unknown' THEN 'RECONCILE_UNKNOWN'
                                     WHEN 'later' THEN last_error_code END,
           last_error_message = CASE $3 WHEN 'unknown' THEN $7 WHEN 'later' THEN last_error_message END,
           last_error_class = CASE WHEN $3 IN ('unknown', 'later') THEN last_error_class END,
           updated_at = now()
          WHERE id = $1 AND fencing = $2 AND status = 'unconfirmed'
          RETURNING id, workspace_id, post_id, channel_id, attempts, status, url,
                    last_error_code, last_error_message, last_error_class
       ), a AS (
         INSERT INTO audit_log (workspace_id, actor_type, action, post_id, subject_type, subject_id, after)
         SELECT u.workspace_id, 'system', 'publication.reconciled', u.post_id, 'publication', u.id::text,
                jsonb_build_object('publicationId', u.id, 'channelId', u.channel_id, 'answer', $3::text,
                                   'outcome', u.status, 'url', u.url)
           FROM u WHERE $3 <> 'later'
       )
       SELECT id FROM u`,
      [
        id,
        fencing,
        answer.status,
        answer.status === 'published' ? answer.platformPostId : null,
        answer.status === 'published' ? answer.url : null,
        answer.status === 'pending' || answer.status === 'later' ? answer.at : null,
        answer.status === 'unknown' ? answer.reason : null,
      ],
    );
    return rows.length === 1;
  }

  // ---- people ----

  async find(
    workspaceId: string,
    id: string,
    em?: EntityManager,
    lock = false,
  ): Promise<PublicationRow | null> {
    const rows: PublicationRow[] = await (em ?? this.db).query(
      `SELECT ${COLUMNS} FROM publications pub WHERE pub.workspace_id = $1 AND pub.id = $2
       ${lock ? 'FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  async forPost(workspaceId: string, postId: string): Promise<PublicationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM publications pub
        WHERE pub.workspace_id = $1 AND pub.post_id = $2
        ORDER BY pub.created_at, pub.id`,
      [workspaceId, postId],
    );
  }

  /** A person's decision: the row moves to `status` (and due now, for pending). */
  async setByPerson(
    em: EntityManager,
    id: string,
    change:
      | { status: 'pending'; at: Date }
      | { status: 'cancelled' }
      | { status: 'published'; url: string; platformPostId: string | null },
    userId: string,
  ): Promise<void> {
    await em.query(
      `UPDATE publications SET status = $2,
              next_attempt_at = CASE WHEN $2 = 'pending' THEN $3::timestamptz END,
              due_at = CASE WHEN $2 = 'pending' THEN $3::timestamptz ELSE due_at END,
              url = coalesce($4, url), platform_post_id = coalesce($5, platform_post_id),
              published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END,
              lease_until = NULL, fencing = fencing + 1, last_actor_id = $6,
              last_error_code = CASE WHEN $2 = 'published' THEN NULL ELSE last_error_code END,
              last_error_message = CASE WHEN $2 = 'published' THEN NULL ELSE last_error_message END,
              last_error_class = CASE WHEN $2 = 'published' THEN NULL ELSE last_error_class END,
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        change.status,
        change.status === 'pending' ? change.at : null,
        change.status === 'published' ? change.url : null,
        change.status === 'published' ? change.platformPostId : null,
        userId,
      ],
    );
  }

  /** The workspace's publishing log, newest due first, keyset-paged. */
  async log(f: {
    workspaceId: string;
    statuses?: PublicationStatus[];
    from?: Date;
    to?: Date;
    channelId?: string;
    limit: number;
    after?: { dueAt: Date; id: string };
  }): Promise<
    (PublicationRow & {
      post_title: string;
      author_id: string;
      author_name: string;
      channel_name: string;
      actor_name: string | null;
    })[]
  > {
    const values: unknown[] = [f.workspaceId];
    const where = ['pub.workspace_id = $1'];
    const add = (sql: (n: string) => string, v: unknown) => {
      values.push(v);
      where.push(sql(`$${values.length}`));
    };
    if (f.statuses?.length) add((n) => `pub.status = ANY(${n}::text[])`, f.statuses);
    if (f.from) add((n) => `pub.due_at >= ${n}`, f.from);
    if (f.to) add((n) => `pub.due_at < ${n}`, f.to);
    if (f.channelId) add((n) => `pub.channel_id = ${n}`, f.channelId);
    if (f.after) {
      values.push(f.after.dueAt, f.after.id);
      where.push(`(pub.due_at, pub.id) < ($${values.length - 1}, $${values.length})`);
    }
    values.push(f.limit);
    return this.db.query(
      `SELECT ${COLUMNS}, p.title AS post_title, p.author_id, au.name AS author_name,
              ch.name AS channel_name, ac.name AS actor_name
         FROM publications pub
         JOIN posts p ON p.id = pub.post_id
         JOIN channels ch ON ch.id = pub.channel_id
         JOIN users au ON au.id = p.author_id
         LEFT JOIN users ac ON ac.id = pub.last_actor_id
        WHERE ${where.join(' AND ')}
        ORDER BY pub.due_at DESC, pub.id DESC
        LIMIT $${values.length}`,
      values,
    );
  }

  /** Who hears about a publication's trouble: the post's author and the workspace's admins. */
  async alertRecipients(em: EntityManager, workspaceId: string, postId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await em.query(
      `SELECT author_id AS user_id FROM posts WHERE id = $2
       UNION
       SELECT user_id FROM memberships WHERE workspace_id = $1 AND role IN ('owner', 'admin')`,
      [workspaceId, postId],
    );
    return rows.map((r) => r.user_id);
  }

  async channelName(em: EntityManager, channelId: string): Promise<string | null> {
    const rows: { name: string }[] = await em.query(`SELECT name FROM channels WHERE id = $1`, [
      channelId,
    ]);
    return rows[0]?.name ?? null;
  }

  /**
   * The newest publication change of the workspace. A change of the last two seconds gives a
   * fresh value every time (no caching): a write that started earlier may still commit.
   */
  async version(workspaceId: string): Promise<string> {
    const rows: { v: string | null }[] = await this.db.query(
      `SELECT CASE WHEN max(updated_at) > clock_timestamp() - interval '2 seconds'
                   THEN 'live-' || md5(random()::text)
                   ELSE (extract(epoch FROM max(updated_at)) * 1000000)::bigint::text END AS v
         FROM publications WHERE workspace_id = $1`,
      [workspaceId],
    );
    return rows[0]?.v ?? '0';
  }

  // ---- metrics ----

  async countsByStatus(): Promise<{ status: PublicationStatus; n: number }[]> {
    const rows: { status: PublicationStatus; n: string }[] = await this.db.query(
      `SELECT status, count(*) AS n FROM publications GROUP BY status`,
    );
    return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
  }

  async queueDepth(now: Date): Promise<number> {
    const rows: { n: string }[] = await this.db.query(
      `SELECT count(*) AS n FROM publications WHERE status = 'pending' AND next_attempt_at <= $1`,
      [now],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
