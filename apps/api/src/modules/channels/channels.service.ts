import { Injectable } from '@nestjs/common';
import {
  type Channel,
  type CreateChannelRequestSchema,
  type Platform,
  type UpdateChannelRequestSchema,
} from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { type ChannelEntity } from './channel.entity';
import { toChannel } from './channel.mapper';
import { ChannelsRepository } from './channels.repository';

/** Each platform's brand colour, so a calendar is readable before anyone picks colours. */
const PLATFORM_COLORS: Record<Platform, string> = {
  x: '#0f1419',
  bluesky: '#1185fe',
  mastodon: '#6364ff',
  threads: '#3f3f46',
  linkedin: '#0a66c2',
  instagram: '#d62976',
  facebook: '#1877f2',
  telegram: '#229ed9',
  pinterest: '#e60023',
  discord: '#5865f2',
  slack: '#4a154b',
  webhook: '#64748b',
  manual: '#a16207',
  sandbox: '#059669',
};

@Injectable()
export class ChannelsService {
  constructor(private readonly channels: ChannelsRepository) {}

  /** Which of these ids are channels of the workspace (another workspace's are not). */
  existingIds(workspaceId: string, ids: string[]): Promise<Set<string>> {
    return this.channels.existing(workspaceId, ids);
  }

  async list(workspaceId: string): Promise<Channel[]> {
    return (await this.channels.list(workspaceId)).map(toChannel);
  }

  /** With `em`, inside the caller's transaction (the demo seed creates a whole workspace). */
  async create(
    workspaceId: string,
    input: z.output<typeof CreateChannelRequestSchema>,
    em?: EntityManager,
  ): Promise<Channel> {
    const row = await this.channels.create(
      {
        workspaceId,
        name: input.name,
        platform: input.platform,
        color: input.color ?? PLATFORM_COLORS[input.platform],
        ...(input.wording ? { wording: input.wording } : {}),
      },
      em,
    );
    return toChannel(row);
  }

  async update(
    workspaceId: string,
    id: string,
    patch: z.output<typeof UpdateChannelRequestSchema>,
  ): Promise<Channel> {
    await this.get(workspaceId, id);
    const { wording, ...rest } = patch;
    // The wording settings are replaced as a whole; null goes back to the defaults.
    await this.channels.update(workspaceId, id, {
      ...rest,
      ...(wording !== undefined ? { wording: wording ?? {} } : {}),
    });
    return toChannel(await this.get(workspaceId, id));
  }

  private async get(workspaceId: string, id: string): Promise<ChannelEntity> {
    const c = await this.channels.find(workspaceId, id);
    if (!c) throw new AppError('CHANNEL_NOT_FOUND', 'There is no such channel in this workspace.');
    return c;
  }
}
