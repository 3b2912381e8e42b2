import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformReply,
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
  classifyMetaAnswer,
  containerAccountOf,
  containerClient,
  verifyingSafely,
} from '../meta/meta-container';

/**
 * Instagram professional accounts through the Instagram Graph API (Facebook Login for
 * Business; permissions instagram_basic, instagram_content_publish, pages_read_engagement):
 * `POST /{ig-user-id}/media` creates a container from a public media URL, `GET
 * /{container-id}?fields=status_code` is polled until FINISHED, `GET
 * /{ig-user-id}/content_publishing_limit` is read before publishing, and `POST
 * /{ig-user-id}/media_publish` with `creation_id` publishes it. Reference:
 * developers.facebook.com/docs/instagram-platform/content-publishing and
 * /instagram-graph-api/reference/ig-container.
 */

export const INSTAGRAM_DEFAULT_GRAPH = 'https://graph.facebook.com';
export const INSTAGRAM_DEFAULT_VERSION = 'v23.0';

const IMAGE_TYPES = ['image/jpeg'];
const VIDEO_TYPES = ['video/mp4', 'video/quicktime'];

export const INSTAGRAM_LIMITS: PlatformLimits = {
  text: { max: 2200, unit: 'utf16' },
  media: {
    maxCount: 10,
    maxImageBytes: 8 * 1024 * 1024,
    maxVideoBytes: 1024 * 1024 * 1024,
    mimeTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
    // Feed images 4:5 to 1.91:1; reels 0.01:1 to 10:1 and 3 s to 15 min.
    aspectRatio: { image: { min: 0.8, max: 1.91 }, video: { min: 0.01, max: 10 } },
    maxVideoDurationMs: 15 * 60_000,
    required: true,
  },
  concurrency: 1,
  perMinute: 30,
};

export const instagramOptionsSchema = z
  .object({
    /** A feed post (one medium or a carousel), a reel (one video) or a story (one medium, no caption). */
    format: z.enum(['post', 'reel', 'story']).optional(),
    /** Posted as the first comment under the post, as the account. */
    firstComment: z.string().min(1).max(2200).optional(),
  })
  .strict();

export type InstagramAdapterOptions = {
  graphBase?: string;
  version?: string;
  timeoutMs?: number;
  pollIntervalMs?: number;
  maxPolls?: number;
};

const isVideo = (m: PublishMedia) => VIDEO_TYPES.includes(m.mimeType);

/** The containers to create for a variant, with exactly the documented fields. */
export function instagramPlan(
  text: string,
  media: readonly PublishMedia[],
  format: 'post' | 'reel' | 'story',
): ContainerPlan {
  const refuse = (message: string) => new PublishError('permanent', 'MEDIA_NOT_SUPPORTED', message);
  if (media.length === 0)
    throw new PublishError('permanent', 'MEDIA_REQUIRED', 'Instagram needs a photo or a video.');
  if (media.length > INSTAGRAM_LIMITS.media!.maxCount)
    throw new PublishError(
      'permanent',
      'TOO_MANY_MEDIA',
      'Instagram takes at most 10 media in a carousel.',
    );
  if (media.some((m) => !INSTAGRAM_LIMITS.media!.mimeTypes.includes(m.mimeType)))
    throw refuse('Instagram takes JPEG photos and MP4 or MOV videos.');
  if (format === 'story') {
    if (media.length !== 1) throw refuse('An Instagram story holds exactly one photo or video.');
    // Stories take no caption and no alt text.
    const m = media[0]!;
    return {
      children: [],
      parent: isVideo(m)
        ? { media_type: 'STORIES', video_url: m.url }
        : { media_type: 'STORIES', image_url: m.url },
      text: '',
    };
  }
  if (format === 'reel') {
    if (media.length !== 1 || !isVideo(media[0]!))
      throw refuse('An Instagram reel is exactly one video.');
    return {
      children: [],
      parent: { media_type: 'REELS', video_url: media[0]!.url, caption: text },
      text,
    };
  }
  if (media.length === 1) {
    const m = media[0]!;
    // Since 2023 a single feed video is published as a reel.
    return {
      children: [],
      parent: isVideo(m)
        ? { media_type: 'REELS', video_url: m.url, caption: text }
        : { image_url: m.url, caption: text, ...(m.altText ? { alt_text: m.altText } : {}) },
      text,
    };
  }
  return {
    children: media.map((m): ContainerBody =>
      isVideo(m)
        ? { media_type: 'VIDEO', video_url: m.url, is_carousel_item: true }
        : {
            image_url: m.url,
            is_carousel_item: true,
            ...(m.altText ? { alt_text: m.altText } : {}),
          },
    ),
    parent: { media_type: 'CAROUSEL', caption: text },
    text,
  };
}

