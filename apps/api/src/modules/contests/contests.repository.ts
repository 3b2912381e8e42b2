import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type PrizeJson = { name: string; quantity: number; value: string | null };
export type EligibilityJson = {
  minimumAge: number | null;
  countries: string[];
  onePerPerson: boolean;
  excludeStaff: boolean;
  staffHandles: string[];
  excludePreviousWinnersOfLast: number;
  requiredMentions: number;
  keyword: string | null;
};
export type OrganiserJson = { name: string; address: string; email: string | null };
export type EntryMethod = 'comment' | 'keyword' | 'csv';

export type ContestRow = {
  id: string;
  workspace_id: string;
  campaign_id: string | null;
  version: number;
  title: string;
  description: string;
  status: 'open' | 'committed' | 'drawn';
  prizes: PrizeJson[];
  alternates_count: number;
  entries_from: Date;
  entries_until: Date;
  entry_methods: EntryMethod[];
  eligibility: EligibilityJson;
  organiser: OrganiserJson;
  retention_days: number;
  public_token: string;
  pseudonym_key: Buffer;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  entrant_data_deleted_at: Date | null;
  post_ids: string[];
  rules_version: number | null;
};

export type ContestWrite = {
  campaignId: string | null;
  title: string;
  description: string;
  prizes: PrizeJson[];
  alternatesCount: number;
  entriesFrom: Date;
  entriesUntil: Date;
  entryMethods: EntryMethod[];
  eligibility: EligibilityJson;
  organiser: OrganiserJson;
  retentionDays: number;
};

export type RulesRow = {
  version: number;
  de: string;
  en: string;
  generated: boolean;
  hash: string;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
};

export type EntryRow = {
  id: string;
  source: 'comment' | 'csv';
  platform: string | null;
  pseudonym: string;
  person_key: string | null;
  handle: string | null;
  comment_id: string | null;
  text: string | null;
  email: string | null;
  age: number | null;
  country: string | null;
  entered_at: Date;
  collected_at: Date;
};

export type NewEntry = {
  source: 'comment' | 'csv';
  platform: string | null;
  pseudonym: string;
  personKey: string;
  handle: string;
  commentId: string | null;
  text: string | null;
  email: string | null;
  age: number | null;
  country: string | null;
  enteredAt: Date;
  postId: string | null;
  channelId: string | null;
};

export type ManualExclusionRow = {
  pseudonym: string;
  reason: string;
  excluded_by: string | null;
  excluded_by_name: string | null;
};

export type StoredExclusionRow = {
  pseudonym: string;
  rule: string;
  reason_de: string;
  reason_en: string;
  entry_id: string | null;
  excluded_by: string | null;
  excluded_by_name: string | null;
};

export type CommitmentRow = {
  committed_at: Date;
  committed_by: string | null;
  committed_by_name: string | null;
  algorithm: string;
  rules_version: number;
  rules_hash: string;
  tickets: string[];
  list_hash: string;
  secret_hash: string;
  secret_sealed: Buffer;
  entry_count: number;
  entrant_count: number;
  eligible_count: number;
  excluded_count: number;
};

export type DrawRow = {
  drawn_at: Date;
  drawn_by: string | null;
  drawn_by_name: string | null;
  algorithm: string;
  secret: string;
  public_value: string;
  public_value_by: string;
  seed: string;
  draw_order: string[];
  winners_count: number;
  alternates_count: number;
  /** Masked handle and platform per drawn pseudonym; they outlive the entrant data. */
  labels: Record<string, { masked: string; platform: Platform | null }>;
};

export type ReplacementRow = {
  position: number;
  replaced_pseudonym: string;
  by_pseudonym: string;
  reason: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
};

export type NotificationRow = {
  id: string;
  pseudonym: string;
  kind: 'reply' | 'direct_message';
  platform: string | null;
  post_id: string | null;
  post_status: string | null;
  text: string;
  created_at: Date;
};

/** A contest post's publications: where its comments are to be collected from. */
export type ContestSourceRow = {
  post_id: string;
  channel_id: string;
  channel_name: string;
  platform: string;
  platform_post_id: string | null;
  status: string;
};

const SELECT_CONTEST = `
  SELECT c.*,
         COALESCE((SELECT array_agg(cp.post_id ORDER BY cp.post_id) FROM contest_posts cp
                    WHERE cp.contest_id = c.id), '{}') AS post_ids,
         (SELECT max(r.version) FROM contest_rules r WHERE r.contest_id = c.id) AS rules_version
    FROM contests c`;

