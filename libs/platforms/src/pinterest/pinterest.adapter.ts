import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformAdapter,
  type PlatformLimits,
  type PublishRequest,
  type PublishResult,
  type VerifyResult,
  PublishError,
  variantOptions,
  isPublishError,
} from '../adapter';
import {
  type HttpAnswer,
  type MediaFetcher,
  excerpt,
  fetchMediaOverHttp,
  httpCall,
  requireString,
  retryAfterOf,
} from '../http/platform-http';

/**
 * Pinterest through API v5: `POST /v5/pins` on a board, with the images sent as base64 (so
 * they need not be public), a title, a description, a destination link and alt text; two to
 * five images make a carousel. Reference: developers.pinterest.com/docs/api/v5/pins-create,
 * /docs/reference/rate-limits, /docs/reference/errors.
 *
 * Plain fetch: Pinterest publishes no maintained Node client for API v5.
 */

export const PINTEREST_DEFAULT_API = 'https://api.pinterest.com';

export const PINTEREST_LIMITS: PlatformLimits = {
  // The description: 500 characters. The title takes 100.
  text: { max: 500, unit: 'utf16' },
  media: {
    maxCount: 5,
    maxImageBytes: 20 * 1024 * 1024,
    maxVideoBytes: null,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    // Video pins 4 s to 15 min; images of any ratio (tall ones are cut in the feed).
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: 15 * 60_000,
    required: true,
  },
  concurrency: 1,
  // Pins write: 100 calls a minute per user (Standard access).
  perMinute: 100,
};
export const PINTEREST_TITLE_MAX = 100;

export const pinterestOptionsSchema = z
  .object({
    /** The board to pin to; the channel's board when left out. */
    boardId: z
      .string()
      .regex(/^\d{1,25}$/)
      .optional(),
    /** Where the pin leads. */
    link: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    /** The pin's title; the post's title when left out. */
    title: z.string().min(1).max(PINTEREST_TITLE_MAX).optional(),
  })
  .strict();

export type PinterestAdapterOptions = {
  apiBase?: string;
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
  now?: () => number;
};

