import { type Channel } from '@postplan/contracts';
import { type ChannelEntity } from './channel.entity';

export function toChannel(c: ChannelEntity): Channel {
  return {
    id: c.id,
    name: c.name,
    platform: c.platform,
    color: c.color,
    wording: c.wording ?? {},
    createdAt: c.createdAt.toISOString(),
  };
}
