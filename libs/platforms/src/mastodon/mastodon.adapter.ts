import { measureText } from '@postplan/domain';
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
 * Mastodon (and compatible servers) through its REST API with an access token of an app the
 * instance registered (scopes read:accounts write:statuses write:media). Every status is sent
 * with the publication id as `Idempotency-Key`, which Mastodon remembers for an hour and
 * answers with the first status instead of posting again. Limits are the instance's own
 * (`GET /api/v2/instance`). Reference: docs.joinmastodon.org/methods/statuses,
 * /methods/media, /methods/instance, /api/rate-limits.
 *
 * Plain fetch: Mastodon has no official Node client (masto.js is a community project).
 */

export const MASTODON_LIMITS: PlatformLimits = {
  // The default of mastodon.social and most instances; the instance's own figure wins.
  text: { max: 500, unit: 'graphemes' },
  media: {
    maxCount: 4,
    maxImageBytes: 16 * 1024 * 1024,
    maxVideoBytes: 99 * 1024 * 1024,
    mimeTypes: [
      'image/jpeg',
      'image/png',
      'image/gif',
      'image/webp',
      'video/mp4',
      'video/webm',
      'video/quicktime',
    ],
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: null,
    required: false,
  },
  concurrency: 2,
  // 300 calls per 5 minutes per account; 30 media uploads per 30 minutes.
  perMinute: 50,
};

/** How long Mastodon remembers an Idempotency-Key (Redis, one hour). */
export const MASTODON_IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1000;

export const mastodonOptionsSchema = z
  .object({
    visibility: z.enum(['public', 'unlisted', 'private', 'direct']).optional(),
    /** A content warning shown before the text. */
    spoilerText: z.string().max(500).optional(),
    sensitive: z.boolean().optional(),
    /** ISO 639 language of the status. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional(),
  })
  .strict();
export type MastodonOptions = z.infer<typeof mastodonOptionsSchema>;

const settingsSchema = z.object({
  /** The instance, e.g. https://mastodon.social */
  instanceUrl: z.url({ protocol: /^https?$/ }),
});

/** What an instance allows, read from `GET /api/v2/instance`. */
export type MastodonInstanceLimits = {
  maxCharacters: number;
  charactersReservedPerUrl: number;
  maxMediaAttachments: number;
  supportedMimeTypes: string[];
  imageSizeLimit: number | null;
  videoSizeLimit: number | null;
  descriptionLimit: number;
};

export type MastodonAdapterOptions = {
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
  now?: () => number;
  /** How long to wait for the instance to process an upload, and how often to ask. */
  mediaProcessingTimeoutMs?: number;
  mediaPollIntervalMs?: number;
};

const name = 'Mastodon';

