import { createHash } from 'node:crypto';
import type * as Atproto from '@atproto/api';
import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformReply,
  type PlatformAdapter,
  type PlatformLimits,
  type PublishRequest,
  type PublishResult,
  type ReconcileResult,
  type VerifyResult,
  PublishError,
  variantOptions,
  isPublishError,
} from '../adapter';
import {
  type MediaFetcher,
  classifyNetworkError,
  excerpt,
  fetchMediaOverHttp,
  requireString,
  retryAfterOf,
} from '../http/platform-http';
import { type BlueskyFacet, buildFacets } from './bluesky-facets';
import { TID_PATTERN, publicationRecordKey } from './bluesky-tid';
import { blueskyOptionsSchema } from '@postplan/contracts';

/**
 * @atproto/api is loaded on first use, not with the registry: every process registers every
 * adapter, and most never publish to this platform (the client is a large module graph,
 * several megabytes of a worker's memory).
 */
const atproto = (): typeof Atproto =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@atproto/api') as typeof Atproto;

/** Variant options, defined with the API's contracts (libs/contracts/src/variant-options.ts). */
export { blueskyOptionsSchema };

/**
 * Bluesky through the AT Protocol: an app password opens a session on the account's PDS
 * (cached per channel, refreshed by the client), and each publication is written as an
 * `app.bsky.feed.post` record under a record key chosen by Postplan. The key is derived from
 * the publication and checkpointed before the write, so every attempt writes the same
 * record: a retry finds "already a value at key" and confirms it with getRecord instead of
 * posting twice. Reference: docs.bsky.app (com.atproto.repo.createRecord, app.bsky.feed.post,
 * app.bsky.richtext.facet, app.bsky.embed.images, com.atproto.repo.uploadBlob).
 */

export const BLUESKY_DEFAULT_SERVICE = 'https://bsky.social';
export const BLUESKY_DEFAULT_APP_URL = 'https://bsky.app';
const POST_COLLECTION = 'app.bsky.feed.post';

export const BLUESKY_LIMITS: PlatformLimits = {
  // 300 graphemes; the record also may not exceed 3,000 UTF-8 bytes (BLUESKY_TEXT_BYTES).
  text: { max: 300, unit: 'graphemes' },
  media: {
    maxCount: 4,
    // The PDS refuses image blobs over 1,000,000 bytes for app.bsky.embed.images.
    maxImageBytes: 1_000_000,
    maxVideoBytes: 100_000_000,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    // Bluesky crops nothing; videos up to 3 minutes (since 2025).
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: 3 * 60_000,
    required: false,
  },
  concurrency: 1,
  // The PDS allows 5,000 write points per hour (a create costs 3): about 27 posts a minute.
  perMinute: 25,
};
export const BLUESKY_TEXT_BYTES = 3000;
/** Alt text of an image: Bluesky's apps allow 2,000 graphemes. */
export const BLUESKY_ALT_TEXT_MAX = 2000;

/** Variant options the editor stores for a Bluesky post. */

