import { type Agent } from 'node:https';
import { measureText } from '@postplan/domain';
import type * as TwitterApiV2 from 'twitter-api-v2';
import type { EUploadMimeType, TweetV2PostTweetResult } from 'twitter-api-v2';
import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformAdapter,
  type PlatformLimits,
  type PublishRequest,
  type PublishResult,
  type VerifyResult,
  PublishError,
  isPublishError,
} from '../adapter';
import {
  type MediaFetcher,
  classifyNetworkError,
  excerpt,
  fetchMediaOverHttp,
} from '../http/platform-http';
import { xOptionsSchema } from '@postplan/contracts';

/**
 * twitter-api-v2 is loaded on first use, not with the registry: every process registers every
 * adapter, and most never publish to this platform (the client is a large module graph,
 * several megabytes of a worker's memory).
 */
const twitter = (): typeof TwitterApiV2 =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('twitter-api-v2') as typeof TwitterApiV2;

/** Variant options, defined with the API's contracts (libs/contracts/src/variant-options.ts). */
export { xOptionsSchema };

/**
 * X through API v2 with a user-context OAuth 2.0 access token (scopes tweet.write,
 * tweet.read, users.read, media.write), using the twitter-api-v2 client: media through the
 * v2 chunked upload (`/2/media/upload/initialize|append|finalize`) with alt text through
 * `/2/media/metadata`, then `POST /2/tweets`. Text is measured in X's weighted characters
 * (twitter-text, the same count as the wording engine). Reference: docs.x.com/x-api/posts/
 * creation-of-a-post, /x-api/media/media-upload, /x-api/fundamentals/rate-limits.
 *
 * Token refresh (X rotates single-use refresh tokens) belongs to the account connection,
 * which hands the adapter a fresh access token.
 */

export const X_DEFAULT_API = 'https://api.x.com';

export const X_LIMITS: PlatformLimits = {
  // 280 weighted characters (URLs 23, CJK and emoji 2); X Premium accounts set characterLimit.
  text: { max: 280, unit: 'weighted' },
  media: {
    maxCount: 4,
    maxImageBytes: 5 * 1024 * 1024,
    maxVideoBytes: 512 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4'],
    // Videos 1:3 to 3:1 and up to 140 s (2:20) for API uploads.
    aspectRatio: { image: null, video: { min: 1 / 3, max: 3 } },
    maxVideoDurationMs: 140_000,
    required: false,
  },
  concurrency: 1,
  perMinute: 1,
};

/** POST /2/tweets per user, by the app's API tier: the engine spaces publications by these. */
export const X_TIER_POST_LIMITS = {
  free: { posts: 17, windowMs: 24 * 60 * 60 * 1000 },
  basic: { posts: 100, windowMs: 24 * 60 * 60 * 1000 },
  pro: { posts: 100, windowMs: 15 * 60 * 1000 },
} as const;

const settingsSchema = z.object({
  /** An X Premium account's own limit (25,000); 280 otherwise. */
  characterLimit: z.number().int().min(280).max(25_000).optional(),
});

export type XAdapterOptions = {
  apiBase?: string;
  /** For tests: trusts the fake's certificate (twitter-api-v2 speaks HTTPS only). */
  httpAgent?: Agent;
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
  now?: () => number;
};

const DUPLICATE = /duplicate content/i;

