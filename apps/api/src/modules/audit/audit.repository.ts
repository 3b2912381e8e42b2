import { Injectable } from '@nestjs/common';
import { type AuditEntry } from '@postplan/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toAuditEntry } from './audit.mapper';

export type AuditRow = {
  id: string;
  at: Date;
  workspace_id: string | null;
  actor_type: AuditEntry['actor']['type'];
  actor_user_id: string | null;
  actor_label: string | null;
  user_name: string | null;
  link_id: string | null;
  action: string;
  post_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

/** One entry as the table stores it; `before` and `after` are JSON text or null. */
export type AuditInsert = {
  workspaceId: string | null;
  actorType: string;
  actorUserId: string | null;
  actorLabel: string | null;
  linkId: string | null;
  action: string;
  postId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  ip: string | null;
};

export type AuditFilter = {
  workspaceId: string;
  postId?: string;
  action?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: entries older than this id. */
  beforeId?: string;
  limit: number;
  order: 'newest' | 'oldest';
};

/** The audit log's SQL; services write through AuditService, which keeps it append-only. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one entry, in the given transaction (or on its own with the plain manager). */
  async insert(em: EntityManager | undefined, row: AuditInsert): Promise<void> {
    await (em ?? this.db.manager).query(
      `INSERT INTO audit_log (workspace_id, actor_type, actor_user_id, actor_label, link_id, action,
                              post_id, subject_type, subject_id, before, after, reason, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        row.workspaceId,
        row.actorType,
        row.actorUserId,
        row.actorLabel,
        row.linkId,
        row.action,
        row.postId,
        row.subjectType,
        row.subjectId,
        row.before,
        row.after,
        row.reason,
        row.ip,
      ],
    );
  }

  /** Appends many entries in one statement, in the given transaction. */
  async insertMany(em: EntityManager, rows: AuditInsert[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof AuditInsert>(key: K) => rows.map((r) => r[key]);
    await em.query(
      `INSERT INTO audit_log (workspace_id, actor_type, actor_user_id, actor_label, link_id, action,
                              post_id, subject_type, subject_id, before, after, reason, ip)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[],
                            $7::uuid[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[],
                            $12::text[], $13::text[])`,
      [
        column('workspaceId'),
        column('actorType'),
        column('actorUserId'),
        column('actorLabel'),
        column('linkId'),
        column('action'),
        column('postId'),
        column('subjectType'),
        column('subjectId'),
        column('before'),
        column('after'),
        column('reason'),
        column('ip'),
      ],
    );
  }

  async list(f: AuditFilter): Promise<AuditEntry[]> {
    const values: unknown[] = [f.workspaceId];
    // A workspace's log also shows the logins of its members (recorded without a workspace).
    const where = [
      `(a.workspace_id = $1 OR (a.workspace_id IS NULL AND a.action LIKE 'auth.%' AND EXISTS (
         SELECT 1 FROM memberships m WHERE m.workspace_id = $1
            AND (m.user_id = a.actor_user_id OR m.user_id::text = a.subject_id))))`,
    ];
    const add = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (f.postId) add((n) => `a.post_id = ${n}`, f.postId);
    if (f.action?.endsWith('*')) add((n) => `a.action LIKE ${n}`, `${f.action.slice(0, -1)}%`);
    else if (f.action) add((n) => `a.action = ${n}`, f.action);
    if (f.actorUserId) add((n) => `a.actor_user_id = ${n}`, f.actorUserId);
    if (f.from) add((n) => `a.at >= ${n}`, f.from);
    if (f.to) add((n) => `a.at < ${n}`, f.to);
    if (f.beforeId) add((n) => `a.id < ${n}::bigint`, f.beforeId);
    values.push(f.limit);
    const rows: AuditRow[] = await this.db.query(
      `SELECT a.id::text AS id, a.at, a.workspace_id, a.actor_type, a.actor_user_id, a.actor_label,
              u.name AS user_name, a.link_id, a.action, a.post_id, a.subject_type, a.subject_id,
              a.before, a.after, a.reason
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.id ${f.order === 'newest' ? 'DESC' : 'ASC'}
        LIMIT $${values.length}`,
      values,
    );
    return rows.map(toAuditEntry);
  }

  /**
   * The one change the append-only log allows (see `AuditService.redactCommentText`): the
   * trigger lets it through for the comment named in this transaction's setting, and nothing else.
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
}