export function createPinterestAdapter(options: PinterestAdapterOptions = {}): PlatformAdapter {
  const apiBase = (options.apiBase ?? PINTEREST_DEFAULT_API).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;
  const now = options.now ?? Date.now;

  const tokenOf = (channel: ChannelTarget) =>
    requireString(
      channel.credentials?.['accessToken'],
      'PINTEREST_TOKEN_MISSING',
      `The channel "${channel.name}" has no Pinterest access token; connect it again.`,
    );

  return {
    platform: 'pinterest',
    limits: PINTEREST_LIMITS,
    // No idempotency key, and no duplicate check: an interrupted pin waits for a person.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const token = tokenOf(request.channel);
      const opts = variantOptions(
        pinterestOptionsSchema,
        request,
        'The Pinterest options of this variant are invalid (board, link, title).',
      );
      const channelBoard = request.channel.settings['boardId'];
      const boardId = opts.boardId ?? (typeof channelBoard === 'string' ? channelBoard : undefined);
      if (!boardId) {
        throw new PublishError(
          'permanent',
          'PINTEREST_BOARD_MISSING',
          'Choose a Pinterest board for this variant or the channel.',
        );
      }
      const { media, text } = request.content;
      if (media.length === 0)
        throw new PublishError('permanent', 'MEDIA_REQUIRED', 'A pin needs at least one image.');
      if (media.length > PINTEREST_LIMITS.media!.maxCount) {
        throw new PublishError(
          'permanent',
          'TOO_MANY_MEDIA',
          'A Pinterest carousel takes at most 5 images.',
        );
      }
      if (media.some((m) => !PINTEREST_LIMITS.media!.mimeTypes.includes(m.mimeType))) {
        throw new PublishError(
          'permanent',
          'MEDIA_NOT_SUPPORTED',
          'Postplan pins images (JPEG, PNG, GIF, WebP).',
        );
      }
      if (text.length > PINTEREST_LIMITS.text!.max) {
        throw new PublishError(
          'permanent',
          'TEXT_TOO_LONG',
          `A pin description takes at most 500 characters; this one has ${text.length}.`,
        );
      }
      const images = [];
      for (const m of media) {
        const bytes = await fetchMedia(m, request.signal);
        images.push({ content_type: m.mimeType, data: Buffer.from(bytes).toString('base64') });
      }
      const title = opts.title ?? request.content.title?.slice(0, PINTEREST_TITLE_MAX) ?? undefined;
      const answer = await httpCall('Pinterest', `${apiBase}/v5/pins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          board_id: boardId,
          description: text,
          ...(title ? { title } : {}),
          ...(opts.link ? { link: opts.link } : {}),
          ...(media[0]!.altText ? { alt_text: media[0]!.altText.slice(0, 500) } : {}),
          media_source:
            images.length === 1
              ? { source_type: 'image_base64', ...images[0] }
              : { source_type: 'multiple_image_base64', items: images },
        }),
        timeoutMs,
        signal: request.signal,
      });
      if (answer.status === 201) {
        const id = (answer.json as { id?: unknown } | null)?.id;
        if (typeof id !== 'string')
          throw new PublishError(
            'unknown',
            'PINTEREST_ANSWER_INVALID',
            'Pinterest answered without a pin id.',
          );
        return { platformPostId: id, url: `https://www.pinterest.com/pin/${id}/` };
      }
      throw classifyPinterestAnswer(answer, now());
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const answer = await httpCall('Pinterest', `${apiBase}/v5/user_account`, {
          headers: { authorization: `Bearer ${tokenOf(channel)}` },
          timeoutMs,
          signal,
        });
        if (answer.status !== 200)
          return { ok: false, error: classifyPinterestAnswer(answer, now()) };
        const username = (answer.json as { username?: unknown } | null)?.username;
        return {
          ok: true,
          accountName: typeof username === 'string' ? username : null,
          expiresAt: null,
        };
      } catch (e) {
        return {
          ok: false,
          error: isPublishError(e)
            ? e
            : new PublishError('unknown', 'PINTEREST_FAILED', 'The check failed.', { cause: e }),
        };
      }
    },
  };
}

/**
 * Pinterest's errors are `{ code, message }`. 429 (code 8 or 429): retry after the
 * x-ratelimit-reset / Retry-After headers. 401 (code 2, 3): token expired or revoked. 403:
 * the board is not the user's or the scope is missing. 404 (board not found) and 400: the
 * pin is invalid. 5xx: Pinterest may have created the pin: unknown.
 */
export function classifyPinterestAnswer(answer: HttpAnswer, nowMs: number): PublishError {
  const body = (answer.json ?? {}) as { code?: unknown; message?: unknown };
  const said = excerpt(typeof body.message === 'string' ? body.message : answer.text);
  if (answer.status === 429) {
    const retryAfterMs = retryAfterOf(answer.headers, nowMs);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `Pinterest asks to slow down: ${said}`,
      retryAfterMs === undefined ? {} : { retryAfterMs },
    );
  }
  if (answer.status === 401) {
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `Pinterest did not accept the access token (${said}); connect the channel again.`,
    );
  }
  if (answer.status === 403)
    return new PublishError('permanent', 'FORBIDDEN', `Pinterest refused: ${said}`);
  if (answer.status === 404)
    return new PublishError(
      'permanent',
      'PINTEREST_BOARD_NOT_FOUND',
      `Pinterest did not find the board: ${said}`,
    );
  if (answer.status >= 400 && answer.status < 500) {
    return new PublishError(
      'permanent',
      'PINTEREST_REJECTED',
      `Pinterest refused the pin: ${said}`,
    );
  }
  return new PublishError(
    'unknown',
    'PINTEREST_SERVER_ERROR',
    `Pinterest answered ${answer.status} (${said}); the pin may have been created.`,
  );
}
