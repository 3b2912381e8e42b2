import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Channels connected to accounts. Settings are plain jsonb (validated per platform when
 * written); secrets live apart in channel_credentials, AES-256-GCM ciphertext with its IV, tag
 * and the version of the key it was sealed under, one row per channel, so a refresh can lock
 * exactly one account and a key rotation can find every old row by its version.
 *
 * OAuth states are stored as SHA-256 only, bound to the browser session and the channel, and
 * spent on first use.
 */
export class ChannelConnections1766000000000 implements MigrationInterface {
  name = 'ChannelConnections1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE channels ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE channel_credentials (
        channel_id uuid PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('form', 'oauth')),
        key_version integer NOT NULL CHECK (key_version > 0),
        iv bytea NOT NULL CHECK (length(iv) = 12),
        auth_tag bytea NOT NULL CHECK (length(auth_tag) = 16),
        ciphertext bytea NOT NULL,
        status text NOT NULL DEFAULT 'connected'
          CHECK (status IN ('connected', 'needs_reconnect', 'revoked')),
        account_name text,
        access_expires_at timestamptz,
        expires_at timestamptz,
        connected_at timestamptz NOT NULL,
        connected_by uuid REFERENCES users (id) ON DELETE SET NULL,
        verified_at timestamptz,
        refreshed_at timestamptz,
        last_error_code text,
        last_error_message text,
        alerted_status text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX channel_credentials_key_version_idx ON channel_credentials (key_version)`,
    );
    await q.query(`
      CREATE TABLE channel_oauth_states (
        state_hash bytea PRIMARY KEY,
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        provider text NOT NULL,
        key_version integer NOT NULL,
        sealed_verifier bytea NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX channel_oauth_states_expiry_idx ON channel_oauth_states (expires_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE channel_oauth_states`);
    await q.query(`DROP TABLE channel_credentials`);
    await q.query(`ALTER TABLE channels DROP COLUMN settings`);
  }
}
