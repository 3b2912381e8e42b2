import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A version for the approval policy, so that two admins editing it at once cannot overwrite
 * each other's levels unseen: a save carries the version it read (If-Match) and a stale one
 * is refused. Existing workspaces start at version 0.
 */
export class ApprovalPolicyVersion1764500000000 implements MigrationInterface {
  name = 'ApprovalPolicyVersion1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces
        ADD COLUMN approval_policy_version integer NOT NULL DEFAULT 0
          CHECK (approval_policy_version >= 0)
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces DROP COLUMN approval_policy_version`);
  }
}
