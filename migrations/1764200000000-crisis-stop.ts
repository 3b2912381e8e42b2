import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The crisis stop. One row per pause, of the whole workspace (channel_id NULL) or of one channel;
 * a row without resumed_at is in force. The rows are the current state and the history at once,
 * and what the publisher checks before anything goes out (see docs/crisis-stop.md).
 */
export class CrisisStop1764200000000 implements MigrationInterface {
  name = 'CrisisStop1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pauses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        channel_id uuid REFERENCES channels (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        paused_by uuid REFERENCES users (id) ON DELETE SET NULL,
        paused_at timestamptz NOT NULL DEFAULT now(),
        resumed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resumed_at timestamptz,
        CHECK (resumed_at IS NULL OR resumed_at >= paused_at)
      )`);
    // At most one pause in force per scope, even when two admins press the button at once.
    await q.query(
      `CREATE UNIQUE INDEX pauses_active_workspace_key ON pauses (workspace_id)
        WHERE channel_id IS NULL AND resumed_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX pauses_active_channel_key ON pauses (channel_id)
        WHERE channel_id IS NOT NULL AND resumed_at IS NULL`,
    );
    await q.query(`CREATE INDEX pauses_history_idx ON pauses (workspace_id, paused_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pauses`);
  }
}
