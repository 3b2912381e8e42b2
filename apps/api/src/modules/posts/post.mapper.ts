import { type Post } from '@postplan/contracts';
import { formatInZone } from '@postplan/domain';
import { type PostRow } from './posts.repository';

/** Planned times are written with the workspace's offset at that instant, as people read them. */
export function toPost(row: PostRow, timeZone: string): Post {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    title: row.title,
    text: row.text,
    plannedAt: row.planned_at ? formatInZone(row.planned_at, timeZone) : null,
    tags: row.tags,
    variants: row.variants,
    media: row.media,
    authorId: row.author_id,
    campaignId: row.campaign_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    ...(row.publications
      ? {
          publications: row.publications.map((p) => ({
            ...p,
            dueAt: new Date(p.dueAt).toISOString(),
          })),
        }
      : {}),
    ...(row.channel_alerts ? { channelAlerts: row.channel_alerts } : {}),
  };
}
