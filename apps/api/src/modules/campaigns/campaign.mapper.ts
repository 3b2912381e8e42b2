import { type Campaign, type CampaignPost } from '@postplan/contracts';
import { formatInZone } from '@postplan/domain';
import { type CampaignPostRow, type CampaignRow } from './campaigns.repository';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    color: row.color,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    goal: {
      text: row.goal,
      target: row.goal_target === null ? null : Number(row.goal_target),
      unit: row.goal_unit,
    },
    ownerId: row.owner_id,
    channelIds: row.channel_ids,
    brief: row.brief,
    utm: row.utm,
    postCount: row.post_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toCampaignPost(row: CampaignPostRow, timeZone: string): CampaignPost {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    status: row.status,
    plannedAt: row.planned_at ? formatInZone(row.planned_at, timeZone) : null,
    authorId: row.author_id,
    channels: row.channels,
  };
}