export function createMastodonAdapter(options: MastodonAdapterOptions = {}): PlatformAdapter & {
  instanceLimits(channel: ChannelTarget, signal: AbortSignal): Promise<MastodonInstanceLimits>;
} {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;
  const now = options.now ?? Date.now;
  const processingTimeoutMs = options.mediaProcessingTimeoutMs ?? 60_000;
  const pollMs = options.mediaPollIntervalMs ?? 1_000;
  const instanceCache = new Map<string, { at: number; limits: MastodonInstanceLimits }>();

  function configOf(channel: ChannelTarget) {
    const parsed = settingsSchema.safeParse(channel.settings);
    if (!parsed.success) {
      throw new PublishError(
        'permanent',
        'MASTODON_SETTINGS_INVALID',
        `The channel "${channel.name}" needs the address of its Mastodon instance.`,
      );
    }
    const token = requireString(
      channel.credentials?.['accessToken'],
      'MASTODON_TOKEN_MISSING',
      `The channel "${channel.name}" has no Mastodon access token; connect it again.`,
    );
    return { base: parsed.data.instanceUrl.replace(/\/+$/, ''), token };
  }

  async function api(
    channel: ChannelTarget,
    path: string,
    signal: AbortSignal,
    init: {
      method?: string;
      json?: unknown;
      form?: FormData;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpAnswer> {
    const { base, token } = configOf(channel);
    return httpCall(name, `${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.json !== undefined
        ? { body: JSON.stringify(init.json) }
        : init.form
          ? { body: init.form }
          : {}),
      timeoutMs,
      signal,
    });
  }

  async function instanceLimits(
    channel: ChannelTarget,
    signal: AbortSignal,
  ): Promise<MastodonInstanceLimits> {
    const { base } = configOf(channel);
    const cached = instanceCache.get(base);
    if (cached && now() - cached.at < 60 * 60 * 1000) return cached.limits;
    const answer = await api(channel, '/api/v2/instance', signal);
    if (answer.status !== 200) throw classifyMastodonAnswer(answer, now());
    const limits = parseInstanceLimits(answer.json);
    instanceCache.set(base, { at: now(), limits });
    return limits;
  }

  async function waitUntilProcessed(channel: ChannelTarget, id: string, signal: AbortSignal) {
    const until = now() + processingTimeoutMs;
    for (;;) {
      await new Promise((done) => setTimeout(done, pollMs));
      signal.throwIfAborted();
      const answer = await api(channel, `/api/v1/media/${encodeURIComponent(id)}`, signal);
      // 206 Partial Content: still processing.
      if (answer.status === 200) return;
      if (answer.status !== 206) throw classifyMastodonAnswer(answer, now());
      if (now() > until) {
        throw new PublishError(
          'retryable',
          'MEDIA_PROCESSING_TIMEOUT',
          `The Mastodon instance was still processing medium ${id}; nothing was posted.`,
        );
      }
    }
  }

  async function upload(
    request: PublishRequest,
    media: PublishMedia,
    limits: MastodonInstanceLimits,
  ): Promise<string> {
    if (!limits.supportedMimeTypes.includes(media.mimeType)) {
      throw new PublishError(
        'permanent',
        'MEDIA_TYPE_NOT_SUPPORTED',
        `This Mastodon instance does not take ${media.mimeType} (medium ${media.id}).`,
      );
    }
    const bytes = await fetchMedia(media, request.signal);
    const limit = media.mimeType.startsWith('video/')
      ? limits.videoSizeLimit
      : limits.imageSizeLimit;
    if (limit !== null && bytes.length > limit) {
      throw new PublishError(
        'permanent',
        'MEDIA_TOO_LARGE',
        `The medium ${media.id} has ${bytes.length} bytes; this Mastodon instance takes at most ${limit}.`,
      );
    }
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: media.mimeType }), fileName(media));
    if (media.altText)
      form.append('description', [...media.altText].slice(0, limits.descriptionLimit).join(''));
    const answer = await api(request.channel, '/api/v2/media', request.signal, {
      method: 'POST',
      form,
    });
    if (answer.status !== 200 && answer.status !== 202) throw classifyMastodonAnswer(answer, now());
    const id = (answer.json as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') {
      throw new PublishError(
        'unknown',
        'MASTODON_ANSWER_INVALID',
        'Mastodon answered the upload without an id.',
      );
    }
    if (answer.status === 202) await waitUntilProcessed(request.channel, id, request.signal);
    return id;
  }

  function optionsOf(request: PublishRequest): MastodonOptions {
    return variantOptions(
      mastodonOptionsSchema,
      request,
      'The Mastodon options of this variant are invalid (visibility, content warning, language).',
    );
  }

  return {
    platform: 'mastodon',
    limits: MASTODON_LIMITS,
    // Mastodon deduplicates on Idempotency-Key, but only for an hour; a retry later than that
    // would post again, so an interrupted call is reconciled, not retried blindly.
    idempotent: false,
    instanceLimits,

    async publish(request: PublishRequest): Promise<PublishResult> {
      try {
        const opts = optionsOf(request);
        const limits = await instanceLimits(request.channel, request.signal);
        const length = measureText(request.content.text, 'mastodon', {
          characterLimit: limits.maxCharacters,
        });
        if (length.overflowStart !== null) {
          throw new PublishError(
            'permanent',
            'TEXT_TOO_LONG',
            `The text has ${length.used} characters; this Mastodon instance allows ${limits.maxCharacters}.`,
          );
        }
        if (request.content.media.length > limits.maxMediaAttachments) {
          throw new PublishError(
            'permanent',
            'TOO_MANY_MEDIA',
            `This Mastodon instance takes at most ${limits.maxMediaAttachments} media per post.`,
          );
        }
        const firstSentAt =
          typeof request.checkpoint?.['firstSentAt'] === 'number'
            ? request.checkpoint['firstSentAt']
            : now();
        // Uploads from an earlier attempt are reused, so a retry leaves no orphaned media.
        const earlier = request.checkpoint?.['mediaIds'];
        let mediaIds: string[];
        if (
          Array.isArray(earlier) &&
          earlier.length === request.content.media.length &&
          earlier.every((id) => typeof id === 'string')
        ) {
          mediaIds = earlier;
        } else {
          mediaIds = [];
          for (const media of request.content.media)
            mediaIds.push(await upload(request, media, limits));
        }
        if (request.checkpoint?.['firstSentAt'] === undefined || earlier !== mediaIds) {
          await request.saveCheckpoint({ firstSentAt, mediaIds });
        }
        const answer = await api(request.channel, '/api/v1/statuses', request.signal, {
          method: 'POST',
          headers: { 'idempotency-key': request.idempotencyKey },
          json: {
            status: request.content.text,
            ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
            ...(opts.visibility ? { visibility: opts.visibility } : {}),
            ...(opts.spoilerText ? { spoiler_text: opts.spoilerText } : {}),
            ...(opts.sensitive !== undefined ? { sensitive: opts.sensitive } : {}),
            ...(opts.language ? { language: opts.language } : {}),
          },
        });
        if (answer.status === 200) return statusResult(answer.json);
        throw classifyMastodonAnswer(answer, now(), {
          // Within the hour Mastodon answers a repeated key with the first status.
          keyStillRemembered: now() - firstSentAt < MASTODON_IDEMPOTENCY_WINDOW_MS - 5 * 60_000,
        });
      } catch (e) {
        if (isPublishError(e)) throw e;
        throw new PublishError('unknown', 'MASTODON_FAILED', 'The call to Mastodon failed.', {
          cause: e,
        });
      }
    },

    async reconcile(request: PublishRequest): Promise<ReconcileResult> {
      // The account's own recent statuses, compared by their source text: Mastodon returns
      // the text as the author wrote it from /statuses/:id/source.
      try {
        const me = await api(
          request.channel,
          '/api/v1/accounts/verify_credentials',
          request.signal,
        );
        if (me.status !== 200) throw classifyMastodonAnswer(me, now());
        const accountId = (me.json as { id?: unknown }).id;
        if (typeof accountId !== 'string')
          return { status: 'unknown', reason: 'Mastodon did not name the account.' };
        const since =
          typeof request.checkpoint?.['firstSentAt'] === 'number'
            ? request.checkpoint['firstSentAt']
            : null;
        const list = await api(
          request.channel,
          `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses?limit=40&exclude_reblogs=true`,
          request.signal,
        );
        if (list.status !== 200 || !Array.isArray(list.json))
          throw classifyMastodonAnswer(list, now());
        const candidates = (list.json as { id: string; created_at: string }[]).filter(
          (s) => since === null || Date.parse(s.created_at) >= since - 60_000,
        );
        for (const status of candidates) {
          const source = await api(
            request.channel,
            `/api/v1/statuses/${encodeURIComponent(status.id)}/source`,
            request.signal,
          );
          if (
            source.status === 200 &&
            (source.json as { text?: unknown }).text === request.content.text
          ) {
            return { status: 'published', ...statusResult(status) };
          }
        }
        // Only a complete view proves absence: the window since the first attempt fits in
        // the 40 statuses read.
        if (since !== null && candidates.length < 40) return { status: 'absent' };
        return {
          status: 'unknown',
          reason: 'No matching status among the account’s recent posts.',
        };
      } catch (e) {
        return {
          status: 'unknown',
          reason: isPublishError(e) ? e.message : 'Mastodon could not be asked.',
        };
      }
    },

    /**
     * The replies under a status, every level: `GET /api/v1/statuses/:id/context` answers its
     * `descendants` (what the instance knows of the thread). The text comes as HTML; the
     * author is `account.acct` (user, or user@instance for remote accounts).
     */
    async listReplies(
      channel: ChannelTarget,
      platformPostId: string,
      since: Date | null,
      signal: AbortSignal,
    ): Promise<PlatformReply[]> {
      const answer = await api(
        channel,
        `/api/v1/statuses/${encodeURIComponent(platformPostId)}/context`,
        signal,
      );
      if (answer.status !== 200) throw classifyMastodonAnswer(answer, now());
      const descendants = (answer.json as { descendants?: unknown }).descendants;
      if (!Array.isArray(descendants)) {
        throw new PublishError(
          'unknown',
          'MASTODON_ANSWER_INVALID',
          'Mastodon answered the thread without its replies.',
        );
      }
      return (descendants as MastodonContextStatus[])
        .map((d) => ({
          id: d.id,
          authorHandle: d.account.acct,
          authorName: d.account.display_name || null,
          text: htmlToText(d.content),
          createdAt: new Date(d.created_at).toISOString(),
          parentId: d.in_reply_to_id === platformPostId ? null : d.in_reply_to_id,
        }))
        .filter((r) => !since || Date.parse(r.createdAt) >= since.getTime())
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const me = await api(channel, '/api/v1/accounts/verify_credentials', signal);
        if (me.status !== 200) return { ok: false, error: classifyMastodonAnswer(me, now()) };
        const acct = (me.json as { acct?: unknown }).acct;
        return {
          ok: true,
          accountName: typeof acct === 'string' ? `@${acct}` : null,
          expiresAt: null,
        };
      } catch (e) {
        return {
          ok: false,
          error: isPublishError(e)
            ? e
            : new PublishError('unknown', 'MASTODON_FAILED', 'The check failed.', { cause: e }),
        };
      }
    },
  };
}

type MastodonContextStatus = {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  content: string;
  account: { acct: string; display_name?: string };
};

/** A status's HTML as plain text: paragraphs and breaks as newlines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function fileName(media: PublishMedia): string {
  const ext =
    media.mimeType.split('/')[1]?.replace('quicktime', 'mov').replace('jpeg', 'jpg') ?? 'bin';
  return `${media.id}.${ext}`;
}

function statusResult(json: unknown): PublishResult {
  const status = json as { id?: unknown; url?: unknown; uri?: unknown } | null;
  if (!status || typeof status.id !== 'string') {
    throw new PublishError(
      'unknown',
      'MASTODON_ANSWER_INVALID',
      'Mastodon answered without a status id.',
    );
  }
  const url =
    typeof status.url === 'string'
      ? status.url
      : typeof status.uri === 'string'
        ? status.uri
        : null;
  return { platformPostId: status.id, url };
}

export function parseInstanceLimits(json: unknown): MastodonInstanceLimits {
  const config = ((json as { configuration?: unknown } | null)?.configuration ?? {}) as {
    statuses?: {
      max_characters?: unknown;
      max_media_attachments?: unknown;
      characters_reserved_per_url?: unknown;
    };
    media_attachments?: {
      supported_mime_types?: unknown;
      image_size_limit?: unknown;
      video_size_limit?: unknown;
      description_limit?: unknown;
    };
  };
  const num = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  const types = config.media_attachments?.supported_mime_types;
  return {
    maxCharacters: num(config.statuses?.max_characters, MASTODON_LIMITS.text!.max),
    charactersReservedPerUrl: num(config.statuses?.characters_reserved_per_url, 23),
    maxMediaAttachments: num(
      config.statuses?.max_media_attachments,
      MASTODON_LIMITS.media!.maxCount,
    ),
    supportedMimeTypes:
      Array.isArray(types) && types.every((t) => typeof t === 'string')
        ? types
        : [...MASTODON_LIMITS.media!.mimeTypes],
    imageSizeLimit: num(
      config.media_attachments?.image_size_limit,
      MASTODON_LIMITS.media!.maxImageBytes!,
    ),
    videoSizeLimit: num(
      config.media_attachments?.video_size_limit,
      MASTODON_LIMITS.media!.maxVideoBytes!,
    ),
    // Mastodon 4.4 announces it; older instances allow 1,500.
    descriptionLimit: num(config.media_attachments?.description_limit, 1500),
  };
}

/**
 * What a non-2xx answer means. 429: retry at X-RateLimit-Reset. 401/403: the token is revoked
 * or lacks a scope. 404/422: the request will not work as it is (validation: the error says
 * what). 502/503/504 (a proxy or a restart): retryable while Mastodon still remembers the
 * Idempotency-Key, because a repeat then returns the first status; later, unknown. Any other
 * 5xx: the instance may have stored the status: unknown.
 */
export function classifyMastodonAnswer(
  answer: HttpAnswer,
  nowMs: number,
  context: { keyStillRemembered?: boolean } = {},
): PublishError {
  const { status } = answer;
  const said = excerpt(
    (answer.json as { error?: unknown } | null)?.error !== undefined
      ? String((answer.json as { error: unknown }).error)
      : answer.text,
  );
  if (status === 429) {
    const retryAfterMs = retryAfterOf(answer.headers, nowMs);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `Mastodon asks to slow down: ${said}`,
      retryAfterMs === undefined ? {} : { retryAfterMs },
    );
  }
  if (status === 401) {
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `Mastodon did not accept the access token (${said}); connect the channel again.`,
    );
  }
  if (status === 403) {
    return new PublishError('permanent', 'FORBIDDEN', `Mastodon refused: ${said}`);
  }
  if (status === 422 && /character limit/i.test(said)) {
    return new PublishError('permanent', 'TEXT_TOO_LONG', `Mastodon refused the status: ${said}`);
  }
  if (status >= 400 && status < 500) {
    return new PublishError(
      'permanent',
      'MASTODON_REJECTED',
      `Mastodon refused the status: ${said}`,
    );
  }
  if (
    (status === 502 || status === 503 || status === 504) &&
    context.keyStillRemembered !== false
  ) {
    return new PublishError(
      'retryable',
      'MASTODON_UNAVAILABLE',
      `Mastodon answered ${status}: ${said}`,
      {
        ...(retryAfterOf(answer.headers, nowMs) !== undefined
          ? { retryAfterMs: retryAfterOf(answer.headers, nowMs)! }
          : {}),
      },
    );
  }
  return new PublishError(
    'unknown',
    'MASTODON_SERVER_ERROR',
    `Mastodon answered ${status} (${said}); the status may have been posted.`,
  );
}
