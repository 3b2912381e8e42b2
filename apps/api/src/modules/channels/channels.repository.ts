import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Platform } from '@postplan/contracts';
import { type EntityManager, In, Repository } from 'typeorm';
import { ChannelEntity } from './channel.entity';

@Injectable()
export class ChannelsRepository {
  constructor(
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
  ) {}

  list(workspaceId: string): Promise<ChannelEntity[]> {
    return this.channels.find({ where: { workspaceId }, order: { name: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<ChannelEntity | null> {
    return this.channels.findOneBy({ workspaceId, id });
  }

  /** For the engine and the daily check, which work across workspaces. */
  byId(id: string): Promise<ChannelEntity | null> {
    return this.channels.findOneBy({ id });
  }

  /** byId for many at once (the engine, per claimed batch). */
  async byIds(ids: string[]): Promise<Map<string, ChannelEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.channels.find({ where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Which of these ids are channels of the workspace. */
  async existing(workspaceId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.channels.find({
      select: { id: true },
      where: { workspaceId, id: In(ids) },
    });
    return new Set(rows.map((r) => r.id));
  }

  /** The platform of each of these ids that is a channel of the workspace. */
  async platformsOf(workspaceId: string, ids: string[]): Promise<Map<string, Platform>> {
    if (ids.length === 0) return new Map();
    const rows = await this.channels.find({
      select: { id: true, platform: true },
      where: { workspaceId, id: In(ids) },
    });
    return new Map(rows.map((r) => [r.id, r.platform]));
  }

  create(
    row: Pick<ChannelEntity, 'workspaceId' | 'name' | 'platform' | 'color'> &
      Partial<Pick<ChannelEntity, 'wording'>>,
    em?: EntityManager,
  ): Promise<ChannelEntity> {
    const repo = em?.getRepository(ChannelEntity) ?? this.channels;
    return repo.save(repo.create(row));
  }

  /** Publications that would still go out (or are not settled) on this channel. */
  async waitingPublications(id: string): Promise<number> {
    const rows: { n: string }[] = await this.channels.query(
      `SELECT count(*) AS n FROM publications
        WHERE channel_id = $1 AND status IN ('pending', 'sending', 'unconfirmed')`,
      [id],
    );
    return Number(rows[0]!.n);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.channels.delete({ workspaceId, id });
  }

  async update(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<ChannelEntity, 'name' | 'color' | 'wording' | 'settings'>>,
    em?: EntityManager,
  ): Promise<void> {
    const repo = em?.getRepository(ChannelEntity) ?? this.channels;
    await repo.update({ workspaceId, id }, { ...patch, updatedAt: () => 'now()' });
  }
}
