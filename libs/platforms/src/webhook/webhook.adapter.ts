import { createHmac, randomUUID } from 'node:crypto';
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
  type WebhookAllowList,
  type WebhookResolver,
  checkWebhookTarget,
  systemResolver,
} from './webhook-address';
import { type WebhookAnswer, postPinned } from './webhook-transport';

/**
 * The webhook adapter: POSTs each publication as signed JSON to a URL of the channel's
 * choosing. Payload, headers, signature and the address rules are documented for receivers
 * in docs/webhooks.md; change them only together with that page and WEBHOOK_PAYLOAD_VERSION.
 */

export const WEBHOOK_PAYLOAD_VERSION = 1;

export const WEBHOOK_HEADERS = {
  signature: 'Postplan-Signature',
  timestamp: 'Postplan-Timestamp',
  event: 'Postplan-Event',
  delivery: 'Postplan-Delivery',
  idempotencyKey: 'Idempotency-Key',
} as const;

/** The body of a `post.publish` delivery (version 1). */
export type WebhookPublishPayload = {
  type: 'post.publish';
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  /** The publication id: the same on every attempt; also the Idempotency-Key header. */
  publicationId: string;
  attempt: number;
  /** When this attempt was signed, ISO 8601 UTC. */
  sentAt: string;
  channel: { id: string; name: string };
  post: {
    id: string;
    title: string | null;
    text: string;
    tags: string[];
    media: {
      id: string;
      url: string;
      mimeType: string;
      altText: string | null;
      width: number | null;
      height: number | null;
      bytes: number;
    }[];
    plannedAt: string;
    contentHash: string;
  };
};

/** The body of the `ping` that verify() sends: nothing to publish; a receiver acknowledges it. */
export type WebhookPingPayload = {
  type: 'ping';
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  sentAt: string;
  channel: { id: string; name: string };
};

export type WebhookAdapterOptions = {
  /** Receivers beyond the public internet (parseWebhookAllowList of POSTPLAN_WEBHOOK_ALLOW). */
  allow?: WebhookAllowList;
  /** Name resolution; the system resolver by default. Tests inject their own. */
  resolve?: WebhookResolver;
  /** Milliseconds to establish the connection (TCP and TLS). Default 5 s. */
  connectTimeoutMs?: number;
  /** Milliseconds for the whole call, answer included. Default 15 s. */
  timeoutMs?: number;
  /** Milliseconds since the epoch; the signature timestamp and Retry-After dates use it. */
  now?: () => number;
  /** Extra trusted CA certificates (PEM) for receivers behind a private CA. */
  ca?: string | Buffer;
};

/** Sent with every delivery; receivers may log it. */
const USER_AGENT = `Postplan-Webhook/${WEBHOOK_PAYLOAD_VERSION}`;

const WEBHOOK_LIMITS: PlatformLimits = {
  // The receiver decides what it accepts; Postplan imposes no length of its own.
  text: null,
  media: {
    maxCount: 20,
    maxImageBytes: null,
    maxVideoBytes: null,
    mimeTypes: [
      'image/jpeg',
      'image/png',
      'image/gif',
      'image/webp',
      'video/mp4',
      'video/quicktime',
    ],
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: null,
    required: false,
  },
  concurrency: 4,
  perMinute: null,
};

const MIN_SECRET_LENGTH = 16;

/** The channel settings and credentials a webhook needs, validated. */
export function webhookChannelConfig(channel: ChannelTarget): { url: string; secret: string } {
  const url = channel.settings['url'];
  if (typeof url !== 'string' || url.trim() === '') {
    throw new PublishError(
      'permanent',
      'WEBHOOK_URL_MISSING',
      `The channel "${channel.name}" has no webhook URL; set one in its settings.`,
    );
  }
  const secret = channel.credentials?.['signingSecret'];
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new PublishError(
      'permanent',
      'WEBHOOK_SECRET_MISSING',
      `The channel "${channel.name}" needs a signing secret of at least ${MIN_SECRET_LENGTH} characters.`,
    );
  }
  return { url: url.trim(), secret };
}

