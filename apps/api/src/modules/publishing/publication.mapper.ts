import { type Publication, type PublicationLogEntry } from '@postplan/contracts';
import { type PublicationRow } from './publications.repository';

export function toPublication(r: PublicationRow): Publication {
  return {
    id: r.id,
    postId: r.post_id,
    channelId: r.channel_id,
    platform: r.platform,
    status: r.status,
    dueAt: r.due_at.toISOString(),
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? (r.next_attempt_at?.toISOString() ?? null) : null,
    platformPostId: r.platform_post_id,
    url: r.url,
    lastError:
      r.last_error_code && r.status !== 'published' && r.status !== 'cancelled'
        ? {
            code: r.last_error_code,
            message: r.last_error_message ?? '',
            class: r.last_error_class ?? 'unknown',
          }
        : null,
    publishedAt: r.published_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toLogEntry(
  r: PublicationRow & {
    post_title: string;
    author_id: string;
    author_name: string;
    channel_name: string;
    actor_name: string | null;
  },
): PublicationLogEntry {
  return {
    ...toPublication(r),
    post: { id: r.post_id, title: r.post_title, authorId: r.author_id, authorName: r.author_name },
    channel: { id: r.channel_id, name: r.channel_name, platform: r.platform },
    lastActor: r.last_actor_id ? { userId: r.last_actor_id, name: r.actor_name ?? '' } : null,
  };
}
