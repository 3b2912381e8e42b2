import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Channels connected to accounts. Settings are plain jsonb (validated per platform when
 * written); secrets live apart in channel_credentials, AES-256-GCM ciphertext with its IV, tag
 * and the version of the key it was sealed under, one row per channel, so a refresh can lock
 * exactly one account and a key rotation can find every old row by its version.
 *
 * OAuth states are stored as SHA-256 only, bound to the browser session and the channel, and
 * spent on first use.
 *
 * The calendar flags planned posts whose channel's connection has an alert.
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
        -- What the calendar flags and people were told: set by the checks, cleared by a reconnect.
        alert text CHECK (alert IN ('expiring', 'needs_reconnect', 'revoked')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX channel_credentials_key_version_idx ON channel_credentials (key_version)`,
    );
    // A connection's alert is on the calendar: its changes move the calendar version like
    // changes of posts and channels do (the function is the calendar-version migration's).
    for (const [event, transition] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await q.query(
        `CREATE TRIGGER channel_credentials_calendar_${event.toLowerCase()} AFTER ${event} ON channel_credentials
         REFERENCING ${transition} TABLE AS changed
         FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()`,
      );
    }
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
    await setNotificationKind(q, 'add');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'channel_alert'`);
    await q.query(`DELETE FROM notification_settings WHERE kind = 'channel_alert'`);
    await setNotificationKind(q, 'remove');
    await q.query(`DROP TABLE channel_oauth_states`);
    await q.query(`DROP TABLE channel_credentials`);
    await q.query(`ALTER TABLE channels DROP COLUMN settings`);
  }
}

/**
 * Adds (or removes) the channel_alert kind to the kinds the notification tables accept. The
 * list is read from the constraint as it stands, so kinds other migrations added stay allowed
 * whatever order the migrations run in.
 */
async function setNotificationKind(q: QueryRunner, change: 'add' | 'remove'): Promise<void> {
  for (const table of ['notifications', 'notification_settings']) {
    const name = `${table}_kind_check`;
    const rows = (await q.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conname = $1 AND conrelid = $2::regclass`,
      [name, table],
    )) as { def: string }[];
    const kinds = [...(rows[0]?.def ?? '').matchAll(/'([a-z_]+)'/g)]
      .map((m) => m[1]!)
      .filter((k) => k !== 'channel_alert');
    if (change === 'add') kinds.push('channel_alert');
    await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${name}`);
    await q.query(
      `ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`,
    );
  }
}
