import { Injectable } from '@nestjs/common';
import {
  type MediaCheckChannel,
  type MediaCheckRequestSchema,
  type MediaCheckResponse,
  type MediaProblem,
  type Platform,
  type PostMedia,
} from '@postplan/contracts';
import { adapterFor, checkMedia, hasAdapter, type PlatformLimits } from '@postplan/platforms';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { ChannelsService } from '../channels/channels.service';
import { MediaError } from './media.errors';
import { toPostMedia } from './media.mapper';
import { type MediaRow, MediaRepository } from './media.repository';

type PostMediaContent = {
  media: readonly PostMedia[];
  variants: readonly { channelId: string; media?: readonly PostMedia[] | null }[];
};

type CheckRequest = z.output<typeof MediaCheckRequestSchema>;
type MediaUseInput = CheckRequest['media'][number];

const limitsCache = new Map<Platform, PlatformLimits | null>();

/** The adapter's limits as data (the same numbers it checks against at publishing). */
export function limitsOf(platform: Platform): PlatformLimits | null {
  if (!limitsCache.has(platform)) {
    limitsCache.set(platform, hasAdapter(platform) ? adapterFor(platform).limits : null);
  }
  return limitsCache.get(platform)!;
}

/**
 * Per-platform media checks before approval: each target channel's media (its own, or the
 * post's) against its platform's limits, plus the workspace's "alt text required". Submit and
 * approve refuse with MEDIA_PLATFORM_REJECTED naming the platform; the engine checks again
 * when it publishes. The editor asks the same question while the media are being chosen
 * (`check`), so what it shows is what submit will say.
 */
@Injectable()
export class MediaGate {
  constructor(
    private readonly repo: MediaRepository,
    private readonly channels: ChannelsService,
  ) {}

  /** A stored post's problems, flat (as submit and approve refuse with them). */
  async problems(
    em: EntityManager | undefined,
    workspaceId: string,
    post: PostMediaContent,
  ): Promise<MediaProblem[]> {
    if (post.variants.length === 0) return [];
    const platforms = await this.channels.platformsOf(
      workspaceId,
      post.variants.map((v) => v.channelId),
    );
    return (await this.byChannel(em, workspaceId, post, platforms)).flatMap((c) =>
      c.problems.map((p) => ({
        channelId: c.channelId,
        platform: c.platform,
        mediaId: p.mediaId,
        rule: p.rule,
        message: p.messages.en,
        messages: p.messages,
      })),
    );
  }

  /**
   * Media as the editor holds them, not yet saved: refuses ids that are not in the workspace's
   * library (UNKNOWN_MEDIA) and channels that are not the workspace's (UNKNOWN_CHANNEL), then
   * checks like `problems`. Reads only.
   */
  async check(workspaceId: string, request: CheckRequest): Promise<MediaCheckResponse> {
    const channelIds = request.channels.map((c) => c.channelId);
    const platforms = await this.channels.platformsOf(workspaceId, channelIds);
    const unknownChannels = channelIds.filter((id) => !platforms.has(id));
    if (unknownChannels.length > 0) {
      throw new MediaError(
        'UNKNOWN_CHANNEL',
        'Some target channels do not exist in this workspace.',
        { channelIds: unknownChannels },
      );
    }
    const lists = [request.media, ...request.channels.map((c) => c.media ?? [])];
    const ids = [...new Set(lists.flatMap((l) => l.map((m) => m.mediaId)))];
    // Items that left the library count too: a post that has one keeps it (the save decides).
    const rows = new Map((await this.repo.findMany(workspaceId, ids)).map((r) => [r.id, r]));
    const unknownMedia = ids.filter((id) => !rows.has(id));
    if (unknownMedia.length > 0) {
      throw new MediaError('UNKNOWN_MEDIA', 'Some media are not in this workspace’s library.', {
        mediaIds: unknownMedia,
      });
    }
    const uses = (list: readonly MediaUseInput[]): PostMedia[] =>
      list.map((m) => {
        const row: MediaRow = rows.get(m.mediaId)!;
        return toPostMedia(row, m.altText !== undefined ? m.altText : row.alt_text);
      });
    const post: PostMediaContent = {
      media: uses(request.media),
      variants: request.channels.map((c) => ({
        channelId: c.channelId,
        media: c.media ? uses(c.media) : null,
      })),
    };
    return { channels: await this.byChannel(undefined, workspaceId, post, platforms) };
  }

  /**
   * The one check behind both: each variant's media (its own list, else the post's) against
   * its platform's limits. A channel no longer in `platforms` (removed since) is left out; a
   * platform without media rules answers no problems.
   */
  private async byChannel(
    em: EntityManager | undefined,
    workspaceId: string,
    post: PostMediaContent,
    platforms: ReadonlyMap<string, Platform>,
  ): Promise<MediaCheckChannel[]> {
    const altTextRequired = await this.repo.altTextRequired(workspaceId, em);
    const checked: MediaCheckChannel[] = [];
    for (const v of post.variants) {
      const platform = platforms.get(v.channelId);
      if (!platform) continue;
      const limits = limitsOf(platform);
      const media = v.media ?? post.media;
      const problems = limits
        ? checkMedia(
            platform,
            limits,
            media.map((m) => ({
              id: m.mediaId,
              kind: m.kind,
              mimeType: m.mimeType,
              bytes: m.bytes,
              width: m.width,
              height: m.height,
              durationMs: m.durationMs,
              altText: m.altText,
            })),
            { altTextRequired },
          )
        : [];
      checked.push({ channelId: v.channelId, platform, problems });
    }
    return checked;
  }
}
