import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Accounts nobody else can prepare: invitations with consent instead of passwords set by others,
 * password resets, scoped and expiring API tokens, an outbox for account e-mail (to addresses
 * that may have no account yet), and the device a login or unlock attempt came from, so a
 * known browser keeps a limit of its own.
 */
export class Accounts1764600000000 implements MigrationInterface {
  name = 'Accounts1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Accounts that exist today were made by the first-run setup or by an owner; they keep
    // working. New accounts are verified only by a link that reached their mailbox.
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'author', 'viewer')),
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        mail_token_hash bytea NOT NULL UNIQUE,
        link_token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        declined_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX invitations_pending_idx ON invitations (lower(email))
        WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL`,
    );
    await q.query(`CREATE INDEX invitations_workspace_idx ON invitations (workspace_id)`);

    // One row per request, also for unknown addresses (user_id and token null): the throttle
    // counts requests, not accounts, so its answer tells nothing.
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        ip text NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_resets_email_idx ON password_resets (email, created_at)`);
    await q.query(`CREATE INDEX password_resets_ip_idx ON password_resets (ip, created_at)`);

    // Mail to an address rather than to a member. The link it carries is encrypted with the
    // server key until the mail is sent, then deleted: the database never holds a usable link.
    await q.query(`
      CREATE TABLE account_emails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
        to_address text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('de', 'en')),
        data jsonb NOT NULL DEFAULT '{}',
        secret bytea,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
        skip_reason text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX account_emails_due_idx ON account_emails (next_attempt_at)
        WHERE status IN ('pending', 'sending')`,
    );

    // Tokens made before scopes existed could do everything; they keep that until revoked.
    await q.query(
      `ALTER TABLE api_tokens ADD COLUMN scopes text[] NOT NULL DEFAULT '{read,write,review,admin}'`,
    );
    await q.query(`ALTER TABLE api_tokens ALTER COLUMN scopes DROP DEFAULT`);
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);

    await q.query(`ALTER TABLE login_attempts ADD COLUMN device text`);
    await q.query(
      `CREATE INDEX login_attempts_device_idx ON login_attempts (device, attempted_at) WHERE device IS NOT NULL`,
    );
    await q.query(`ALTER TABLE review_link_unlock_attempts ADD COLUMN device text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_link_unlock_attempts DROP COLUMN device`);
    await q.query(`DROP INDEX login_attempts_device_idx`);
    await q.query(`ALTER TABLE login_attempts DROP COLUMN device`);
    await q.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
    await q.query(`ALTER TABLE api_tokens DROP COLUMN scopes`);
    await q.query(`DROP TABLE account_emails`);
    await q.query(`DROP TABLE password_resets`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