const settingsSchema = z.object({
  /** The account's PDS; bsky.social for most accounts. */
  service: z.url({ protocol: /^https?$/ }).optional(),
  /** Handle (alice.bsky.social), e-mail or DID: what the account logs in with. */
  identifier: z.string().trim().min(1),
  /** Where links to posts point; bsky.app unless the channel says otherwise. */
  appUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export type BlueskyAdapterOptions = {
  /** Milliseconds for each call to the PDS. Default 15 s. */
  timeoutMs?: number;
  /** Reads an approved medium's bytes; over HTTP from its URL by default. */
  fetchMedia?: MediaFetcher;
  now?: () => number;
};

type Checkpoint = { rkey: string; createdAt: string };

type Session = { agent: Atproto.AtpAgent; did: string; handle: string };

type ThreadNode = {
  $type?: string;
  post?: {
    uri: string;
    author: { handle: string; displayName?: string };
    record: unknown;
    indexedAt: string;
  };
  replies?: unknown[];
};

export function createBlueskyAdapter(options: BlueskyAdapterOptions = {}): PlatformAdapter {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;
  const now = options.now ?? Date.now;
  // One logged-in client per channel and password: createSession is rate limited hard
  // (30 per 5 minutes), so it runs once and the client refreshes its tokens itself.
  const sessions = new Map<string, Promise<Session>>();

  const timedFetch: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    });

  function configOf(channel: ChannelTarget) {
    const parsed = settingsSchema.safeParse(channel.settings);
    if (!parsed.success) {
      throw new PublishError(
        'permanent',
        'BLUESKY_SETTINGS_INVALID',
        `The channel "${channel.name}" needs a Bluesky handle (and a valid server address, if one is set).`,
      );
    }
    const password = requireString(
      channel.credentials?.['appPassword'],
      'BLUESKY_APP_PASSWORD_MISSING',
      `The channel "${channel.name}" has no Bluesky app password; connect it again.`,
    );
    return {
      service: (parsed.data.service ?? BLUESKY_DEFAULT_SERVICE).replace(/\/+$/, ''),
      identifier: parsed.data.identifier,
      appUrl: (parsed.data.appUrl ?? BLUESKY_DEFAULT_APP_URL).replace(/\/+$/, ''),
      password,
    };
  }

  function sessionFor(channel: ChannelTarget, signal: AbortSignal): Promise<Session> {
    const config = configOf(channel);
    const key = [
      channel.id,
      config.service,
      config.identifier,
      createHash('sha256').update(config.password).digest('hex'),
    ].join('\n');
    let session = sessions.get(key);
    if (!session) {
      session = (async () => {
        const agent = new (atproto().AtpAgent)({ service: config.service, fetch: timedFetch });
        signal.throwIfAborted();
        await agent.login({ identifier: config.identifier, password: config.password });
        const data = agent.session;
        if (!data) throw new Error('no session after login');
        return { agent, did: data.did, handle: data.handle };
      })();
      sessions.set(key, session);
      // A failed login is not cached: the next attempt (perhaps with a new password) logs in.
      session.catch(() => sessions.delete(key));
    }
    return session;
  }

  function postUrl(channel: ChannelTarget, did: string, rkey: string): string {
    return `${configOf(channel).appUrl}/profile/${did}/post/${rkey}`;
  }

  async function readPost(session: Session, rkey: string, signal: AbortSignal) {
    try {
      const res = await session.agent.com.atproto.repo.getRecord(
        { repo: session.did, collection: POST_COLLECTION, rkey },
        { signal },
      );
      return res.data;
    } catch (e) {
      if (e instanceof atproto().XRPCError) {
        const status = e.status as number;
        if (e.error === 'RecordNotFound' || status === 404) return null;
        if (status === 400 && /not found/i.test(e.message)) return null;
      }
      throw e;
    }
  }

  async function uploadImages(
    request: PublishRequest,
    session: Session,
  ): Promise<Record<string, unknown> | undefined> {
    const images = request.content.media.filter((m) => m.mimeType.startsWith('image/'));
    if (request.content.media.length !== images.length) {
      throw new PublishError(
        'permanent',
        'MEDIA_NOT_SUPPORTED',
        'Postplan publishes images to Bluesky; remove the video from this variant.',
      );
    }
    if (images.length === 0) return undefined;
    if (images.length > BLUESKY_LIMITS.media!.maxCount) {
      throw new PublishError(
        'permanent',
        'TOO_MANY_MEDIA',
        `Bluesky takes at most ${BLUESKY_LIMITS.media!.maxCount} images; this variant has ${images.length}.`,
      );
    }
    const uploaded = [];
    for (const image of images) {
      const bytes = await fetchMedia(image, request.signal);
      if (bytes.length > BLUESKY_LIMITS.media!.maxImageBytes!) {
        throw new PublishError(
          'permanent',
          'MEDIA_TOO_LARGE',
          `The image ${image.id} has ${bytes.length} bytes; Bluesky takes at most 1,000,000.`,
        );
      }
      const blob = await session.agent.com.atproto.repo.uploadBlob(bytes, {
        encoding: image.mimeType,
        signal: request.signal,
      });
      uploaded.push({
        image: blob.data.blob,
        alt: [...(image.altText ?? '')].slice(0, BLUESKY_ALT_TEXT_MAX).join(''),
        ...(image.width && image.height
          ? { aspectRatio: { width: image.width, height: image.height } }
          : {}),
      });
    }
    return { $type: 'app.bsky.embed.images', images: uploaded };
  }

  async function buildRecord(request: PublishRequest, session: Session, createdAt: string) {
    const text = request.content.text;
    if (new TextEncoder().encode(text).length > BLUESKY_TEXT_BYTES) {
      throw new PublishError(
        'permanent',
        'TEXT_TOO_LONG',
        `The text is over Bluesky's ${BLUESKY_TEXT_BYTES} bytes.`,
      );
    }
    const options = variantOptions(
      blueskyOptionsSchema,
      request,
      'The Bluesky options of this variant are invalid (languages: at most three codes such as "de").',
    );
    const facets: BlueskyFacet[] = await buildFacets(text, async (handle) => {
      try {
        const res = await session.agent.com.atproto.identity.resolveHandle(
          { handle },
          { signal: request.signal },
        );
        return res.data.did;
      } catch {
        return null;
      }
    });
    const embed = await uploadImages(request, session);
    return {
      $type: POST_COLLECTION,
      text,
      createdAt,
      ...(facets.length > 0 ? { facets } : {}),
      ...(embed ? { embed } : {}),
      ...(options.langs ? { langs: options.langs } : {}),
    };
  }

  /**
   * The `firstComment` option as a reply to the post (Bluesky has no comments). Its record key
   * is derived like the post's and written with putRecord, an upsert: a retry after the post
   * went out writes the same reply again instead of a second one. Best effort: the post is out,
   * so a failed reply never turns it into a failure.
   */
  async function replyOnce(
    request: PublishRequest,
    session: Session,
    parent: { uri: string; cid: string },
    createdAt: string,
  ): Promise<void> {
    const options = blueskyOptionsSchema.safeParse(request.content.options);
    const text = options.success ? options.data.firstComment : undefined;
    if (!text) return;
    try {
      const facets = await buildFacets(text, () => Promise.resolve(null));
      await session.agent.com.atproto.repo.putRecord(
        {
          repo: session.did,
          collection: POST_COLLECTION,
          rkey: publicationRecordKey(`${request.idempotencyKey}:reply`, request.content.plannedAt),
          record: {
            $type: POST_COLLECTION,
            text,
            createdAt,
            reply: { root: parent, parent },
            ...(facets.length > 0 ? { facets } : {}),
            ...(options.data?.langs ? { langs: options.data.langs } : {}),
          },
          validate: true,
        },
        { signal: request.signal },
      );
    } catch {
      // The post counts without its reply.
    }
  }

  function checkpointOf(request: PublishRequest): Checkpoint | null {
    const rkey = request.checkpoint?.['rkey'];
    const createdAt = request.checkpoint?.['createdAt'];
    return typeof rkey === 'string' && TID_PATTERN.test(rkey) && typeof createdAt === 'string'
      ? { rkey, createdAt }
      : null;
  }

  /** The stored record is this publication's when its text is the approved text. */
  function isOurs(value: unknown, request: PublishRequest): boolean {
    return (
      value !== null &&
      typeof value === 'object' &&
      (value as { text?: unknown }).text === request.content.text
    );
  }

  return {
    platform: 'bluesky',
    limits: BLUESKY_LIMITS,
    // The record key is chosen by Postplan and checkpointed before the write, so two attempts
    // write the same record: the second finds it and confirms it, it never posts twice.
    idempotent: true,

    async publish(request: PublishRequest): Promise<PublishResult> {
      try {
        const session = await sessionFor(request.channel, request.signal);
        let checkpoint = checkpointOf(request);
        if (!checkpoint) {
          checkpoint = {
            rkey: publicationRecordKey(request.idempotencyKey, request.content.plannedAt),
            createdAt: new Date(now()).toISOString(),
          };
          await request.saveCheckpoint(checkpoint);
        }
        const { rkey } = checkpoint;
        const existing = await readPost(session, rkey, request.signal);
        if (existing) {
          const result = confirmed(request, session, rkey, existing.value);
          if (existing.cid)
            await replyOnce(
              request,
              session,
              { uri: existing.uri, cid: existing.cid },
              checkpoint.createdAt,
            );
          return result;
        }

        const record = await buildRecord(request, session, checkpoint.createdAt);
        try {
          const res = await session.agent.com.atproto.repo.createRecord(
            { repo: session.did, collection: POST_COLLECTION, rkey, record, validate: true },
            { signal: request.signal },
          );
          await replyOnce(request, session, res.data, checkpoint.createdAt);
          return { platformPostId: res.data.uri, url: postUrl(request.channel, session.did, rkey) };
        } catch (e) {
          // A second write to the same key answers 500 "already a value at key": the first
          // one went through. Read it back rather than guess.
          if (e instanceof atproto().XRPCError && (e.status as number) >= 500) {
            const found = await readPost(session, rkey, request.signal);
            if (found) return confirmed(request, session, rkey, found.value);
          }
          throw e;
        }
      } catch (e) {
        throw classifyBlueskyError(e, now());
      }
    },

    async reconcile(request: PublishRequest): Promise<ReconcileResult> {
      const checkpoint = checkpointOf(request);
      const rkey =
        checkpoint?.rkey ?? publicationRecordKey(request.idempotencyKey, request.content.plannedAt);
      try {
        const session = await sessionFor(request.channel, request.signal);
        const found = await readPost(session, rkey, request.signal);
        if (!found) return { status: 'absent' };
        if (!isOurs(found.value, request)) {
          return {
            status: 'unknown',
            reason: `The record ${rkey} holds a different text; a person should look at the account.`,
          };
        }
        return {
          status: 'published',
          platformPostId: found.uri,
          url: postUrl(request.channel, session.did, rkey),
        };
      } catch (e) {
        const error = classifyBlueskyError(e, now());
        return { status: 'unknown', reason: error.message };
      }
    },

    /**
     * The replies under one of our posts from `app.bsky.feed.getPostThread` (through the PDS,
     * which asks the AppView), every level the thread answers; blocked and deleted replies
     * are left out.
     */
    async listReplies(
      channel: ChannelTarget,
      platformPostId: string,
      since: Date | null,
      signal: AbortSignal,
    ): Promise<PlatformReply[]> {
      try {
        const session = await sessionFor(channel, signal);
        const res = await session.agent.app.bsky.feed.getPostThread(
          { uri: platformPostId, depth: 1000, parentHeight: 0 },
          { signal },
        );
        const out: PlatformReply[] = [];
        const walk = (node: unknown, parent: string | null) => {
          const view = node as ThreadNode;
          if (view?.$type !== 'app.bsky.feed.defs#threadViewPost' || !view.post) return;
          const record = view.post.record as { text?: unknown; createdAt?: unknown };
          if (parent !== null) {
            const createdAt =
              typeof record.createdAt === 'string' ? record.createdAt : view.post.indexedAt;
            out.push({
              id: view.post.uri,
              authorHandle: view.post.author.handle,
              authorName: view.post.author.displayName ?? null,
              text: typeof record.text === 'string' ? record.text : '',
              createdAt: new Date(createdAt).toISOString(),
              parentId: parent === platformPostId ? null : parent,
            });
          }
          for (const reply of view.replies ?? []) walk(reply, view.post.uri);
        };
        walk(res.data.thread, null);
        return out
          .filter((r) => !since || Date.parse(r.createdAt) >= since.getTime())
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      } catch (e) {
        throw classifyBlueskyError(e, now());
      }
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const session = await sessionFor(channel, signal);
        return { ok: true, accountName: `@${session.handle}`, expiresAt: null };
      } catch (e) {
        return { ok: false, error: classifyBlueskyError(e, now()) };
      }
    },
  };

  function confirmed(
    request: PublishRequest,
    session: Session,
    rkey: string,
    value: unknown,
  ): PublishResult {
    if (!isOurs(value, request)) {
      throw new PublishError(
        'permanent',
        'RECORD_KEY_TAKEN',
        `The Bluesky record ${rkey} already holds a different post; nothing was sent.`,
      );
    }
    return {
      platformPostId: `at://${session.did}/${POST_COLLECTION}/${rkey}`,
      url: postUrl(request.channel, session.did, rkey),
    };
  }
}

