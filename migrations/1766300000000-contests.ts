import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Contests (Gewinnspiele): the contest, its posts, its rules in versions, its entries, manual
 * exclusions, the commitment, the one draw and its replacements, winner notifications, and the
 * built-in sandbox's comments (where the demo's entries come from). See docs/contests.md.
 *
 * The draw is one row per contest in contest_draws (the contest id is its primary key), so a
 * second draw is refused by the database itself, whatever the code above it does. The commitment
 * is likewise one row, written before the draw can exist (the draw references it).
 *
 * Entrant data (handle, text, email, age, country, person key) is nulled after the retention
 * period; the pseudonym, the commitment and the draw stay, so the certificate keeps verifying.
 */
export class Contests1766300000000 implements MigrationInterface {
  name = 'Contests1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        -- a contest outlives its campaign: deleting the campaign makes it stand alone
        campaign_id uuid REFERENCES campaigns (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'committed', 'drawn')),
        prizes jsonb NOT NULL,
        alternates_count integer NOT NULL CHECK (alternates_count BETWEEN 0 AND 100),
        entries_from timestamptz NOT NULL,
        entries_until timestamptz NOT NULL,
        entry_methods text[] NOT NULL,
        eligibility jsonb NOT NULL,
        organiser jsonb NOT NULL,
        retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 365),
        public_token text NOT NULL UNIQUE,
        -- HMAC key of the contest's pseudonyms: a person is the same "E-..." within one contest
        -- and unlinkable across contests from the public pages
        pseudonym_key bytea NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        entrant_data_deleted_at timestamptz,
        CHECK (entries_until > entries_from)
      )`);
    await q.query(`CREATE INDEX contests_workspace_idx ON contests (workspace_id, created_at)`);
    await q.query(
      `CREATE INDEX contests_campaign_idx ON contests (campaign_id) WHERE campaign_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE contest_posts (
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        PRIMARY KEY (contest_id, post_id)
      )`);
    await q.query(`CREATE INDEX contest_posts_post_idx ON contest_posts (post_id)`);

    await q.query(`
      CREATE TABLE contest_rules (
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        de text NOT NULL,
        en text NOT NULL,
        generated boolean NOT NULL,
        hash text NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contest_id, version)
      )`);

    await q.query(`
      CREATE TABLE contest_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('comment', 'csv')),
        platform text,
        pseudonym text NOT NULL,
        person_key text,
        handle text,
        comment_id text,
        text text,
        email text,
        age integer,
        country text,
        entered_at timestamptz NOT NULL,
        post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
        channel_id uuid REFERENCES channels (id) ON DELETE SET NULL,
        collected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX contest_entries_contest_idx ON contest_entries (contest_id, pseudonym)`,
    );
    // Collecting again finds the same comments: each comment is an entry once.
    await q.query(`
      CREATE UNIQUE INDEX contest_entries_comment_idx ON contest_entries (contest_id, platform, comment_id)
        WHERE comment_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE contest_manual_exclusions (
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        pseudonym text NOT NULL,
        reason text NOT NULL,
        excluded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contest_id, pseudonym)
      )`);

    // Frozen at the commit: every person's verdict with the rule and reason that decided it.
    await q.query(`
      CREATE TABLE contest_exclusions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        pseudonym text NOT NULL,
        rule text NOT NULL,
        reason_de text NOT NULL,
        reason_en text NOT NULL,
        entry_id uuid REFERENCES contest_entries (id) ON DELETE SET NULL,
        excluded_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX contest_exclusions_contest_idx ON contest_exclusions (contest_id)`);

    await q.query(`
      CREATE TABLE contest_commitments (
        contest_id uuid PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
        committed_at timestamptz NOT NULL,
        committed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        algorithm text NOT NULL,
        rules_version integer NOT NULL,
        rules_hash text NOT NULL,
        tickets text[] NOT NULL,
        list_hash text NOT NULL,
        secret_hash text NOT NULL,
        -- the server secret, sealed (AES-256-GCM under the server key) until the draw reveals it
        secret_sealed bytea NOT NULL,
        entry_count integer NOT NULL,
        entrant_count integer NOT NULL,
        eligible_count integer NOT NULL,
        excluded_count integer NOT NULL,
        FOREIGN KEY (contest_id, rules_version) REFERENCES contest_rules (contest_id, version)
      )`);

    await q.query(`
      CREATE TABLE contest_draws (
        contest_id uuid PRIMARY KEY REFERENCES contest_commitments (contest_id) ON DELETE CASCADE,
        drawn_at timestamptz NOT NULL,
        drawn_by uuid REFERENCES users (id) ON DELETE SET NULL,
        algorithm text NOT NULL,
        secret text NOT NULL,
        public_value text NOT NULL,
        public_value_by text NOT NULL,
        seed text NOT NULL,
        draw_order text[] NOT NULL,
        winners_count integer NOT NULL,
        alternates_count integer NOT NULL,
        -- masked handle and platform per drawn pseudonym, kept when entrant data is deleted
        labels jsonb NOT NULL DEFAULT '{}'
      )`);

    await q.query(`
      CREATE TABLE contest_replacements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contest_draws (contest_id) ON DELETE CASCADE,
        position integer NOT NULL,
        replaced_pseudonym text NOT NULL,
        by_pseudonym text NOT NULL,
        reason text NOT NULL,
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (contest_id, by_pseudonym)
      )`);

    // Winners of past contests, as keyed hashes of the person key: the "previous winners of the
    // last N contests" rule still works after the entrant data of those contests was deleted.
    await q.query(`
      CREATE TABLE contest_winner_keys (
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        person_hash text NOT NULL,
        PRIMARY KEY (contest_id, person_hash)
      )`);

    await q.query(`
      CREATE TABLE contest_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        pseudonym text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reply', 'direct_message')),
        platform text,
        post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
        text text NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The rules version a contest post's approval covers (see docs/review.md): part of the
    // post's content hash, so saving new rules voids the post's approval.
    await q.query(`ALTER TABLE posts ADD COLUMN contest_rules jsonb`);

    await q.query(`
      CREATE TABLE sandbox_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES sandbox_posts (id) ON DELETE CASCADE,
        reply_to uuid REFERENCES sandbox_comments (id) ON DELETE CASCADE,
        author text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX sandbox_comments_post_idx ON sandbox_comments (post_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sandbox_comments`);
    await q.query(`ALTER TABLE posts DROP COLUMN contest_rules`);
    for (const t of [
      'contest_notifications',
      'contest_winner_keys',
      'contest_replacements',
      'contest_draws',
      'contest_commitments',
      'contest_exclusions',
      'contest_manual_exclusions',
      'contest_entries',
      'contest_rules',
      'contest_posts',
      'contests',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
