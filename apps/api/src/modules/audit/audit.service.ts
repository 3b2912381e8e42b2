import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AuditEntry } from '@postplan/contracts';
import { type AuditFilter, type AuditInsert, AuditRepository } from './audit.repository';

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
  constructor(private readonly repo: AuditRepository) {}

  async record(em: EntityManager | undefined, rec: AuditRecord): Promise<void> {
    await this.repo.insert(em, toInsert(rec));
  }

  /** Many records in one statement (an import), in the transaction of the change. */
  async recordMany(em: EntityManager, recs: AuditRecord[]): Promise<void> {
    await this.repo.insertMany(em, recs.map(toInsert));
  }

  /**
   * The one change the append-only log allows: a deleted comment's words (body, suggestion,
   * replacement) become null in its records, marked `textRemoved`. The trigger lets exactly this
   * through, for the comment named in this transaction, and nothing else.
   */
  async redactCommentText(em: EntityManager, postId: string, commentId: string): Promise<void> {
    await this.repo.redactCommentText(em, postId, commentId);
  }

  /** Entries of one workspace, filtered and paged as the filter says. */
  list(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.repo.list(filter);
  }

  /** Records at once, in its own statement: for refusals whose request is about to fail. */
  recordNow(rec: AuditRecord): Promise<void> {
    return this.record(undefined, rec);
  }
}

function toInsert(rec: AuditRecord): AuditInsert {
  const a = rec.actor;
  const label =
    a.type === 'link'
      ? `${a.visitorName} (via link '${a.label}')`
      : a.type === 'anonymous'
        ? (a.label ?? null)
        : null;
  return {
    workspaceId: rec.workspaceId,
    actorType: a.type,
    actorUserId: a.type === 'user' ? a.userId : null,
    actorLabel: label,
    linkId: a.type === 'link' ? a.linkId : null,
    action: rec.action,
    postId: rec.postId ?? null,
    subjectType: rec.subject?.type ?? null,
    subjectId: rec.subject?.id ?? null,
    before: rec.before === undefined ? null : JSON.stringify(rec.before),
    after: rec.after === undefined ? null : JSON.stringify(rec.after),
    reason: rec.reason ?? null,
    ip: rec.ip ?? null,
  };
}
