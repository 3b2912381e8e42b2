import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformAdapter,
  type PlatformLimits,
  type PublishMedia,
  type PublishRequest,
  type PublishResult,
  type ReconcileResult,
  type VerifyResult,
  PublishError,
  variantOptions,
} from '../adapter';
import {
  type ContainerBody,
  type ContainerPlan,
  containerAccountOf,
  containerClient,
  verifyingSafely,
} from '../meta/meta-container';

/**
 * Threads through the Threads API on graph.threads.net (permissions threads_basic,
 * threads_content_publish): `POST /{threads-user-id}/threads` creates a container
 * (media_type TEXT, IMAGE, VIDEO, or CAROUSEL over items made with `is_carousel_item`),
 * `GET /{container-id}?fields=status,error_message` is polled until FINISHED,
 * `/threads_publishing_limit` is read, and `POST /{threads-user-id}/threads_publish` with
 * `creation_id` publishes it. Reference: developers.facebook.com/docs/threads/posts and
 * /docs/threads/troubleshooting. No Threads SDK exists: plain fetch.
 */

export const THREADS_DEFAULT_GRAPH = 'https://graph.threads.net';
export const THREADS_DEFAULT_VERSION = 'v1.0';

const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const VIDEO_TYPES = ['video/mp4', 'video/quicktime'];

export const THREADS_LIMITS: PlatformLimits = {
  // Threads counts an emoji as its UTF-8 bytes: the wording engine's `characters` with
  // PLATFORM_PROFILES.threads.emojiAsUtf8Bytes.
  text: { max: 500, unit: 'characters' },
  media: {
    maxCount: 20,
    maxImageBytes: 8 * 1024 * 1024,
    maxVideoBytes: 1024 * 1024 * 1024,
    mimeTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
    // Images up to 10:1 either way, videos 0.01:1 to 10:1 and up to 5 min.
    aspectRatio: { image: { min: 0.1, max: 10 }, video: { min: 0.01, max: 10 } },
    maxVideoDurationMs: 5 * 60_000,
    required: false,
  },
  concurrency: 1,
  perMinute: 30,
};

export const threadsOptionsSchema = z
  .object({
    /** Who may reply. */
    replyControl: z.enum(['everyone', 'accounts_you_follow', 'mentioned_only']).optional(),
  })
  .strict();

export type ThreadsAdapterOptions = {
  graphBase?: string;
  version?: string;
  timeoutMs?: number;
  pollIntervalMs?: number;
  maxPolls?: number;
};

const isVideo = (m: PublishMedia) => VIDEO_TYPES.includes(m.mimeType);

function item(m: PublishMedia, extra: ContainerBody): ContainerBody {
  return isVideo(m)
    ? {
        media_type: 'VIDEO',
        video_url: m.url,
        ...(m.altText ? { alt_text: m.altText } : {}),
        ...extra,
      }
    : {
        media_type: 'IMAGE',
        image_url: m.url,
        ...(m.altText ? { alt_text: m.altText } : {}),
        ...extra,
      };
}

/** The containers to create for a variant, with exactly the documented fields. */
export function threadsPlan(
  text: string,
  media: readonly PublishMedia[],
  replyControl: string | undefined,
): ContainerPlan {
  if (media.length > THREADS_LIMITS.media!.maxCount)
    throw new PublishError(
      'permanent',
      'TOO_MANY_MEDIA',
      'Threads takes at most 20 media in a carousel.',
    );
  if (media.some((m) => !THREADS_LIMITS.media!.mimeTypes.includes(m.mimeType)))
    throw new PublishError(
      'permanent',
      'MEDIA_NOT_SUPPORTED',
      'Threads takes JPEG or PNG photos and MP4 or MOV videos.',
    );
  const common: ContainerBody = {
    ...(text ? { text } : {}),
    ...(replyControl ? { reply_control: replyControl } : {}),
  };
  if (media.length === 0) {
    if (!text)
      throw new PublishError(
        'permanent',
        'TEXT_REQUIRED',
        'A Threads post without media needs text.',
      );
    return { children: [], parent: { media_type: 'TEXT', ...common }, text };
  }
  if (media.length === 1) return { children: [], parent: item(media[0]!, common), text };
  return {
    children: media.map((m) => item(m, { is_carousel_item: true })),
    parent: { media_type: 'CAROUSEL', ...common },
    text,
  };
}

export function createThreadsAdapter(options: ThreadsAdapterOptions = {}): PlatformAdapter {
  const base = `${(options.graphBase ?? THREADS_DEFAULT_GRAPH).replace(/\/+$/, '')}/${options.version ?? THREADS_DEFAULT_VERSION}`;
  const client = containerClient({
    name: 'Threads',
    base,
    createEdge: '/threads',
    publishEdge: '/threads_publish',
    limitEdge: '/threads_publishing_limit',
    listEdge: () => '/threads',
    textField: 'text',
    statusFields: { code: 'status', detail: 'error_message' },
    timeoutMs: options.timeoutMs ?? 30_000,
    // Meta suggests waiting about 30 seconds before publishing a container with video.
    pollIntervalMs: options.pollIntervalMs ?? 5_000,
    maxPolls: options.maxPolls ?? 24,
  });

  const configOf = (channel: ChannelTarget) =>
    containerAccountOf(channel, {
      name: 'Threads',
      codePrefix: 'THREADS',
      idKey: 'threadsUserId',
      what: 'the numeric id of its Threads account',
    });

  function planOf(request: PublishRequest) {
    const opts = variantOptions(
      threadsOptionsSchema,
      request,
      'The Threads options of this variant are invalid.',
    );
    return threadsPlan(request.content.text, request.content.media, opts.replyControl);
  }

  return {
    platform: 'threads',
    limits: THREADS_LIMITS,
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const { userId, token } = configOf(request.channel);
      return client.publish(request, token, userId, planOf(request));
    },

    async reconcile(request: PublishRequest): Promise<ReconcileResult> {
      const { userId, token } = configOf(request.channel);
      return client.reconcile(request, token, userId, planOf(request));
    },

    verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      return verifyingSafely('THREADS_FAILED', () => {
        const { userId, token } = configOf(channel);
        return client.verify(token, userId, signal);
      });
    },
  };
}
