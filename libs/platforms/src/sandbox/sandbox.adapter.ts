import {
  type ChannelTarget,
  type PlatformAdapter,
  type PlatformReply,
  type PlatformLimits,
  PublishError,
  type PublishRequest,
  type PublishResult,
  type ReconcileResult,
} from '../adapter';
import { sandboxOptionsSchema } from '@postplan/contracts';
import { request } from 'undici';
import { deadline } from '../deadline';
import { classifyHttpFailure, parseRetryAfterHeader } from '../http-errors';

/**
 * The sandbox: a tiny platform built into Postplan (and faked for tests by sandbox.fake.ts),
 * so a new workspace sees posts go out end to end. Its HTTP API:
 *
 *   POST {baseUrl}/posts   Idempotency-Key: <publication id>   { channelId, title, text, media, firstComment? }
 *        media: [{ url, mimeType, altText }] in order (the sandbox keeps the links, not the bytes)
 *        201 { id, url } | 409 { error: 'DUPLICATE', existing: { id, url } } (same key again)
 *        400/422 validation, 429 + Retry-After, 503 (documented as "not applied"), other 5xx
 *   GET  {baseUrl}/posts?idempotencyKey=<key>   200 { id, url } | 404
 *   GET  {baseUrl}/posts/<id>/comments?since=<ISO>
 *        200 { items: [{ id, author, text, createdAt, replyTo }] } | 404
 */
export class SandboxAdapter implements PlatformAdapter {
  readonly platform = 'sandbox' as const;
  readonly limits: PlatformLimits = {
    // As the wording engine's profile says: the sandbox takes any text.
    text: null,
    // Takes what the media library takes, so a post with images goes out end to end.
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
        'video/webm',
      ],
      aspectRatio: { image: null, video: null },
      maxVideoDurationMs: null,
      required: false,
    },
    concurrency: 8,
    perMinute: null,
  };
  /**
   * The sandbox deduplicates on the idempotency key, but an expired lease still becomes
   * unconfirmed and is resolved by asking (reconcile): the engine never re-sends on a guess.
   */
  readonly idempotent = false;

  constructor(
    private readonly options: {
      /** e.g. http://127.0.0.1:3000/api/sandbox */
      baseUrl: string;
      /** Give up on one call after this long; the outcome is then unknown. */
      timeoutMs: number;
    },
  ) {}

  async publish(req: PublishRequest): Promise<PublishResult> {
    const options = sandboxOptionsSchema.safeParse(req.content.options);
    if (!options.success) {
      throw new PublishError(
        'permanent',
        'OPTIONS_INVALID',
        'The sandbox takes only a first comment as an option.',
      );
    }
    const { signal, done } = deadline(req.signal, this.options.timeoutMs);
    let res: { status: number; headers: Headers; body: SandboxAnswer | null };
    try {
      res = await post(`${this.options.baseUrl}/posts`, {
        headers: { 'content-type': 'application/json', 'idempotency-key': req.idempotencyKey },
        body: JSON.stringify({
          channelId: req.channel.id,
          title: req.content.title ?? '',
          text: req.content.text,
          media: req.content.media.map((m) => ({
            url: m.url,
            mimeType: m.mimeType,
            altText: m.altText,
          })),
          ...(options.data.firstComment ? { firstComment: options.data.firstComment } : {}),
        }),
        signal,
      });
    } catch (e) {
      throw networkFailure(e);
    } finally {
      done();
    }
    const body = res.body;
    if (res.status === 201 || res.status === 200) return resultOf(body);
    if (res.status === 409 && body?.existing) {
      // The same key was posted before: that post is ours, and it is online.
      return resultOf(body.existing);
    }
    if (res.status === 503) {
      throw new PublishError('retryable', 'PLATFORM_UNAVAILABLE', 'The sandbox is unavailable.', {
        retryAfterMs: parseRetryAfterHeader(res.headers.get('retry-after')),
      });
    }
    throw classifyHttpFailure(res.status, res.headers, body?.message);
  }

  async reconcile(req: PublishRequest): Promise<ReconcileResult> {
    const url = `${this.options.baseUrl}/posts?idempotencyKey=${encodeURIComponent(req.idempotencyKey)}`;
    const { signal, done } = deadline(req.signal, this.options.timeoutMs);
    try {
      const res = await fetch(url, { signal });
      if (res.status === 404) return { status: 'absent' };
      if (res.status === 200) {
        const r = resultOf((await res.json()) as SandboxAnswer);
        return { status: 'published', ...r };
      }
      return { status: 'unknown', reason: `The sandbox answered ${res.status}.` };
    } finally {
      done();
    }
  }

  async listReplies(
    _channel: ChannelTarget,
    platformPostId: string,
    since: Date | null,
    outer: AbortSignal,
  ): Promise<PlatformReply[]> {
    const query = since ? `?since=${encodeURIComponent(since.toISOString())}` : '';
    const url = `${this.options.baseUrl}/posts/${encodeURIComponent(platformPostId)}/comments${query}`;
    const { signal, done } = deadline(outer, this.options.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, { signal });
    } catch (e) {
      done();
      throw networkFailure(e);
    }
    const body = (await res.json().catch(() => null)) as { items?: SandboxComment[] } | null;
    done();
    if (res.status === 404) {
      throw new PublishError('permanent', 'POST_NOT_FOUND', 'The sandbox has no such post.');
    }
    if (res.status !== 200 || !Array.isArray(body?.items)) {
      throw classifyHttpFailure(res.status, res.headers, undefined);
    }
    return body.items.map((c) => ({
      id: c.id,
      authorHandle: c.author.replace(/^@+/, ''),
      authorName: null,
      text: c.text,
      createdAt: new Date(c.createdAt).toISOString(),
      parentId: c.replyTo,
    }));
  }
}

