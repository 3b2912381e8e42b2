import { type Notification, type NotificationActor } from '@postplan/contracts';
import { type NotificationRow, type StoredActor } from './notifications.repository';

function toActor(actor: StoredActor | null, name: string | null): NotificationActor | null {
  if (!actor) return null;
  switch (actor.type) {
    case 'user':
      return { type: 'user', userId: actor.userId, name: name ?? '' };
    case 'link':
      return { type: 'link', label: actor.label, visitorName: actor.visitorName };
    case 'system':
      return { type: 'system' };
    case 'anonymous':
      return null;
  }
}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    workspace: { id: row.workspace_id, slug: row.workspace_slug, name: row.workspace_name },
    post: row.post_id ? { id: row.post_id, title: row.post_title ?? '' } : null,
    actor: toActor(row.actor, row.actor_name),
    data: row.data,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