/** Contests and everything hanging off them. Plain SQL, plain rows; transactions here. */
@Injectable()
export class ContestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  private q(em?: EntityManager) {
    return em ?? this.db;
  }

  async list(
    workspaceId: string,
    filter: { campaignId?: string; status?: string },
  ): Promise<ContestRow[]> {
    return this.db.query(
      `${SELECT_CONTEST}
        WHERE c.workspace_id = $1 AND ($2::uuid IS NULL OR c.campaign_id = $2)
          AND ($3::text IS NULL OR c.status = $3)
        ORDER BY c.entries_from DESC, c.id`,
      [workspaceId, filter.campaignId ?? null, filter.status ?? null],
    );
  }

  async find(workspaceId: string, id: string, em?: EntityManager): Promise<ContestRow | null> {
    const rows: ContestRow[] = await this.q(em).query(
      `${SELECT_CONTEST} WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  async lock(em: EntityManager, workspaceId: string, id: string): Promise<ContestRow | null> {
    await em.query(`SELECT 1 FROM contests WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [
      workspaceId,
      id,
    ]);
    return this.find(workspaceId, id, em);
  }

  async byToken(token: string): Promise<(ContestRow & { time_zone: string }) | null> {
    const rows: (ContestRow & { time_zone: string })[] = await this.db.query(
      `SELECT x.*, w.time_zone FROM (${SELECT_CONTEST} WHERE c.public_token = $1) x
         JOIN workspaces w ON w.id = x.workspace_id`,
      [token],
    );
    return rows[0] ?? null;
  }

  async insert(
    em: EntityManager,
    workspaceId: string,
    w: ContestWrite,
    extra: { publicToken: string; pseudonymKey: Buffer; createdBy: string },
  ): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO contests (workspace_id, campaign_id, title, description, prizes, alternates_count,
                             entries_from, entries_until, entry_methods, eligibility, organiser,
                             retention_days, public_token, pseudonym_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        workspaceId,
        w.campaignId,
        w.title,
        w.description,
        JSON.stringify(w.prizes),
        w.alternatesCount,
        w.entriesFrom,
        w.entriesUntil,
        w.entryMethods,
        JSON.stringify(w.eligibility),
        JSON.stringify(w.organiser),
        w.retentionDays,
        extra.publicToken,
        extra.pseudonymKey,
        extra.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  async update(em: EntityManager, id: string, w: ContestWrite, now: Date): Promise<void> {
    await em.query(
      `UPDATE contests SET campaign_id = $2, title = $3, description = $4, prizes = $5,
              alternates_count = $6, entries_from = $7, entries_until = $8, entry_methods = $9,
              eligibility = $10, organiser = $11, retention_days = $12, version = version + 1,
              updated_at = $13
        WHERE id = $1`,
      [
        id,
        w.campaignId,
        w.title,
        w.description,
        JSON.stringify(w.prizes),
        w.alternatesCount,
        w.entriesFrom,
        w.entriesUntil,
        w.entryMethods,
        JSON.stringify(w.eligibility),
        JSON.stringify(w.organiser),
        w.retentionDays,
        now,
      ],
    );
  }

  async setStatus(em: EntityManager, id: string, status: ContestRow['status'], now: Date) {
    await em.query(
      `UPDATE contests SET status = $2, version = version + 1, updated_at = $3 WHERE id = $1`,
      [id, status, now],
    );
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM contests WHERE id = $1`, [id]);
  }

  async setPosts(em: EntityManager, id: string, postIds: readonly string[]): Promise<void> {
    await em.query(`DELETE FROM contest_posts WHERE contest_id = $1`, [id]);
    if (postIds.length > 0) {
      await em.query(
        `INSERT INTO contest_posts (contest_id, post_id) SELECT $1, unnest($2::uuid[])`,
        [id, postIds],
      );
    }
  }

  async existingPosts(workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM posts WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
      [workspaceId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The workspace's first campaign (the demo's contest joins it). */
  async firstCampaignId(workspaceId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM campaigns WHERE workspace_id = $1 ORDER BY created_at, id LIMIT 1`,
      [workspaceId],
    );
    return rows[0]?.id ?? null;
  }

  async campaignExists(workspaceId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM campaigns WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    return rows.length > 0;
  }

  /** Platforms of the channels the contest posts go to (for the platform release). */
  async platformsOf(contestId: string, em?: EntityManager): Promise<string[]> {
    const rows: { platform: string }[] = await this.q(em).query(
      `SELECT DISTINCT ch.platform FROM contest_posts cp
         JOIN post_variants v ON v.post_id = cp.post_id
         JOIN channels ch ON ch.id = v.channel_id
        WHERE cp.contest_id = $1 ORDER BY ch.platform`,
      [contestId],
    );
    return rows.map((r) => r.platform);
  }

  // ---- rules ----

  async rules(contestId: string, em?: EntityManager): Promise<RulesRow[]> {
    return this.q(em).query(
      `SELECT r.version, r.de, r.en, r.generated, r.hash, r.created_at, r.created_by,
              u.name AS created_by_name
         FROM contest_rules r LEFT JOIN users u ON u.id = r.created_by
        WHERE r.contest_id = $1 ORDER BY r.version DESC`,
      [contestId],
    );
  }

  async rulesVersion(contestId: string, version: number | null): Promise<RulesRow | null> {
    const rows: RulesRow[] = await this.db.query(
      `SELECT r.version, r.de, r.en, r.generated, r.hash, r.created_at, r.created_by,
              u.name AS created_by_name
         FROM contest_rules r LEFT JOIN users u ON u.id = r.created_by
        WHERE r.contest_id = $1 AND ($2::int IS NULL OR r.version = $2)
        ORDER BY r.version DESC LIMIT 1`,
      [contestId, version],
    );
    return rows[0] ?? null;
  }

  async insertRules(
    em: EntityManager,
    contestId: string,
    r: { de: string; en: string; generated: boolean; hash: string; createdBy: string; at: Date },
  ): Promise<number> {
    const rows: { version: number }[] = await em.query(
      `INSERT INTO contest_rules (contest_id, version, de, en, generated, hash, created_by, created_at)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5, $6, $7
         FROM contest_rules WHERE contest_id = $1
       RETURNING version`,
      [contestId, r.de, r.en, r.generated, r.hash, r.createdBy, r.at],
    );
    return rows[0]!.version;
  }

  /** The posts' record of which rules their approval covers. Returns the posts that changed. */
  async linkedPostIds(em: EntityManager, contestId: string): Promise<string[]> {
    const rows: { post_id: string }[] = await em.query(
      `SELECT post_id FROM contest_posts WHERE contest_id = $1 ORDER BY post_id`,
      [contestId],
    );
    return rows.map((r) => r.post_id);
  }

  // ---- entries ----

  async entries(contestId: string, em?: EntityManager): Promise<EntryRow[]> {
    return this.q(em).query(
      `SELECT id, source, platform, pseudonym, person_key, handle, comment_id, text, email, age,
              country, entered_at, collected_at
         FROM contest_entries WHERE contest_id = $1 ORDER BY entered_at, id`,
      [contestId],
    );
  }

  /** Inserts entries; a comment already collected is skipped. Returns how many were new. */
  async insertEntries(
    em: EntityManager,
    contestId: string,
    entries: readonly NewEntry[],
    at: Date,
  ): Promise<number> {
    let added = 0;
    for (const e of entries) {
      const rows: unknown[] = await em.query(
        `INSERT INTO contest_entries (contest_id, source, platform, pseudonym, person_key, handle,
                                      comment_id, text, email, age, country, entered_at, post_id,
                                      channel_id, collected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (contest_id, platform, comment_id) WHERE comment_id IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          contestId,
          e.source,
          e.platform,
          e.pseudonym,
          e.personKey,
          e.handle,
          e.commentId,
          e.text,
          e.email,
          e.age,
          e.country,
          e.enteredAt,
          e.postId,
          e.channelId,
          at,
        ],
      );
      added += rows.length;
    }
    return added;
  }

  async sources(contestId: string): Promise<ContestSourceRow[]> {
    return this.db.query(
      `SELECT cp.post_id, p.channel_id, ch.name AS channel_name, p.platform, p.platform_post_id,
              p.status
         FROM contest_posts cp
         JOIN publications p ON p.post_id = cp.post_id AND p.status <> 'cancelled'
         JOIN channels ch ON ch.id = p.channel_id
        WHERE cp.contest_id = $1
        ORDER BY cp.post_id, ch.name`,
      [contestId],
    );
  }

  async manualExclusions(contestId: string, em?: EntityManager): Promise<ManualExclusionRow[]> {
    return this.q(em).query(
      `SELECT m.pseudonym, m.reason, m.excluded_by, u.name AS excluded_by_name
         FROM contest_manual_exclusions m LEFT JOIN users u ON u.id = m.excluded_by
        WHERE m.contest_id = $1`,
      [contestId],
    );
  }

  async setManualExclusion(
    em: EntityManager,
    contestId: string,
    pseudonym: string,
    reason: string | null,
    userId: string,
    at: Date,
  ): Promise<void> {
    if (reason === null) {
      await em.query(
        `DELETE FROM contest_manual_exclusions WHERE contest_id = $1 AND pseudonym = $2`,
        [contestId, pseudonym],
      );
      return;
    }
    await em.query(
      `INSERT INTO contest_manual_exclusions (contest_id, pseudonym, reason, excluded_by, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (contest_id, pseudonym)
       DO UPDATE SET reason = EXCLUDED.reason, excluded_by = EXCLUDED.excluded_by,
                     created_at = EXCLUDED.created_at`,
      [contestId, pseudonym, reason, userId, at],
    );
  }

  async storedExclusions(contestId: string): Promise<StoredExclusionRow[]> {
    return this.db.query(
      `SELECT x.pseudonym, x.rule, x.reason_de, x.reason_en, x.entry_id, x.excluded_by,
              u.name AS excluded_by_name
         FROM contest_exclusions x LEFT JOIN users u ON u.id = x.excluded_by
        WHERE x.contest_id = $1`,
      [contestId],
    );
  }

  async insertExclusions(
    em: EntityManager,
    contestId: string,
    rows: readonly {
      pseudonym: string;
      rule: string;
      de: string;
      en: string;
      entryId: string | null;
      by: string | null;
    }[],
  ): Promise<void> {
    for (const r of rows) {
      await em.query(
        `INSERT INTO contest_exclusions (contest_id, pseudonym, rule, reason_de, reason_en, entry_id,
                                         excluded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [contestId, r.pseudonym, r.rule, r.de, r.en, r.entryId, r.by],
      );
    }
  }

  /** Staff: the workspace members' emails (handles come from the contest's own list). */
  async memberEmails(workspaceId: string): Promise<string[]> {
    const rows: { email: string }[] = await this.db.query(
      `SELECT lower(u.email) AS email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1`,
      [workspaceId],
    );
    return rows.map((r) => r.email);
  }

  /** Winner key hashes of the workspace's last `n` drawn contests other than this one. */
  async previousWinnerHashes(
    workspaceId: string,
    contestId: string,
    n: number,
  ): Promise<Set<string>> {
    if (n <= 0) return new Set();
    const rows: { person_hash: string }[] = await this.db.query(
      `SELECT k.person_hash FROM contest_winner_keys k
        WHERE k.contest_id IN (
          SELECT c.id FROM contests c JOIN contest_draws d ON d.contest_id = c.id
           WHERE c.workspace_id = $1 AND c.id <> $2
           ORDER BY d.drawn_at DESC LIMIT $3)`,
      [workspaceId, contestId, n],
    );
    return new Set(rows.map((r) => r.person_hash));
  }

  async insertWinnerKeys(em: EntityManager, contestId: string, hashes: readonly string[]) {
    if (hashes.length === 0) return;
    await em.query(
      `INSERT INTO contest_winner_keys (contest_id, person_hash)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [contestId, hashes],
    );
  }

  // ---- commitment and draw ----

  async commitment(contestId: string, em?: EntityManager): Promise<CommitmentRow | null> {
    const rows: CommitmentRow[] = await this.q(em).query(
      `SELECT k.*, u.name AS committed_by_name
         FROM contest_commitments k LEFT JOIN users u ON u.id = k.committed_by
        WHERE k.contest_id = $1`,
      [contestId],
    );
    return rows[0] ?? null;
  }

  async insertCommitment(
    em: EntityManager,
    contestId: string,
    c: Omit<CommitmentRow, 'committed_by_name'>,
  ): Promise<void> {
    await em.query(
      `INSERT INTO contest_commitments (contest_id, committed_at, committed_by, algorithm,
                                        rules_version, rules_hash, tickets, list_hash, secret_hash,
                                        secret_sealed, entry_count, entrant_count, eligible_count,
                                        excluded_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        contestId,
        c.committed_at,
        c.committed_by,
        c.algorithm,
        c.rules_version,
        c.rules_hash,
        c.tickets,
        c.list_hash,
        c.secret_hash,
        c.secret_sealed,
        c.entry_count,
        c.entrant_count,
        c.eligible_count,
        c.excluded_count,
      ],
    );
  }

  async draw(contestId: string, em?: EntityManager): Promise<DrawRow | null> {
    const rows: DrawRow[] = await this.q(em).query(
      `SELECT d.*, u.name AS drawn_by_name
         FROM contest_draws d LEFT JOIN users u ON u.id = d.drawn_by
        WHERE d.contest_id = $1`,
      [contestId],
    );
    return rows[0] ?? null;
  }

  /** The one draw; the primary key refuses a second one (false). */
  async insertDraw(
    em: EntityManager,
    contestId: string,
    d: Omit<DrawRow, 'drawn_by_name'>,
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO contest_draws (contest_id, drawn_at, drawn_by, algorithm, secret, public_value,
                                  public_value_by, seed, draw_order, winners_count, alternates_count,
                                  labels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (contest_id) DO NOTHING RETURNING contest_id`,
      [
        contestId,
        d.drawn_at,
        d.drawn_by,
        d.algorithm,
        d.secret,
        d.public_value,
        d.public_value_by,
        d.seed,
        d.draw_order,
        d.winners_count,
        d.alternates_count,
        JSON.stringify(d.labels),
      ],
    );
    return rows.length === 1;
  }

  async replacements(contestId: string, em?: EntityManager): Promise<ReplacementRow[]> {
    return this.q(em).query(
      `SELECT r.position, r.replaced_pseudonym, r.by_pseudonym, r.reason, r.recorded_by,
              u.name AS recorded_by_name, r.recorded_at
         FROM contest_replacements r LEFT JOIN users u ON u.id = r.recorded_by
        WHERE r.contest_id = $1 ORDER BY r.recorded_at, r.by_pseudonym`,
      [contestId],
    );
  }

  async insertReplacement(
    em: EntityManager,
    contestId: string,
    r: {
      position: number;
      replaced: string;
      by: string;
      reason: string;
      userId: string;
      at: Date;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO contest_replacements (contest_id, position, replaced_pseudonym, by_pseudonym,
                                         reason, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [contestId, r.position, r.replaced, r.by, r.reason, r.userId, r.at],
    );
  }

  // ---- notifications ----

  async notifications(contestId: string): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT n.id, n.pseudonym, n.kind, n.platform, n.post_id, p.status AS post_status, n.text,
              n.created_at
         FROM contest_notifications n LEFT JOIN posts p ON p.id = n.post_id
        WHERE n.contest_id = $1 ORDER BY n.created_at, n.id`,
      [contestId],
    );
  }

  async insertNotification(
    em: EntityManager,
    contestId: string,
    n: {
      pseudonym: string;
      kind: string;
      platform: string | null;
      postId: string | null;
      text: string;
      userId: string;
      at: Date;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO contest_notifications (contest_id, pseudonym, kind, platform, post_id, text,
                                          created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [contestId, n.pseudonym, n.kind, n.platform, n.postId, n.text, n.userId, n.at],
    );
    return rows[0]!.id;
  }

  // ---- retention ----

  /** Drawn contests whose retention period has passed and whose entrant data is still there. */
  async dueForDeletion(now: Date): Promise<{ id: string; workspace_id: string }[]> {
    return this.db.query(
      `SELECT c.id, c.workspace_id FROM contests c JOIN contest_draws d ON d.contest_id = c.id
        WHERE c.entrant_data_deleted_at IS NULL
          AND d.drawn_at + make_interval(days => c.retention_days) <= $1`,
      [now],
    );
  }

  async deleteEntrantData(em: EntityManager, contestId: string, at: Date): Promise<number> {
    const rows: unknown[] = await em.query(
      `WITH wiped AS (
         UPDATE contest_entries SET handle = NULL, person_key = NULL, text = NULL, email = NULL,
                age = NULL, country = NULL, comment_id = NULL
          WHERE contest_id = $1 RETURNING 1
       )
       SELECT * FROM wiped`,
      [contestId],
    );
    await em.query(`UPDATE contest_notifications SET text = '' WHERE contest_id = $1`, [contestId]);
    await em.query(`UPDATE contests SET entrant_data_deleted_at = $2 WHERE id = $1`, [
      contestId,
      at,
    ]);
    return rows.length;
  }
}
