import { type PublishMedia, PublishError } from '../adapter';
import { parseRetryAfter } from '../webhook/webhook.adapter';

/**
 * The HTTP plumbing the fetch-based adapters share: a call with a deadline, and what a
 * failure that never produced an answer means. A platform's own answers (status codes,
 * error bodies) are classified by its adapter, which knows what they mean.
 */

export type HttpAnswer = {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; null when it is empty or not JSON. */
  json: unknown;
};

export type HttpCall = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData | Blob;
  /** The whole call, answer included. */
  timeoutMs: number;
  /** The caller's signal (the lease). */
  signal: AbortSignal;
};

/** Error codes of Node's network stack that mean the request never reached the platform. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

function causeCode(e: unknown): string | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What a call that got no answer means. Refused, unresolvable or untrusted: nothing was sent,
 * so retryable. A timeout or a dropped connection: the request may have arrived, so unknown
 * (unless the adapter knows a retry is harmless and says so with `sentIsRetryable`).
 */
export function classifyNetworkError(
  platformName: string,
  e: unknown,
  timedOut: boolean,
  sentIsRetryable = false,
): PublishError {
  if (e instanceof PublishError) return e;
  const code = causeCode(e);
  if (code !== undefined && NOT_SENT.has(code)) {
    return new PublishError(
      'retryable',
      'PLATFORM_UNREACHABLE',
      `${platformName} could not be reached (${code}); nothing was sent.`,
      { cause: e },
    );
  }
  const errorClass = sentIsRetryable ? 'retryable' : 'unknown';
  if (timedOut) {
    return new PublishError(
      errorClass,
      'TIMEOUT_AFTER_SEND',
      `${platformName} did not answer in time; the post may have gone out.`,
      { cause: e },
    );
  }
  return new PublishError(
    errorClass,
    'CONNECTION_LOST',
    `The connection to ${platformName} broke${code ? ` (${code})` : ''}; the post may have gone out.`,
    { cause: e },
  );
}

/** One HTTP call with a deadline; rejects only with a PublishError. */
export async function httpCall(
  platformName: string,
  url: string,
  call: HttpCall,
  options: { sentIsRetryable?: boolean } = {},
): Promise<HttpAnswer> {
  const deadline = AbortSignal.timeout(call.timeoutMs);
  try {
    const res = await fetch(url, {
      method: call.method ?? 'GET',
      headers: call.headers ?? {},
      body: call.body ?? null,
      signal: AbortSignal.any([call.signal, deadline]),
      redirect: 'manual',
    });
    const text = await res.text();
    let json: unknown = null;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    return { status: res.status, headers: res.headers, text, json };
  } catch (e) {
    throw classifyNetworkError(platformName, e, deadline.aborted, options.sentIsRetryable);
  }
}

/**
 * The wait a rate-limited answer asks for: Retry-After (seconds or a date), else a reset
 * header (an ISO date like Mastodon's X-RateLimit-Reset, or epoch seconds like Bluesky's
 * RateLimit-Reset and X's x-rate-limit-reset).
 */
export function retryAfterOf(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after') ?? undefined, nowMs);
  if (retryAfter !== undefined) return retryAfter;
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'x-rate-limit-reset']) {
    const value = headers.get(name)?.trim();
    if (!value) continue;
    const at = /^\d{9,11}$/.test(value) ? Number(value) * 1000 : Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  return undefined;
}

/** How an adapter gets the bytes of an approved medium; tests inject their own. */
export type MediaFetcher = (
  media: PublishMedia,
  signal: AbortSignal,
) => Promise<Uint8Array<ArrayBuffer>>;

export const fetchMediaOverHttp: MediaFetcher = async (media, signal) => {
  let res: Response;
  try {
    res = await fetch(media.url, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(30_000)]),
    });
  } catch (e) {
    throw new PublishError(
      'retryable',
      'MEDIA_UNAVAILABLE',
      `The medium ${media.id} could not be read; nothing was sent.`,
      { cause: e },
    );
  }
  if (!res.ok) {
    throw new PublishError(
      res.status >= 500 ? 'retryable' : 'permanent',
      'MEDIA_UNAVAILABLE',
      `The medium ${media.id} could not be read (HTTP ${res.status}); nothing was sent.`,
    );
  }
  return new Uint8Array(await res.arrayBuffer());
};

/** A short, single-line excerpt of what a platform said, for the person reading the error. */
export function excerpt(text: string | undefined | null, max = 200): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A required string setting or credential, or a permanent error naming it. */
export function requireString(value: unknown, code: string, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PublishError('permanent', code, message);
  }
  return value.trim();
}
