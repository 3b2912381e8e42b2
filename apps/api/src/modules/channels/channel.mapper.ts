import { type Channel, type ChannelConnection } from '@postplan/contracts';
import { type ChannelEntity } from './channel.entity';

export function toChannel(c: ChannelEntity, connection?: ChannelConnection): Channel {
  return {
    id: c.id,
    name: c.name,
    platform: c.platform,
    color: c.color,
    wording: c.wording ?? {},
    settings: c.settings ?? {},
    ...(connection ? { connection } : {}),
    createdAt: c.createdAt.toISOString(),
  };
}
