import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Who did something: a member, a visitor of a review link, the system's clock, or nobody known. */
export type AuditActor =
  | { type: 'user'; userId: string }
  | { type: 'link'; linkId: string; label: string; visitorName: string }
  | { type: 'system' }
  | { type: 'anonymous'; label?: string };

export type AuditRecord = {
  workspaceId: string | null;
  actor: AuditActor;
  /** Dotted and stable, e.g. 'post.submitted', 'comment.created', 'auth.login_failed'. */
  action: string;
  postId?: string | null;
  subject?: { type: string; id: string } | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | null;
};

/**
 * The append-only audit log. Write it inside the transaction of the change it records, so a
 * change and its record commit or roll back together. Refusals (a denied permission, a failed
 * login) are recorded with `recordNow`, outside the transaction that is about to roll back.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(em: EntityManager, rec: AuditRecord): Promise<void> {
    const a = rec.actor;
    const label =
      a.type === 'link'
        ? `${a.visitorName} (via link '${a.label}')`
        : a.type === 'anonymous'
          ? (a.label ?? null)
          : null;
    await em.query(
      `INSERT INTO audit_log (workspace_id, actor_type, actor_user_id, actor_label, link_id, action,
                              post_id, subject_type, subject_id, before, after, reason, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        rec.workspaceId,
        a.type,
        a.type === 'user' ? a.userId : null,
        label,
        a.type === 'link' ? a.linkId : null,
        rec.action,
        rec.postId ?? null,
        rec.subject?.type ?? null,
        rec.subject?.id ?? null,
        rec.before === undefined ? null : JSON.stringify(rec.before),
        rec.after === undefined ? null : JSON.stringify(rec.after),
        rec.reason ?? null,
        rec.ip ?? null,
      ],
    );
  }

  /**
   * The one change the append-only log allows: a deleted comment's words (body, suggestion,
   * replacement) become null in its records, marked `textRemoved`. The trigger lets exactly this
   * through, for the comment named in this transaction, and nothing else.
   */
  async redactCommentText(em: EntityManager, postId: string, commentId: string): Promise<void> {
    await em.query(`SELECT set_config('postplan.redact_comment', $1, true)`, [commentId]);
    await em.query(
      `UPDATE audit_log SET before = audit_redact_comment_text(before),
                            after = audit_redact_comment_text(after)
        WHERE post_id = $1 AND subject_type = 'comment' AND subject_id = $2
          AND (before ?| ARRAY['body', 'suggestion', 'replacement']
               OR after ?| ARRAY['body', 'suggestion', 'replacement'])`,
      [postId, commentId],
    );
    await em.query(`SELECT set_config('postplan.redact_comment', '', true)`);
  }

  /** Records at once, in its own statement: for refusals whose request is about to fail. */
  recordNow(rec: AuditRecord): Promise<void> {
    return this.record(this.db.manager, rec);
  }
}