export function createInstagramAdapter(options: InstagramAdapterOptions = {}): PlatformAdapter {
  const base = `${(options.graphBase ?? INSTAGRAM_DEFAULT_GRAPH).replace(/\/+$/, '')}/${options.version ?? INSTAGRAM_DEFAULT_VERSION}`;
  const client = containerClient({
    name: 'Instagram',
    base,
    createEdge: '/media',
    publishEdge: '/media_publish',
    limitEdge: '/content_publishing_limit',
    listEdge: (parent) => (parent['media_type'] === 'STORIES' ? '/stories' : '/media'),
    textField: 'caption',
    statusFields: { code: 'status_code', detail: 'status' },
    timeoutMs: options.timeoutMs ?? 30_000,
    pollIntervalMs: options.pollIntervalMs ?? 5_000,
    maxPolls: options.maxPolls ?? 24,
  });

  const configOf = (channel: ChannelTarget) =>
    containerAccountOf(channel, {
      name: 'Instagram',
      codePrefix: 'INSTAGRAM',
      idKey: 'instagramUserId',
      what: 'the numeric id of its Instagram professional account',
    });

  function planOf(request: PublishRequest) {
    const opts = variantOptions(
      instagramOptionsSchema,
      request,
      'The Instagram options of this variant are invalid.',
    );
    const format = opts.format ?? 'post';
    return {
      plan: instagramPlan(request.content.text, request.content.media, format),
      firstComment: format === 'story' ? undefined : opts.firstComment,
    };
  }

  return {
    platform: 'instagram',
    limits: INSTAGRAM_LIMITS,
    // No idempotency key; the checkpointed container keeps a retry from posting twice, but an
    // attempt cut off during media_publish still needs reconcile.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const { userId, token } = configOf(request.channel);
      const { plan, firstComment } = planOf(request);
      const result = await client.publish(request, token, userId, plan);
      if (firstComment) {
        // Best effort: the post is out whether or not the comment lands.
        await client
          .graph(token, `/${result.platformPostId}/comments`, request.signal, {
            message: firstComment,
          })
          .catch(() => undefined);
      }
      return result;
    },

    async reconcile(request: PublishRequest): Promise<ReconcileResult> {
      const { userId, token } = configOf(request.channel);
      return client.reconcile(request, token, userId, planOf(request).plan);
    },

    /**
     * Comments and their replies on one of our media: `GET /{media-id}/comments` with the
     * replies expanded (instagram_manage_comments). Instagram nests one level of replies.
     */
    async listReplies(
      channel: ChannelTarget,
      platformPostId: string,
      since: Date | null,
      signal: AbortSignal,
    ): Promise<PlatformReply[]> {
      const { token } = configOf(channel);
      const out: PlatformReply[] = [];
      let path: string | null =
        `/${encodeURIComponent(platformPostId)}/comments?fields=id,text,username,timestamp,replies{id,text,username,timestamp}&limit=50`;
      for (let page = 0; path && page < 40; page++) {
        const answer = await client.graph(token, path, signal);
        if (answer.status !== 200) throw classifyMetaAnswer('Instagram', answer, 'prepare');
        const body = answer.json as {
          data?: InstagramComment[];
          paging?: { next?: string };
        };
        for (const c of body.data ?? []) {
          out.push(igReply(c, null));
          for (const r of c.replies?.data ?? []) out.push(igReply(r, c.id));
        }
        const next = body.paging?.next;
        path = next ? next.replace(/^https?:\/\/[^/]+\/v\d+\.\d+/, '') : null;
      }
      return out
        .filter((r) => !since || Date.parse(r.createdAt) >= since.getTime())
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      return verifyingSafely('INSTAGRAM_FAILED', () => {
        const { userId, token } = configOf(channel);
        return client.verify(token, userId, signal);
      });
    },
  };
}

type InstagramComment = {
  id: string;
  text?: string;
  username?: string;
  timestamp: string;
  replies?: { data?: InstagramComment[] };
};

function igReply(c: InstagramComment, parentId: string | null): PlatformReply {
  return {
    id: c.id,
    authorHandle: c.username ?? '',
    authorName: null,
    text: c.text ?? '',
    createdAt: new Date(c.timestamp).toISOString(),
    parentId,
  };
}
