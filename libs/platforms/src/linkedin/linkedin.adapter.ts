import { z } from 'zod';
import {
  type ChannelTarget,
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
  type HttpAnswer,
  type MediaFetcher,
  excerpt,
  fetchMediaOverHttp,
  httpCall,
  requireString,
  retryAfterOf,
} from '../http/platform-http';
import { toLittleText } from './linkedin-little-text';
import { linkedinOptionsSchema } from '@postplan/contracts';

/** Variant options, defined with the API's contracts (libs/contracts/src/variant-options.ts). */
export { linkedinOptionsSchema };

/**
 * LinkedIn through the versioned Posts API (`POST /rest/posts`), for a member
 * (urn:li:person, scope w_member_social) or an organisation page (urn:li:organization, scope
 * w_organization_social, the member an ADMINISTRATOR or CONTENT_ADMIN of the page). The post
 * id comes back in the `x-restli-id` header. Images are uploaded through the Images API
 * (initializeUpload, then a PUT of the bytes) and attached with alt text. LinkedIn refuses
 * the same commentary twice with 422 "Content is a duplicate of urn:li:share:…": on a retry
 * that names this publication's own post, which counts as published; on the first attempt
 * it is someone else's, and the publication fails naming it. Reference: learn.microsoft.com/linkedin/
 * marketing/community-management/shares/posts-api, /images-api, /little-text-format.
 *
 * Plain fetch: LinkedIn publishes no maintained Node client for the Posts API.
 */

export const LINKEDIN_DEFAULT_API = 'https://api.linkedin.com';
/** The LinkedIn-Version sent (YYYYMM); LinkedIn supports each version for a year. */
export const LINKEDIN_DEFAULT_VERSION = '202610';

export const LINKEDIN_LIMITS: PlatformLimits = {
  text: { max: 3000, unit: 'utf16' },
  media: {
    maxCount: 20,
    maxImageBytes: 36_152_320,
    maxVideoBytes: null,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
    // Videos 1:2.4 to 2.4:1 and 3 s to 30 min.
    aspectRatio: { image: null, video: { min: 1 / 2.4, max: 2.4 } },
    maxVideoDurationMs: 30 * 60_000,
    required: false,
  },
  concurrency: 1,
  // 150 posts a day per member; 100,000 API calls a day per app.
  perMinute: 10,
};

const settingsSchema = z.object({
  author: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/),
});

export type LinkedinAdapterOptions = {
  apiBase?: string;
  version?: string;
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
  now?: () => number;
};

const name = 'LinkedIn';

export function linkedinPostUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

