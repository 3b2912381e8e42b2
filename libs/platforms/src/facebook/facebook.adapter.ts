import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformReply,
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
} from '../http/platform-http';

/**
 * Facebook Pages through the Graph API with a Page access token (pages_manage_posts,
 * pages_read_engagement): text and links to `/{page-id}/feed`; one photo to
 * `/{page-id}/photos`; several photos uploaded unpublished and attached to one feed post
 * (`attached_media`). Reference: developers.facebook.com/docs/pages-api/posts,
 * /docs/graph-api/guides/error-handling, /docs/graph-api/overview/rate-limiting.
 *
 * Plain fetch: Meta's Node SDK targets the Marketing API and carries a restrictive licence.
 */

export const FACEBOOK_DEFAULT_GRAPH = 'https://graph.facebook.com';
export const FACEBOOK_DEFAULT_VERSION = 'v23.0';

export const FACEBOOK_LIMITS: PlatformLimits = {
  text: { max: 63206, unit: 'utf16' },
  media: {
    maxCount: 10,
    maxImageBytes: 4 * 1024 * 1024,
    maxVideoBytes: null,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: null,
    required: false,
  },
  concurrency: 1,
  perMinute: 30,
};

export const facebookOptionsSchema = z
  .object({
    /** A link shown as a card under the text. */
    link: z.url({ protocol: /^https?$/ }).optional(),
    /** Posted as the first comment under the post, as the page. */
    firstComment: z.string().min(1).max(8000).optional(),
  })
  .strict();

export type FacebookAdapterOptions = {
  graphBase?: string;
  version?: string;
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
  now?: () => number;
};

type FacebookComment = {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  parent?: { id: string };
};

type GraphError = { message?: string; type?: string; code?: number; error_subcode?: number };

export function createFacebookAdapter(options: FacebookAdapterOptions = {}): PlatformAdapter {
  const base = `${(options.graphBase ?? FACEBOOK_DEFAULT_GRAPH).replace(/\/+$/, '')}/${options.version ?? FACEBOOK_DEFAULT_VERSION}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;

  function configOf(channel: ChannelTarget) {
    const pageId = channel.settings['pageId'];
    if (typeof pageId !== 'string' || !/^\d{5,25}$/.test(pageId)) {
      throw new PublishError(
        'permanent',
        'FACEBOOK_SETTINGS_INVALID',
        `The channel "${channel.name}" needs the numeric id of its Facebook Page.`,
      );
    }
    const token = requireString(
      channel.credentials?.['pageAccessToken'],
      'FACEBOOK_TOKEN_MISSING',
      `The channel "${channel.name}" has no Page access token; connect it again.`,
    );
    return { pageId, token };
  }

  const graph = (
    token: string,
    path: string,
    signal: AbortSignal,
    body?: FormData | Record<string, unknown>,
  ) =>
    httpCall('Facebook', `${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
      timeoutMs,
      signal,
    });

  async function photo(
    request: PublishRequest,
    token: string,
    pageId: string,
    index: number,
    published: boolean,
    caption?: string,
  ) {
    const media = request.content.media[index]!;
    const form = new FormData();
    form.append(
      'source',
      new Blob([await fetchMedia(media, request.signal)], { type: media.mimeType }),
      media.id,
    );
    form.append('published', String(published));
    if (caption) form.append('message', caption);
    if (media.altText) form.append('alt_text_custom', media.altText);
    const answer = await graph(token, `/${pageId}/photos`, request.signal, form);
    if (answer.status !== 200) throw classifyFacebookAnswer(answer, published ? 'post' : 'upload');
    return answer.json as { id: string; post_id?: string };
  }

  return {
    platform: 'facebook',
    limits: FACEBOOK_LIMITS,
    // The Graph API takes no idempotency key; an interrupted post waits for a person.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const { pageId, token } = configOf(request.channel);
      const opts = variantOptions(
        facebookOptionsSchema,
        request,
        'The Facebook options of this variant are invalid.',
      );
      const { text, media } = request.content;
      if (media.length > FACEBOOK_LIMITS.media!.maxCount)
        throw new PublishError(
          'permanent',
          'TOO_MANY_MEDIA',
          'Postplan posts at most 10 photos to a Page.',
        );
      if (media.some((m) => !FACEBOOK_LIMITS.media!.mimeTypes.includes(m.mimeType))) {
        throw new PublishError(
          'permanent',
          'MEDIA_NOT_SUPPORTED',
          'Postplan posts photos (JPEG, PNG, GIF) to Facebook Pages.',
        );
      }
      let postId: string;
      if (media.length === 1) {
        const posted = await photo(request, token, pageId, 0, true, text);
        postId = posted.post_id ?? posted.id;
      } else {
        const attached: { media_fbid: string }[] = [];
        for (let i = 0; i < media.length; i++)
          attached.push({ media_fbid: (await photo(request, token, pageId, i, false)).id });
        const answer = await graph(token, `/${pageId}/feed`, request.signal, {
          message: text,
          ...(opts.link && media.length === 0 ? { link: opts.link } : {}),
          ...(attached.length > 0 ? { attached_media: attached } : {}),
        });
        if (answer.status !== 200) throw classifyFacebookAnswer(answer, 'post');
        postId = (answer.json as { id: string }).id;
      }
      if (opts.firstComment) {
        await graph(token, `/${postId}/comments`, request.signal, {
          message: opts.firstComment,
        }).catch(() => undefined);
      }
      return { platformPostId: postId, url: `https://www.facebook.com/${postId}` };
    },

    /**
     * Comments and replies on one of the Page's posts: `GET /{post-id}/comments?filter=stream`
     * (every level in one chronological list, replies with `parent`), following `paging.next`.
     * A Facebook user has no handle: the app-scoped id stands in, the name comes along.
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
        `/${encodeURIComponent(platformPostId)}/comments?filter=stream&fields=id,message,created_time,from,parent&limit=100`;
      for (let page = 0; path && page < 40; page++) {
        const answer = await graph(token, path, signal);
        if (answer.status !== 200) throw classifyFacebookAnswer(answer, 'upload');
        const body = answer.json as { data?: FacebookComment[]; paging?: { next?: string } };
        for (const c of body.data ?? []) {
          out.push({
            id: c.id,
            authorHandle: c.from?.id ?? `unknown-${c.id}`,
            authorName: c.from?.name ?? null,
            text: c.message ?? '',
            createdAt: new Date(c.created_time).toISOString(),
            parentId: c.parent?.id ?? null,
          });
        }
        const next = body.paging?.next;
        path = next ? next.replace(/^https?:\/\/[^/]+\/v\d+\.\d+/, '') : null;
      }
      return out
        .filter((r) => !since || Date.parse(r.createdAt) >= since.getTime())
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const { pageId, token } = configOf(channel);
        const answer = await graph(token, `/${pageId}?fields=name`, signal);
        if (answer.status !== 200)
          return { ok: false, error: classifyFacebookAnswer(answer, 'upload') };
        const named = (answer.json as { name?: unknown }).name;
        return { ok: true, accountName: typeof named === 'string' ? named : null, expiresAt: null };
      } catch (e) {
        return {
          ok: false,
          error: isPublishError(e)
            ? e
            : new PublishError('unknown', 'FACEBOOK_FAILED', 'The check failed.', { cause: e }),
        };
      }
    },
  };
}

const RATE_CODES = new Set([4, 17, 32, 613, 80001]);

/**
 * Graph errors: `{ error: { message, type, code, error_subcode } }`. 190 (OAuthException):
 * the token expired or was revoked. 10 / 200-299: a permission is missing. 4, 17, 32, 613,
 * 80001: rate limited (the wait is in X-Business-Use-Case-Usage, minutes). 506: a duplicate
 * status message. 368: the page is temporarily blocked from posting. 1, 2 (and HTTP 5xx):
 * Facebook may have posted: unknown, except while only uploading an unpublished photo.
 */
