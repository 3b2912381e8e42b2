import { type MigrationInterface, type QueryRunner } from 'typeorm';

const OLD_KINDS = `'review_requested', 'approved', 'changes_requested', 'mention', 'approval_expired',
  'comment', 'workspace_paused', 'workspace_resumed'`;

/**
 * The publishing outbox: one row per (approved and planned post, target channel), kept in step
 * with the post in the same transaction as every change to it, and claimed by workers with
 * FOR UPDATE SKIP LOCKED. Also the workspace's catch-up window, the built-in sandbox platform's
 * store, and the inbox kind for publishing alerts. See docs/publishing.md.
 */
export class Publications1764700000000 implements MigrationInterface {
  name = 'Publications1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces
        ADD COLUMN catch_up_minutes integer NOT NULL DEFAULT 30
          CHECK (catch_up_minutes BETWEEN 1 AND 1440)`);

    // status: pending (waits for next_attempt_at), sending (a worker holds the lease until
    // lease_until; fencing counts the claims, so only the current holder writes the outcome),
    // published, failed, unconfirmed (may have gone out: the reconciler or a person decides),
    // missed (too late, never sent), cancelled (the post changed, was withdrawn or deleted).
    await q.query(`
      CREATE TABLE publications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        platform text NOT NULL,
        status text NOT NULL CHECK (status IN
          ('pending', 'sending', 'published', 'failed', 'unconfirmed', 'missed', 'cancelled')),
        -- the post's planned time this row was made for; due_at differs once a person moved
        -- this one row (publish again), and a later re-plan of the post moves both
        planned_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        next_attempt_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        lease_until timestamptz,
        lease_owner text,
        fencing bigint NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        content_hash text NOT NULL,
        platform_post_id text,
        url text,
        last_error_code text,
        last_error_message text,
        last_error_class text CHECK (last_error_class IN ('retryable', 'permanent', 'unknown')),
        checkpoint jsonb,
        published_at timestamptz,
        last_actor_id uuid,
        alerted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL),
        CHECK (status <> 'sending' OR lease_until IS NOT NULL)
      )`);
    // At most one live row per (post, channel): a cancelled row is history, everything else is
    // what this channel does with this post.
    await q.query(`
      CREATE UNIQUE INDEX publications_live_key ON publications (post_id, channel_id)
        WHERE status <> 'cancelled'`);
    // The claim and the wake-up timer read the earliest pending rows.
    await q.query(`
      CREATE INDEX publications_due_idx ON publications (next_attempt_at)
        WHERE status = 'pending'`);
    await q.query(`
      CREATE INDEX publications_lease_idx ON publications (lease_until) WHERE status = 'sending'`);
    // Per-channel limits: rows in flight, and claims in the last minute.
    await q.query(
      `CREATE INDEX publications_channel_claims_idx ON publications (channel_id, claimed_at)`,
    );
    await q.query(
      `CREATE INDEX publications_sending_channel_idx ON publications (channel_id) WHERE status = 'sending'`,
    );
    await q.query(`CREATE INDEX publications_post_idx ON publications (post_id)`);
    await q.query(
      `CREATE INDEX publications_log_idx ON publications (workspace_id, due_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE INDEX publications_unconfirmed_idx ON publications (updated_at)
        WHERE status = 'unconfirmed'`);

    // The calendar badges each post's publications: its cache key includes the newest
    // publication change of the workspace (not the workspace's calendar_version, whose row
    // would become a lock every worker queues on).
    await q.query(
      `CREATE INDEX publications_workspace_updated_idx ON publications (workspace_id, updated_at)`,
    );

    // The built-in sandbox platform: posts "published" there, each with a page of its own.
    await q.query(`
      CREATE TABLE sandbox_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        channel_id uuid,
        title text NOT NULL DEFAULT '',
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN (${OLD_KINDS}, 'publication_alert'))`);
    await q.query(
      `ALTER TABLE notification_settings DROP CONSTRAINT IF EXISTS notification_settings_kind_check`,
    );
    await q.query(`
      ALTER TABLE notification_settings ADD CONSTRAINT notification_settings_kind_check
        CHECK (kind IN (${OLD_KINDS}, 'publication_alert'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'publication_alert'`);
    await q.query(`DELETE FROM notification_settings WHERE kind = 'publication_alert'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${OLD_KINDS}))`,
    );
    await q.query(
      `ALTER TABLE notification_settings DROP CONSTRAINT notification_settings_kind_check`,
    );
    await q.query(
      `ALTER TABLE notification_settings ADD CONSTRAINT notification_settings_kind_check CHECK (kind IN (${OLD_KINDS}))`,
    );
    await q.query(`DROP TABLE sandbox_posts`);
    await q.query(`DROP TABLE publications`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN catch_up_minutes`);
  }
}
