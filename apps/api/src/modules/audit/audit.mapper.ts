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
