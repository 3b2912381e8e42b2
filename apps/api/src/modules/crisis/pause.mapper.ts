import { type DuePost, type Pause } from '@postplan/contracts';
import { formatInZone } from '@postplan/domain';
import { type DuePostRow, type PauseRow } from './pauses.repository';

export function toPause(row: PauseRow): Pause {
  return {
    id: row.id,
    scope: row.channel_id ? 'channel' : 'workspace',
    channel:
      row.channel_id && row.channel_name !== null && row.channel_platform !== null
        ? { id: row.channel_id, name: row.channel_name, platform: row.channel_platform }
        : null,
    reason: row.reason,
    pausedAt: row.paused_at.toISOString(),
    pausedBy: row.paused_by ? { userId: row.paused_by, name: row.paused_by_name ?? '' } : null,
    resumedAt: row.resumed_at?.toISOString() ?? null,
    resumedBy: row.resumed_by ? { userId: row.resumed_by, name: row.resumed_by_name ?? '' } : null,
  };
}

/** Planned times with the workspace's offset at that instant, as everywhere else. */
export function toDuePost(row: DuePostRow, timeZone: string): DuePost {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    text: row.text,
    plannedAt: formatInZone(row.planned_at, timeZone),
    channelIds: row.channel_ids,
    pauseIds: row.pause_ids,
  };
}
