import { type MigrationInterface, type QueryRunner } from 'typeorm';

const OLD_STATUSES = `'idea', 'draft'`;
const STATUSES = `'idea', 'draft', 'in_review', 'changes_requested', 'approved', 'approval_expired'`;

/**
 * Review and approval: the post's editorial states, the workspace's approval policy, review
 * rounds with their decisions, a revision per content save, and the append-only audit log.
 */
export class Review1763900000000 implements MigrationInterface {
  name = 'Review1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts DROP CONSTRAINT posts_status_check`);
    await q.query(
      `ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN (${STATUSES}))`,
    );
    // content_hash: the hash of what an approval would cover, kept current on every save.
    // approval: the approval in force (null unless approved); the publisher re-checks that its
    // contentHash equals content_hash before anything goes out.
    // status_reason: why the post is in its status (e.g. content_changed), shown to people.
    await q.query(`
      ALTER TABLE posts
        ADD COLUMN content_hash text NOT NULL DEFAULT '',
        ADD COLUMN approval jsonb,
        ADD COLUMN status_reason text`);
    await q.query(
      `CREATE INDEX posts_review_idx ON posts (workspace_id, status) WHERE deleted_at IS NULL AND status = 'in_review'`,
    );
    // The expiry job looks for unapproved posts whose planned time has come.
    await q.query(
      `CREATE INDEX posts_expiry_idx ON posts (planned_at)
        WHERE deleted_at IS NULL AND status IN ('draft', 'in_review', 'changes_requested')`,
    );

    await q.query(`
      ALTER TABLE workspaces ADD COLUMN approval_policy jsonb NOT NULL
        DEFAULT '{"kind":"required","approvers":{"roles":["owner","admin","editor"],"userIds":[]},"selfApprovalRoles":[]}'`);

    // One row per review round; the round keeps the policy it started with and its decisions.
    await q.query(`
      CREATE TABLE review_rounds (
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        number integer NOT NULL,
        content_hash text NOT NULL,
        started_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (post_id, number)
      )`);

    await q.query(`
      CREATE TABLE post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        number integer NOT NULL,
        content_hash text NOT NULL,
        content jsonb NOT NULL,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (post_id, number)
      )`);

    // The audit log has no foreign keys on purpose: it outlives what it talks about.
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        workspace_id uuid,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'link', 'system', 'anonymous')),
        actor_user_id uuid,
        actor_label text,
        link_id uuid,
        action text NOT NULL,
        post_id uuid,
        subject_type text,
        subject_id text,
        before jsonb,
        after jsonb,
        reason text,
        ip text
      )`);
    await q.query(`CREATE INDEX audit_log_workspace_idx ON audit_log (workspace_id, id DESC)`);
    await q.query(
      `CREATE INDEX audit_log_post_idx ON audit_log (post_id, id) WHERE post_id IS NOT NULL`,
    );
    // Append-only, for every role: privileges alone would not stop the table's owner or a
    // superuser, which is what the application connects as in many installations.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP TABLE post_revisions`);
    await q.query(`DROP TABLE review_rounds`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN approval_policy`);
    await q.query(`DROP INDEX posts_expiry_idx`);
    await q.query(`DROP INDEX posts_review_idx`);
    await q.query(
      `ALTER TABLE posts DROP COLUMN content_hash, DROP COLUMN approval, DROP COLUMN status_reason`,
    );
    // Posts in a review state fall back to draft: the older schema knows no other.
    await q.query(`UPDATE posts SET status = 'draft' WHERE status NOT IN (${OLD_STATUSES})`);
    await q.query(`ALTER TABLE posts DROP CONSTRAINT posts_status_check`);
    await q.query(
      `ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN (${OLD_STATUSES}))`,
    );
  }
}