/**
 * The signature over `${timestamp}.${body}`: HMAC-SHA256 with the channel's signing secret,
 * hex, sent as `Postplan-Signature: v1=<hex>`.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function buildPublishPayload(request: PublishRequest, sentAt: Date): WebhookPublishPayload {
  const { content, channel } = request;
  return {
    type: 'post.publish',
    version: WEBHOOK_PAYLOAD_VERSION,
    publicationId: request.idempotencyKey,
    attempt: request.attempt,
    sentAt: sentAt.toISOString(),
    channel: { id: channel.id, name: channel.name },
    post: {
      id: content.postId,
      title: content.title,
      text: content.text,
      tags: [...content.tags],
      media: content.media.map((m) => ({
        id: m.id,
        url: m.url,
        mimeType: m.mimeType,
        altText: m.altText,
        width: m.width,
        height: m.height,
        bytes: m.bytes,
      })),
      plannedAt: content.plannedAt,
      contentHash: content.contentHash,
    },
  };
}

export function createWebhookAdapter(options: WebhookAdapterOptions = {}): PlatformAdapter {
  const allow = options.allow ?? [];
  const resolve = options.resolve ?? systemResolver;
  const now = options.now ?? Date.now;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function deliver(
    channel: ChannelTarget,
    event: 'post.publish' | 'ping',
    payload: (sentAt: Date) => object,
    extraHeaders: Record<string, string>,
    signal: AbortSignal,
  ): Promise<WebhookAnswer> {
    const { url, secret } = webhookChannelConfig(channel);
    // Every refusal is thrown here, before a socket exists.
    const target = await checkWebhookTarget(
      url,
      allow,
      resolve,
      AbortSignal.any([signal, AbortSignal.timeout(connectTimeoutMs)]),
    );
    const sentAt = new Date(now());
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    const body = JSON.stringify(payload(sentAt));
    return postPinned(target, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': USER_AGENT,
        [WEBHOOK_HEADERS.event]: event,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
        [WEBHOOK_HEADERS.delivery]: randomUUID(),
        ...extraHeaders,
      },
      body,
      signal,
      connectTimeoutMs,
      timeoutMs,
      ca: options.ca,
    });
  }

  return {
    platform: 'webhook',
    limits: WEBHOOK_LIMITS,
    // A receiver is asked to deduplicate on Idempotency-Key, but Postplan cannot know that it
    // does; so an interrupted call is `unconfirmed`, never retried blindly.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const answer = await deliver(
        request.channel,
        'post.publish',
        (sentAt) => buildPublishPayload(request, sentAt),
        { [WEBHOOK_HEADERS.idempotencyKey]: request.idempotencyKey },
        request.signal,
      );
      if (answer.status >= 200 && answer.status < 300) {
        return publishedFrom(answer, request.idempotencyKey);
      }
      throw classifyWebhookAnswer(answer, now());
    },

    // No reconcile: a generic receiver offers no way to ask whether a delivery arrived, so an
    // unconfirmed webhook publication waits for a person (docs/webhooks.md).

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const answer = await deliver(
          channel,
          'ping',
          (sentAt): WebhookPingPayload => ({
            type: 'ping',
            version: WEBHOOK_PAYLOAD_VERSION,
            sentAt: sentAt.toISOString(),
            channel: { id: channel.id, name: channel.name },
          }),
          {},
          signal,
        );
        if (answer.status >= 200 && answer.status < 300) {
          return { ok: true, accountName: null, expiresAt: null };
        }
        return { ok: false, error: classifyWebhookAnswer(answer, now()) };
      } catch (e) {
        return {
          ok: false,
          error: isPublishError(e)
            ? e
            : new PublishError('unknown', 'WEBHOOK_FAILED', 'The webhook check failed.', {
                cause: e,
              }),
        };
      }
    },
  };
}

/** A 2xx: the receiver's `id` and `url` when its JSON answer names them. */
function publishedFrom(answer: WebhookAnswer, idempotencyKey: string): PublishResult {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    // Any 2xx counts; a body is optional.
  }
  const record =
    parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const id = record['id'];
  const platformPostId =
    typeof id === 'string' && id.trim() !== '' && id.length <= 500
      ? id.trim()
      : typeof id === 'number' && Number.isFinite(id)
        ? String(id)
        : idempotencyKey;
  return { platformPostId, url: httpUrl(record['url']) };
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 502, 503, 504]);

/**
 * What a non-2xx answer means. 408/425/429/502/503/504: the receiver did not take it, try
 * later (honouring Retry-After). 3xx: redirects are never followed. 409: the receiver says
 * this Idempotency-Key is in progress or known, so the post may be there: unknown. Any other
 * 4xx: it will not work as it is. Any other 5xx: the receiver may have acted: unknown.
 */
export function classifyWebhookAnswer(answer: WebhookAnswer, nowMs: number): PublishError {
  const { status } = answer;
  const said = receiverMessage(answer.body);
  const suffix = said ? `: ${said}` : '';
  if (status >= 300 && status < 400) {
    const location = headerValue(answer.headers, 'location');
    return new PublishError(
      'permanent',
      'WEBHOOK_REDIRECT_REFUSED',
      `The webhook receiver answered ${status} and redirects to ${location ?? 'another address'}; redirects are not followed. Use the final URL in the channel settings.`,
    );
  }
  if (RETRYABLE_STATUS.has(status)) {
    const retryAfterMs = parseRetryAfter(headerValue(answer.headers, 'retry-after'), nowMs);
    return new PublishError(
      'retryable',
      status === 429 ? 'RATE_LIMITED' : 'WEBHOOK_UNAVAILABLE',
      `The webhook receiver answered ${status}${suffix}.`,
      retryAfterMs === undefined ? {} : { retryAfterMs },
    );
  }
  if (status === 409) {
    return new PublishError(
      'unknown',
      'WEBHOOK_CONFLICT',
      `The webhook receiver answered 409 for this Idempotency-Key${suffix}; it may already have the post.`,
    );
  }
  if (status >= 400 && status < 500) {
    const code =
      status === 401 || status === 403
        ? 'WEBHOOK_UNAUTHORISED'
        : status === 404 || status === 410
          ? 'WEBHOOK_NOT_FOUND'
          : 'WEBHOOK_REJECTED';
    return new PublishError('permanent', code, `The webhook receiver answered ${status}${suffix}.`);
  }
  return new PublishError(
    'unknown',
    'WEBHOOK_SERVER_ERROR',
    `The webhook receiver answered ${status}${suffix}; it may have received the post.`,
  );
}

/**
 * Retry-After as delay-seconds or an HTTP date, in milliseconds from now; undefined when
 * absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

function headerValue(headers: WebhookAnswer['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A short, single-line excerpt of what the receiver said, for the person reading the error. */
function receiverMessage(body: string): string | null {
  if (body.trim() === '') return null;
  let text = body;
  try {
    const parsed = JSON.parse(body) as unknown;
    const record = parsed as { error?: unknown; message?: unknown };
    const error = record?.error as { message?: unknown } | string | undefined;
    const candidate =
      typeof error === 'string'
        ? error
        : typeof error?.message === 'string'
          ? error.message
          : typeof record?.message === 'string'
            ? record.message
            : null;
    if (candidate) text = candidate;
  } catch {
    // Not JSON: show the text itself.
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
