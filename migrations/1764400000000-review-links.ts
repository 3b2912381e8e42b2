import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Client review links: a secret URL through which people without an account see, comment on
 * or approve the posts of a scope. Only the token's SHA-256 is stored; a password, if any, is
 * an argon2id hash like users' passwords. Unlock attempts are kept apart from login attempts:
 * they throttle guessing a link's password the same way.
 */
export class ReviewLinks1764400000000 implements MigrationInterface {
  name = 'ReviewLinks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 80),
        token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        permission text NOT NULL CHECK (permission IN ('view', 'comment', 'approve')),
        scope_from timestamptz,
        scope_to timestamptz,
        channel_ids uuid[] CHECK (cardinality(channel_ids) > 0),
        post_ids uuid[] CHECK (cardinality(post_ids) > 0),
        password_hash text,
        expires_at timestamptz NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id) ON DELETE SET NULL,
        last_used_at timestamptz,
        CONSTRAINT review_links_scope_given CHECK (
          scope_from IS NOT NULL OR scope_to IS NOT NULL OR channel_ids IS NOT NULL OR post_ids IS NOT NULL),
        CONSTRAINT review_links_scope_order CHECK (
          scope_from IS NULL OR scope_to IS NULL OR scope_from < scope_to),
        CONSTRAINT review_links_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await q.query(
      `CREATE INDEX review_links_workspace_idx ON review_links (workspace_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE review_link_unlock_attempts (
        id bigserial PRIMARY KEY,
        link_id uuid NOT NULL REFERENCES review_links (id) ON DELETE CASCADE,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX review_link_unlock_attempts_link_idx ON review_link_unlock_attempts (link_id, attempted_at)`,
    );
    await q.query(
      `CREATE INDEX review_link_unlock_attempts_ip_idx ON review_link_unlock_attempts (ip, attempted_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_link_unlock_attempts`);
    await q.query(`DROP TABLE review_links`);
  }
}