export function createLinkedinAdapter(options: LinkedinAdapterOptions = {}): PlatformAdapter {
  const apiBase = (options.apiBase ?? LINKEDIN_DEFAULT_API).replace(/\/+$/, '');
  const version = options.version ?? LINKEDIN_DEFAULT_VERSION;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;
  const now = options.now ?? Date.now;

  function configOf(channel: ChannelTarget) {
    const parsed = settingsSchema.safeParse(channel.settings);
    if (!parsed.success) {
      throw new PublishError(
        'permanent',
        'LINKEDIN_SETTINGS_INVALID',
        `The channel "${channel.name}" needs a LinkedIn author (urn:li:organization:… or urn:li:person:…).`,
      );
    }
    const token = requireString(
      channel.credentials?.['accessToken'],
      'LINKEDIN_TOKEN_MISSING',
      `The channel "${channel.name}" has no LinkedIn access token; connect it again.`,
    );
    return { author: parsed.data.author, token };
  }

  const rest = (
    token: string,
    path: string,
    signal: AbortSignal,
    init: { method?: string; json?: unknown } = {},
  ) =>
    httpCall(name, `${apiBase}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        'linkedin-version': version,
        'x-restli-protocol-version': '2.0.0',
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      timeoutMs,
      signal,
    });

  async function uploadImages(request: PublishRequest, token: string, author: string) {
    const ids: { id: string; altText: string }[] = [];
    for (const media of request.content.media) {
      if (!LINKEDIN_LIMITS.media!.mimeTypes.includes(media.mimeType)) {
        throw new PublishError(
          'permanent',
          'MEDIA_NOT_SUPPORTED',
          `Postplan posts JPEG, PNG and GIF images to LinkedIn, not ${media.mimeType}.`,
        );
      }
      const init = await rest(token, '/rest/images?action=initializeUpload', request.signal, {
        method: 'POST',
        json: { initializeUploadRequest: { owner: author } },
      });
      if (init.status !== 200) throw classifyLinkedinAnswer(init, now());
      const value = (init.json as { value?: { uploadUrl?: unknown; image?: unknown } } | null)
        ?.value;
      if (typeof value?.uploadUrl !== 'string' || typeof value.image !== 'string') {
        throw new PublishError(
          'retryable',
          'LINKEDIN_ANSWER_INVALID',
          'LinkedIn did not give an upload address; nothing was posted.',
        );
      }
      const bytes = await fetchMedia(media, request.signal);
      const put = await httpCall(name, value.uploadUrl, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': media.mimeType },
        body: new Blob([bytes], { type: media.mimeType }),
        timeoutMs: Math.max(timeoutMs, 60_000),
        signal: request.signal,
      });
      if (put.status !== 200 && put.status !== 201) throw classifyLinkedinAnswer(put, now());
      ids.push({ id: value.image, altText: (media.altText ?? '').slice(0, 4086) });
    }
    return ids;
  }

  return {
    platform: 'linkedin',
    limits: LINKEDIN_LIMITS,
    // LinkedIn takes no idempotency key; its duplicate check catches a repeat of the same
    // commentary, but only for recent posts, so an interrupted call is reconciled.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const { author, token } = configOf(request.channel);
      const opts = variantOptions(
        linkedinOptionsSchema,
        request,
        'The LinkedIn options of this variant are invalid.',
      );
      if (opts.visibility === 'CONNECTIONS' && author.startsWith('urn:li:organization:')) {
        throw new PublishError(
          'permanent',
          'OPTIONS_INVALID',
          'A LinkedIn page posts publicly; "connections only" is for personal profiles.',
        );
      }
      if (request.content.text.length > LINKEDIN_LIMITS.text!.max) {
        throw new PublishError(
          'permanent',
          'TEXT_TOO_LONG',
          `A LinkedIn post takes at most 3,000 characters; this one has ${request.content.text.length}.`,
        );
      }
      const images = await uploadImages(request, token, author);
      const answer = await rest(token, '/rest/posts', request.signal, {
        method: 'POST',
        json: {
          author,
          commentary: toLittleText(request.content.text),
          visibility: opts.visibility ?? 'PUBLIC',
          distribution: {
            feedDistribution: 'MAIN_FEED',
            targetEntities: [],
            thirdPartyDistributionChannels: [],
          },
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
          ...(images.length === 1
            ? { content: { media: images[0] } }
            : images.length > 1
              ? { content: { multiImage: { images } } }
              : {}),
        },
      });
      if (answer.status !== 201)
        throw notOursOnFirstAttempt(classifyLinkedinAnswer(answer, now()), request);
      const urn = answer.headers.get('x-restli-id');
      if (!urn)
        throw new PublishError(
          'unknown',
          'LINKEDIN_ANSWER_INVALID',
          'LinkedIn answered 201 without naming the post.',
        );
      if (opts.firstComment) {
        // The post is out; a comment that fails must not turn it into a failure.
        await rest(
          token,
          `/rest/socialActions/${encodeURIComponent(urn)}/comments`,
          request.signal,
          {
            method: 'POST',
            json: {
              actor: author,
              object: urn,
              message: { text: toLittleText(opts.firstComment) },
            },
          },
        ).catch(() => undefined);
      }
      return { platformPostId: urn, url: linkedinPostUrl(urn) };
    },

    async reconcile(request: PublishRequest): Promise<ReconcileResult> {
      try {
        const { author, token } = configOf(request.channel);
        const answer = await rest(
          token,
          `/rest/posts?author=${encodeURIComponent(author)}&q=author&count=20&sortBy=CREATED`,
          request.signal,
        );
        if (answer.status !== 200)
          return { status: 'unknown', reason: classifyLinkedinAnswer(answer, now()).message };
        const commentary = toLittleText(request.content.text);
        const elements = ((answer.json as { elements?: unknown } | null)?.elements ?? []) as {
          id?: string;
          commentary?: string;
        }[];
        const match = elements.find((p) => p.commentary === commentary && typeof p.id === 'string');
        if (match?.id)
          return { status: 'published', platformPostId: match.id, url: linkedinPostUrl(match.id) };
        return {
          status: 'unknown',
          reason: 'No matching post among the author’s 20 most recent; a person should look.',
        };
      } catch (e) {
        return {
          status: 'unknown',
          reason: isPublishError(e) ? e.message : 'LinkedIn could not be asked.',
        };
      }
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const { author, token } = configOf(channel);
        const answer = author.startsWith('urn:li:organization:')
          ? await rest(token, `/rest/organizations/${author.split(':').at(-1)}`, signal)
          : await rest(token, '/v2/userinfo', signal);
        if (answer.status !== 200)
          return { ok: false, error: classifyLinkedinAnswer(answer, now()) };
        const body = (answer.json ?? {}) as { localizedName?: unknown; name?: unknown };
        const accountName =
          typeof body.localizedName === 'string'
            ? body.localizedName
            : typeof body.name === 'string'
              ? body.name
              : null;
        return { ok: true, accountName, expiresAt: null };
      } catch (e) {
        return {
          ok: false,
          error: isPublishError(e)
            ? e
            : new PublishError('unknown', 'LINKEDIN_FAILED', 'The check failed.', { cause: e }),
        };
      }
    },
  };
}

const DUPLICATE = /duplicate of (urn:li:(?:share|ugcPost):\d+)/i;

/**
 * LinkedIn's duplicate check compares the text, not who sent it. On a retry the post it names
 * is this publication's own (an earlier attempt went through unseen); on the first attempt it
 * cannot be: the same text is already on the page from elsewhere (by hand, another post), and
 * taking it as published would show someone else's post as this one. That fails, naming it.
 */
function notOursOnFirstAttempt(e: PublishError, request: PublishRequest): PublishError {
  const existing = e.options.existing;
  if (!existing || request.attempt > 1) return e;
  return new PublishError(
    'permanent',
    'DUPLICATE_POST',
    `LinkedIn already has a post with this text (${existing.url}), from before Postplan sent this one. Change the text to post it again, or mark this one as online with that link.`,
  );
}

/**
 * 401 INVALID_ACCESS_TOKEN / REVOKED_ACCESS_TOKEN: connect again. 403 ACCESS_DENIED: the
 * member lacks the page role or the app the scope. 422 "Content is a duplicate of urn:…":
 * the post exists under that id (DUPLICATE_POST, treated as published). 426 or
 * NONEXISTENT_VERSION: the LinkedIn-Version is no longer served. 429: the daily quota;
 * retry later. 5xx: LinkedIn may have created the post: unknown.
 */
export function classifyLinkedinAnswer(answer: HttpAnswer, nowMs: number): PublishError {
  const body = (answer.json ?? {}) as {
    message?: unknown;
    code?: unknown;
    serviceErrorCode?: unknown;
  };
  const said = excerpt(typeof body.message === 'string' ? body.message : answer.text);
  const code = typeof body.code === 'string' ? body.code : null;
  const duplicate = DUPLICATE.exec(said);
  if (duplicate || code === 'DUPLICATE_POST') {
    const urn = duplicate?.[1];
    return new PublishError(
      'permanent',
      'DUPLICATE_POST',
      urn
        ? `LinkedIn already has this post as ${urn}.`
        : `LinkedIn refused the post as a duplicate: ${said}`,
      urn ? { existing: { platformPostId: urn, url: linkedinPostUrl(urn) } } : {},
    );
  }
  if (answer.status === 429) {
    const retryAfterMs = retryAfterOf(answer.headers, nowMs);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `LinkedIn asks to slow down: ${said}`,
      retryAfterMs === undefined ? {} : { retryAfterMs },
    );
  }
  if (answer.status === 401) {
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `LinkedIn did not accept the access token (${code ?? said}); connect the channel again.`,
    );
  }
  if (answer.status === 403) {
    return new PublishError(
      'permanent',
      'FORBIDDEN',
      `LinkedIn refused: ${said}. The member needs the page role (administrator or content admin) and the app the posting scope.`,
    );
  }
  if (answer.status === 426 || code === 'NONEXISTENT_VERSION' || code === 'VERSION_MISSING') {
    return new PublishError(
      'permanent',
      'LINKEDIN_VERSION_UNSUPPORTED',
      `LinkedIn no longer serves this API version: ${said}`,
    );
  }
  if (answer.status >= 400 && answer.status < 500) {
    return new PublishError('permanent', 'LINKEDIN_REJECTED', `LinkedIn refused the post: ${said}`);
  }
  return new PublishError(
    'unknown',
    'LINKEDIN_SERVER_ERROR',
    `LinkedIn answered ${answer.status} (${said}); the post may have been created.`,
  );
}
