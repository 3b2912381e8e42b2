import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Export, import and sharing the plan.
 *
 * - calendar_feeds: one ICS subscription per member and workspace. The token is derived from the
 *   server secret and the row's salt (so the member's own page can show the address again);
 *   only its SHA-256 is stored, for the lookup. Rotating draws a new salt.
 * - share_links: a read-only view of a period (and channels) for people without an account,
 *   tokens derived the same way, optional argon2id password, optional expiry, revocable.
 * - import_jobs: an uploaded CSV or XLSX file, its progress and outcome.
 */
export class PlanExchange1764800000000 implements MigrationInterface {
  name = 'PlanExchange1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        salt bytea NOT NULL CHECK (octet_length(salt) = 16),
        token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE share_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 80),
        salt bytea NOT NULL CHECK (octet_length(salt) = 16),
        token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        scope_from timestamptz NOT NULL,
        scope_to timestamptz NOT NULL,
        channel_ids uuid[] CHECK (cardinality(channel_ids) > 0),
        password_hash text,
        expires_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id) ON DELETE SET NULL,
        last_used_at timestamptz,
        CONSTRAINT share_links_scope_order CHECK (scope_from < scope_to)
      )`);
    await q.query(
      `CREATE INDEX share_links_workspace_idx ON share_links (workspace_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE share_link_unlock_attempts (
        id bigserial PRIMARY KEY,
        link_id uuid NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        device text,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX share_link_unlock_attempts_link_idx ON share_link_unlock_attempts (link_id, attempted_at)`,
    );
    await q.query(
      `CREATE INDEX share_link_unlock_attempts_ip_idx ON share_link_unlock_attempts (ip, attempted_at)`,
    );

    await q.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        file_name text NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        file bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '[]',
        sample jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL DEFAULT 'uploaded' CHECK (state IN ('uploaded', 'running', 'done', 'failed')),
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        imported_posts integer,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX import_jobs_workspace_idx ON import_jobs (workspace_id, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_jobs`);
    await q.query(`DROP TABLE share_link_unlock_attempts`);
    await q.query(`DROP TABLE share_links`);
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
