import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A sign-in that ended with a choice: the person manages several Facebook pages, Instagram
 * accounts or LinkedIn company pages and picks the one the channel publishes to. The tokens
 * the sign-in gave wait here, AES-256-GCM sealed like channel credentials (the channel id is
 * the additional data), next to the offered accounts (names and ids only), for one person and
 * a quarter of an hour. One waiting choice per channel; a new sign-in replaces it. Once picked
 * or expired the sealed columns are wiped and the row stays only to say so, until cleaned up.
 */
export class OAuthAccountChoices1767100000000 implements MigrationInterface {
  name = 'OAuthAccountChoices1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_oauth_choices (
        channel_id uuid PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        platform text NOT NULL CHECK (platform IN ('facebook', 'instagram', 'linkedin')),
        key_version integer CHECK (key_version > 0),
        iv bytea CHECK (length(iv) = 12),
        auth_tag bytea CHECK (length(auth_tag) = 16),
        ciphertext bytea,
        accounts jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (
          (key_version IS NULL) = (ciphertext IS NULL)
          AND (iv IS NULL) = (ciphertext IS NULL)
          AND (auth_tag IS NULL) = (ciphertext IS NULL)
        ),
        CHECK (used_at IS NULL OR ciphertext IS NULL)
      )`);
    await q.query(
      `CREATE INDEX channel_oauth_choices_expiry_idx ON channel_oauth_choices (expires_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE channel_oauth_choices`);
  }
}
