import { Injectable } from '@nestjs/common';
import { type MediaProblem, type Platform, type PostMedia } from '@postplan/contracts';
import { adapterFor, checkMedia, hasAdapter, type PlatformLimits } from '@postplan/platforms';
import { type EntityManager } from 'typeorm';
import { ChannelsService } from '../channels/channels.service';
import { MediaRepository } from './media.repository';

type PostMediaContent = {
  media: readonly PostMedia[];
  variants: readonly { channelId: string; media?: readonly PostMedia[] | null }[];
};

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
 * when it publishes.
 */
@Injectable()
export class MediaGate {
  constructor(
    private readonly repo: MediaRepository,
    private readonly channels: ChannelsService,
  ) {}

  async problems(
    em: EntityManager | undefined,
    workspaceId: string,
    post: PostMediaContent,
  ): Promise<MediaProblem[]> {
    if (post.variants.length === 0) return [];
    const platforms = new Map(
      (await this.channels.list(workspaceId)).map((c) => [c.id, c.platform] as const),
    );
    const altTextRequired = await this.repo.altTextRequired(workspaceId, em);
    const problems: MediaProblem[] = [];
    for (const v of post.variants) {
      const platform = platforms.get(v.channelId);
      if (!platform) continue;
      const limits = limitsOf(platform);
      if (!limits) continue;
      const media = v.media ?? post.media;
      for (const p of checkMedia(
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
      )) {
        problems.push({
          channelId: v.channelId,
          platform,
          mediaId: p.mediaId,
          rule: p.rule,
          message: p.messages.en,
          messages: p.messages,
        });
      }
    }
    return problems;
  }
}
