import { type AuditEntry } from '@postplan/contracts';
import { type AuditRow } from './audit.repository';

/** An audit row as the API shows it: the actor named by the user's name or the stored label. */
export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  workspaceId: r.workspace_id,
  actor: {
    type: r.actor_type,
    userId: r.actor_user_id,
    linkId: r.link_id,
    name: r.actor_type === 'user' ? r.user_name : r.actor_label,
  },
  action: r.action,
  postId: r.post_id,
  subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null,
  before: r.before ?? null,
  after: r.after ?? null,
  reason: r.reason,
});