export function createXAdapter(options: XAdapterOptions = {}): PlatformAdapter {
  const apiBase = (options.apiBase ?? X_DEFAULT_API).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;
  const now = options.now ?? Date.now;

  function clientFor(channel: ChannelTarget) {
    const token = channel.credentials?.['accessToken'];
    if (typeof token !== 'string' || token === '') {
      throw new PublishError(
        'permanent',
        'X_TOKEN_MISSING',
        `The channel "${channel.name}" has no X access token; connect it again.`,
      );
    }
    const client = new (twitter().TwitterApi)(
      token,
      options.httpAgent ? { httpAgent: options.httpAgent } : {},
    );
    const v2 = client.v2;
    // setPrefix is how twitter-api-v2 changes its base URL (cloneWithPrefix is broken in 1.29).
    (v2 as unknown as { setPrefix(prefix: string): void }).setPrefix(`${apiBase}/2/`);
    return v2;
  }

  return {
    platform: 'x',
    limits: X_LIMITS,
    // X takes no idempotency key, and its duplicate refusal does not name the earlier post.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const v2 = clientFor(request.channel);
      const settings = settingsSchema.safeParse(request.channel.settings);
      const opts = xOptionsSchema.safeParse(request.content.options);
      if (!settings.success || !opts.success) {
        throw new PublishError(
          'permanent',
          'OPTIONS_INVALID',
          'The X settings or options of this variant are invalid.',
        );
      }
      const length = measureText(request.content.text, 'x', {
        characterLimit: settings.data.characterLimit ?? 280,
      });
      if (length.overflowStart !== null) {
        throw new PublishError(
          'permanent',
          'TEXT_TOO_LONG',
          `The post has ${length.used} weighted characters; X allows ${length.limit}.`,
        );
      }
      if (request.content.media.length > X_LIMITS.media!.maxCount) {
        throw new PublishError(
          'permanent',
          'TOO_MANY_MEDIA',
          'X takes at most 4 images, or one video, per post.',
        );
      }
      const mediaIds: string[] = [];
      try {
        for (const media of request.content.media) {
          const bytes = Buffer.from(await fetchMedia(media, request.signal));
          const id = await v2.uploadMedia(bytes, { media_type: media.mimeType as EUploadMimeType });
          if (media.altText && !media.mimeType.startsWith('video/')) {
            await v2.createMediaMetadata(id, { alt_text: { text: media.altText.slice(0, 1000) } });
          }
          mediaIds.push(id);
        }
      } catch (e) {
        // Nothing is posted before POST /2/tweets: a failed upload is never "maybe sent".
        const error = classifyXError(e, now());
        if (error.errorClass !== 'unknown') throw error;
        throw new PublishError(
          'retryable',
          'MEDIA_UPLOAD_FAILED',
          `${error.message.replace(/;.*$/, '')}; nothing was posted.`,
          { cause: e },
        );
      }
      try {
        request.signal.throwIfAborted();
        const posted = await v2.post<TweetV2PostTweetResult>(
          'tweets',
          {
            text: request.content.text,
            ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
            ...(opts.data.replySettings ? { reply_settings: opts.data.replySettings } : {}),
          },
          { timeout: timeoutMs },
        );
        return {
          platformPostId: posted.data.id,
          url: `https://x.com/i/web/status/${posted.data.id}`,
        };
      } catch (e) {
        throw classifyXError(e, now());
      }
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        signal.throwIfAborted();
        const me = await clientFor(channel).me();
        return { ok: true, accountName: `@${me.data.username}`, expiresAt: null };
      } catch (e) {
        return { ok: false, error: classifyXError(e, now()) };
      }
    },
  };
}

/**
 * 429: retryable at x-rate-limit-reset (epoch seconds; the per-user 24-hour cap shows in
 * x-user-limit-24hour-reset). 401: the token is expired or revoked. 403 "duplicate content":
 * X already has a post with this text, but does not say which, so it is a permanent
 * DUPLICATE for a person to look at. Other 403/400: permanent. 5xx: X may have posted: unknown.
 */
export function classifyXError(e: unknown, nowMs: number): PublishError {
  if (isPublishError(e)) return e;
  if (e instanceof twitter().ApiResponseError) {
    const data = (e.data ?? {}) as { detail?: unknown; title?: unknown };
    const said = excerpt(
      typeof data.detail === 'string'
        ? data.detail
        : typeof data.title === 'string'
          ? data.title
          : e.message,
    );
    if (e.code === 429) {
      const header =
        e.headers['x-user-limit-24hour-remaining'] === '0'
          ? e.headers['x-user-limit-24hour-reset']
          : e.headers['x-rate-limit-reset'];
      const reset = Number(Array.isArray(header) ? header[0] : header) || e.rateLimit?.reset;
      return new PublishError(
        'retryable',
        'RATE_LIMITED',
        `X asks to wait: ${said}`,
        reset ? { retryAfterMs: Math.max(0, reset * 1000 - nowMs) } : {},
      );
    }
    if (e.code === 401) {
      return new PublishError(
        'permanent',
        'TOKEN_REVOKED',
        `X did not accept the access token (${said}); connect the channel again.`,
      );
    }
    if (e.code === 403 && DUPLICATE.test(said)) {
      return new PublishError(
        'permanent',
        'DUPLICATE',
        `X refused the post as a duplicate of an earlier one: ${said}`,
      );
    }
    if (e.code >= 400 && e.code < 500) {
      return new PublishError(
        'permanent',
        e.code === 403 ? 'FORBIDDEN' : 'X_REJECTED',
        `X refused the post: ${said}`,
      );
    }
    return new PublishError(
      'unknown',
      'X_SERVER_ERROR',
      `X answered ${e.code} (${said}); the post may have gone out.`,
    );
  }
  if (e instanceof twitter().ApiRequestError) {
    // A timeout comes without a requestError; the message says so.
    const cause = (e.requestError as (Error & { code?: string }) | undefined) ?? e;
    return classifyNetworkError('X', cause, /timeout/i.test(`${e.message} ${cause.message}`));
  }
  return new PublishError('unknown', 'X_FAILED', 'The call to X failed.', { cause: e });
}