/**
 * One POST through undici's request API rather than fetch: the publishing path makes one of
 * these per publication, and fetch's WHATWG layers (web streams, a Request and a Response
 * object, a signal of its own) cost about three times the CPU of this request on loopback.
 * The answer is read whole (an unread body would hold its connection); headers come back as
 * Headers so the shared classification reads them as from fetch.
 */
async function post(
  url: string,
  init: { headers: Record<string, string>; body: string; signal: AbortSignal },
): Promise<{ status: number; headers: Headers; body: SandboxAnswer | null }> {
  const res = await request(url, { method: 'POST', ...init });
  const text = await res.body.text();
  let body: SandboxAnswer | null = null;
  try {
    body = text ? (JSON.parse(text) as SandboxAnswer) : null;
  } catch {
    body = null;
  }
  const headers = new Headers();
  if (res.statusCode !== 201 && res.statusCode !== 200) {
    for (const [k, v] of Object.entries(res.headers)) {
      if (typeof v === 'string') headers.set(k, v);
      else if (Array.isArray(v)) for (const one of v) headers.append(k, one);
    }
  }
  return { status: res.statusCode, headers, body };
}

type SandboxComment = {
  id: string;
  author: string;
  text: string;
  createdAt: string;
  replyTo: string | null;
};

type SandboxAnswer = {
  id?: string;
  url?: string | null;
  message?: string;
  existing?: { id: string; url: string | null };
};

function resultOf(body: SandboxAnswer | null): PublishResult {
  if (!body?.id) {
    throw new PublishError('unknown', 'MALFORMED_ANSWER', 'The sandbox answered without an id.');
  }
  return { platformPostId: body.id, url: body.url ?? null };
}

/** Before an answer: refused connections sent nothing; a timeout may have sent everything. */
export function networkFailure(e: unknown): PublishError {
  const cause = (e as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new PublishError(
      'retryable',
      'CONNECTION_REFUSED',
      'The platform could not be reached.',
      {
        cause: e,
      },
    );
  }
  const name = (e as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new PublishError(
      'unknown',
      'TIMEOUT_AFTER_SEND',
      'The platform did not answer in time; the post may have gone out.',
      { cause: e },
    );
  }
  return new PublishError('unknown', 'CONNECTION_LOST', 'The connection broke during the call.', {
    cause: e,
  });
}
