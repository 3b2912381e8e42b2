import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The keys of a comment's audit record that hold its words (the quote is the post's). */
const TEXT_KEYS = `ARRAY['body', 'suggestion', 'replacement']`;

const REDACT_FUNCTION = `
  CREATE FUNCTION audit_redact_comment_text(j jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
      WHEN j IS NULL OR jsonb_typeof(j) <> 'object' OR NOT (j ?| ${TEXT_KEYS}) THEN j
      ELSE (SELECT jsonb_object_agg(k, CASE WHEN k = ANY(${TEXT_KEYS}) THEN 'null'::jsonb ELSE v END)
              FROM jsonb_each(j) AS e(k, v)) || '{"textRemoved": true}'
    END
  $$`;

const APPEND_ONLY_WITH_REDACTION = `
  CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    redacting text := current_setting('postplan.redact_comment', true);
  BEGIN
    -- One exception: the words of a deleted comment leave its records, in the transaction that
    -- deletes it (which names the comment), and nothing else of the record may change.
    IF TG_OP = 'UPDATE' AND redacting IS NOT NULL AND redacting <> ''
       AND OLD.subject_type = 'comment' AND OLD.subject_id = redacting
       AND (NEW.id, NEW.at, NEW.workspace_id, NEW.actor_type, NEW.actor_user_id, NEW.actor_label,
            NEW.link_id, NEW.action, NEW.post_id, NEW.subject_type, NEW.subject_id, NEW.reason,
            NEW.ip)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.workspace_id, OLD.actor_type, OLD.actor_user_id, OLD.actor_label,
            OLD.link_id, OLD.action, OLD.post_id, OLD.subject_type, OLD.subject_id, OLD.reason,
            OLD.ip)
       AND NEW.before IS NOT DISTINCT FROM audit_redact_comment_text(OLD.before)
       AND NEW.after IS NOT DISTINCT FROM audit_redact_comment_text(OLD.after)
    THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END $$`;

const APPEND_ONLY = `
  CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END $$`;

/**
 * A deleted comment's words leave the database, not only the answers: the row keeps who wrote
 * it and when (the thread still reads right) with an empty body; its audit records keep what
 * happened with the words replaced by null and `textRemoved: true`; its notifications lose their
 * excerpt and e-mails not yet sent are skipped. The audit log stays append-only except for that
 * one redaction, which its trigger checks column by column. Comments deleted before this
 * migration are scrubbed here too.
 */
export class DeletedCommentText1764605000000 implements MigrationInterface {
  name = 'DeletedCommentText1764605000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_body_ck`);
    await q.query(`
      ALTER TABLE comments ADD CONSTRAINT comments_body_ck CHECK (
        char_length(body) > 0 OR suggestion IS NOT NULL OR deleted_at IS NOT NULL)`);
    await q.query(`
      ALTER TABLE comments ADD CONSTRAINT comments_deleted_text_ck CHECK (
        deleted_at IS NULL OR (body = '' AND suggestion IS NULL AND mentions = '[]'))
      NOT VALID`);
    // Deleting a comment finds its notifications by the comment's id.
    await q.query(`
      CREATE INDEX notifications_comment_idx ON notifications ((data->>'commentId'))
        WHERE data ? 'commentId'`);
    await q.query(REDACT_FUNCTION);
    await q.query(APPEND_ONLY_WITH_REDACTION);
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT id FROM comments WHERE deleted_at IS NOT NULL LOOP
          PERFORM set_config('postplan.redact_comment', c.id::text, true);
          UPDATE audit_log SET before = audit_redact_comment_text(before),
                               after = audit_redact_comment_text(after)
           WHERE subject_type = 'comment' AND subject_id = c.id::text;
        END LOOP;
        PERFORM set_config('postplan.redact_comment', '', true);
      END $$`);
    await q.query(`
      UPDATE notification_emails e SET status = 'skipped', skip_reason = 'comment_deleted',
                                       updated_at = now()
        FROM notifications n JOIN comments c ON c.id::text = n.data->>'commentId'
       WHERE e.notification_id = n.id AND c.deleted_at IS NOT NULL
         AND e.status IN ('pending', 'failed')`);
    await q.query(`
      UPDATE notifications n SET data = (n.data - 'excerpt') || '{"commentDeleted": true}'
        FROM comments c
       WHERE c.id::text = n.data->>'commentId' AND c.deleted_at IS NOT NULL`);
    await q.query(`
      UPDATE comments SET body = '', suggestion = NULL, suggestion_state = NULL,
                          suggestion_decided_at = NULL, suggestion_decided_by = NULL,
                          mentions = '[]'
       WHERE deleted_at IS NOT NULL`);
    await q.query(`ALTER TABLE comments VALIDATE CONSTRAINT comments_deleted_text_ck`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(APPEND_ONLY);
    await q.query(`DROP INDEX notifications_comment_idx`);
    await q.query(`DROP FUNCTION audit_redact_comment_text(jsonb)`);
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_deleted_text_ck`);
    // The words are gone; a placeholder satisfies the old rule.
    await q.query(
      `UPDATE comments SET body = '(deleted)' WHERE deleted_at IS NOT NULL AND body = ''`,
    );
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_body_ck`);
    await q.query(`
      ALTER TABLE comments ADD CONSTRAINT comments_body_ck
        CHECK (char_length(body) > 0 OR suggestion IS NOT NULL)`);
  }
}