export function classifyFacebookAnswer(answer: HttpAnswer, step: 'upload' | 'post'): PublishError {
  const error = (answer.json as { error?: GraphError } | null)?.error ?? {};
  const said = excerpt(error.message ?? answer.text);
  const code = error.code ?? 0;
  if (RATE_CODES.has(code) || answer.status === 429) {
    const usage = answer.headers.get('x-business-use-case-usage');
    const minutes = usage
      ? Number(/"estimated_time_to_regain_access":\s*(\d+)/.exec(usage)?.[1])
      : NaN;
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `Facebook asks to slow down: ${said}`,
      Number.isFinite(minutes) ? { retryAfterMs: minutes * 60_000 } : {},
    );
  }
  if (code === 190 || code === 102)
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `Facebook did not accept the Page token (${said}); connect the channel again.`,
    );
  if (code === 10 || (code >= 200 && code < 300))
    return new PublishError('permanent', 'FORBIDDEN', `Facebook refused: ${said}`);
  if (code === 506)
    return new PublishError(
      'permanent',
      'DUPLICATE',
      `Facebook refused the post as a duplicate: ${said}`,
    );
  if (code === 368)
    return new PublishError(
      'permanent',
      'FACEBOOK_BLOCKED',
      `Facebook has blocked the page from posting for now: ${said}`,
    );
  if (answer.status >= 500 || code === 1 || code === 2) {
    return step === 'upload'
      ? new PublishError(
          'retryable',
          'FACEBOOK_UNAVAILABLE',
          `Facebook answered ${answer.status} (${said}) while uploading; nothing was posted.`,
        )
      : new PublishError(
          'unknown',
          'FACEBOOK_SERVER_ERROR',
          `Facebook answered ${answer.status} (${said}); the post may have gone out.`,
        );
  }
  return new PublishError('permanent', 'FACEBOOK_REJECTED', `Facebook refused the post: ${said}`);
}