/**
 * What a failure means. With a client-chosen record key every attempt writes the same record,
 * so anything that may or may not have reached the PDS is safe to retry: retryable. Refusals
 * of the request itself (validation, a bad password, a taken-down account) are permanent.
 */
export function classifyBlueskyError(e: unknown, nowMs: number): PublishError {
  if (isPublishError(e)) return e;
  if (!(e instanceof atproto().XRPCError)) {
    return classifyNetworkError('Bluesky', e, false, true);
  }
  const said = excerpt(e.message);
  const status = e.status as number;
  if (status === 429 || e.error === 'RateLimitExceeded') {
    const headers = new Headers(
      Object.entries(e.headers ?? {}).filter((h): h is [string, string] => h[1] !== undefined),
    );
    const retryAfterMs = retryAfterOf(headers, nowMs);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `Bluesky asks to slow down: ${said}`,
      retryAfterMs === undefined ? { cause: e } : { retryAfterMs, cause: e },
    );
  }
  if (status === 401 || e.error === 'AuthenticationRequired' || e.error === 'ExpiredToken') {
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `Bluesky did not accept the app password: ${said}. Create a new app password and connect the channel again.`,
      { cause: e },
    );
  }
  if (e.error === 'AccountTakedown' || e.error === 'AccountDeactivated' || status === 403) {
    return new PublishError('permanent', 'ACCOUNT_UNAVAILABLE', `Bluesky refused: ${said}`, {
      cause: e,
    });
  }
  if (status >= 400 && status < 500) {
    return new PublishError('permanent', 'BLUESKY_REJECTED', `Bluesky refused the post: ${said}`, {
      cause: e,
    });
  }
  if (status >= 500) {
    return new PublishError(
      'retryable',
      'BLUESKY_UNAVAILABLE',
      `Bluesky answered ${status}: ${said}`,
      { cause: e },
    );
  }
  // Status 1 ("unknown"): the fetch itself failed; its cause says how.
  const timedOut =
    e.cause instanceof Error && (e.cause.name === 'TimeoutError' || e.cause.name === 'AbortError');
  return classifyNetworkError('Bluesky', e, timedOut, true);
}
