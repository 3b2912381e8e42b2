import { type MigrationInterface, type QueryRunner } from 'typeorm';

const KINDS = `'review_requested', 'approved', 'changes_requested', 'mention', 'approval_expired',
  'comment', 'workspace_paused', 'workspace_resumed'`;

/**
 * Notifications: an inbox row per recipient, an e-mail outbox row beside it (sent after commit by
 * a background job), and each person's e-mail choice per kind.
 */
export class Notifications1764100000000 implements MigrationInterface {
  name = 'Notifications1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
        actor jsonb,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    // The inbox reads a person's newest first; the bell counts their unread ones.
    await q.query(
      `CREATE INDEX notifications_inbox_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );

    // status: pending (waits for next_attempt_at), sending (claimed; next_attempt_at is the end of
    // the lease), sent, failed (gave up), skipped (never to be sent: skip_reason says why).
    await q.query(`
      CREATE TABLE notification_emails (
        notification_id uuid PRIMARY KEY REFERENCES notifications (id) ON DELETE CASCADE,
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
      `CREATE INDEX notification_emails_due_idx ON notification_emails (next_attempt_at)
        WHERE status IN ('pending', 'sending')`,
    );

    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`DROP TABLE notification_emails`);
    await q.query(`DROP TABLE notifications`);
  }
}
