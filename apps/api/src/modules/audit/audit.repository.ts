import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditEntry } from '@postplan/contracts';
import { DataSource } from 'typeorm';

type AuditRow = {
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

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  workspaceId: r.workspace_id,
  actor: {
    type: r.actor_type,
    userId: r.actor_user_id,
    linkId: r.link_id,
    name: r.actor_type === 'user' ? r.user_name : r.actor_label,
    ...linkVisitor(r),
  },
  action: r.action,
  postId: r.post_id,
  subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null,
  before: r.before ?? null,
  after: r.after ?? null,
  reason: r.reason,
});

/** The visitor and link of a link actor, from the label AuditService writes. */
function linkVisitor(r: AuditRow): { viaLink?: { visitorName: string; label: string } } {
  if (r.actor_type !== 'link' || !r.actor_label) return {};
  const m = /^(.*) \(via link '(.*)'\)$/su.exec(r.actor_label);
  return m ? { viaLink: { visitorName: m[1]!, label: m[2]! } } : {};
}

/** Reads of the audit log; writes go through AuditService only. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    return rows.map(toEntry);
  }
}
