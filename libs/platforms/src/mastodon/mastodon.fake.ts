import { type ServerResponse } from 'node:http';
import {
  type FakeBehaviour,
  type FakePlatform,
  type FakeRequest,
  startFakePlatform,
} from '../testing/fake-server';

/**
 * A fake Mastodon instance on loopback, answering as Mastodon 4.x does: the instance document,
 * media uploads that are processed asynchronously (202, then 206 while processing, then 200),
 * statuses that honour Idempotency-Key (a repeated key within the hour returns the first
 * status), `{ "error": "..." }` bodies, and X-RateLimit-* headers.
 */

export type FakeMastodonStatus = {
  id: string;
  text: string;
  mediaIds: string[];
  visibility: string;
  key: string | null;
  createdAt: string;
};

export type FakeMastodon = FakePlatform & {
  readonly statuses: readonly FakeMastodonStatus[];
  readonly media: ReadonlyMap<
    string,
    { description: string | null; mimeType: string; polls: number }
  >;
  /** The next answer is a Mastodon 429 with X-RateLimit-Reset at `reset`. */
  rateLimitNext(reset: Date): void;
  /** The next answer is this status and `{ error }` body. */
  errorNext(status: number, error: string): void;
  /** Someone answers a status (or a reply); returns the reply's id. */
  reply(inReplyTo: string, by: { acct: string; html: string; createdAt: string }): string;
};

export const FAKE_MASTODON_TOKEN = 'mastodon-token-for-tests';

export async function startFakeMastodon(
  instance: { maxCharacters?: number; maxMedia?: number } = {},
): Promise<FakeMastodon> {
  const statuses: FakeMastodonStatus[] = [];
  const replies: {
    id: string;
    inReplyTo: string;
    acct: string;
    html: string;
    createdAt: string;
  }[] = [];
  const media = new Map<string, { description: string | null; mimeType: string; polls: number }>();
  let clock = Date.UTC(2026, 11, 3, 9, 0, 0);

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
      'x-ratelimit-reset': new Date(clock + 5 * 60_000).toISOString(),
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const base = () => fake.url;
  const statusJson = (s: FakeMastodonStatus) => ({
    id: s.id,
    created_at: s.createdAt,
    uri: `${base()}/users/alice/statuses/${s.id}`,
    url: `${base()}/@alice/${s.id}`,
    visibility: s.visibility,
    content: `<p>${s.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    media_attachments: s.mediaIds.map((id) => ({
      id,
      description: media.get(id)?.description ?? null,
    })),
  });

  const route = (request: FakeRequest, res: ServerResponse): void => {
    const url = new URL(request.path, 'http://fake');
    const path = url.pathname;
    if (request.method === 'GET' && path === '/api/v2/instance') {
      send(res, 200, {
        domain: 'fake.social',
        configuration: {
          urls: { streaming: 'wss://fake.social' },
          statuses: {
            max_characters: instance.maxCharacters ?? 500,
            max_media_attachments: instance.maxMedia ?? 4,
            characters_reserved_per_url: 23,
          },
          media_attachments: {
            supported_mime_types: [
              'image/jpeg',
              'image/png',
              'image/gif',
              'image/webp',
              'video/mp4',
            ],
            image_size_limit: 16777216,
            image_matrix_limit: 33177600,
            video_size_limit: 103809024,
            description_limit: 1500,
          },
        },
      });
      return;
    }
    if (request.headers.authorization !== `Bearer ${FAKE_MASTODON_TOKEN}`) {
      send(res, 401, { error: 'The access token is invalid' });
      return;
    }
    if (request.method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
      send(res, 200, { id: '109', username: 'alice', acct: 'alice', display_name: 'Alice' });
      return;
    }
    if (request.method === 'POST' && path === '/api/v2/media') {
      const id = String(9000 + media.size + 1);
      const description =
        /name="description"\r\n\r\n([^\r]*)\r\n/.exec(request.rawBody)?.[1] ?? null;
      const mimeType =
        /name="file"; filename="[^"]*"\r\nContent-Type: ([^\r]+)/i.exec(request.rawBody)?.[1] ?? '';
      media.set(id, { description, mimeType, polls: 0 });
      // Images are processed at once (200), videos later (202 and url null).
      send(res, mimeType.startsWith('video/') ? 202 : 200, {
        id,
        type: mimeType.startsWith('video/') ? 'video' : 'image',
        url: mimeType.startsWith('video/') ? null : `${base()}/media/${id}`,
        description,
      });
      return;
    }
    const mediaPath = /^\/api\/v1\/media\/(\d+)$/.exec(path);
    if (request.method === 'GET' && mediaPath) {
      const m = media.get(mediaPath[1]!);
      if (!m) return send(res, 404, { error: 'Record not found' });
      m.polls++;
      send(res, m.polls < 2 ? 206 : 200, {
        id: mediaPath[1],
        url: m.polls < 2 ? null : `${base()}/media/${mediaPath[1]}`,
      });
      return;
    }
    if (request.method === 'POST' && path === '/api/v1/statuses') {
      const body = (request.body ?? {}) as {
        status?: string;
        media_ids?: string[];
        visibility?: string;
      };
      const earlier = request.key ? statuses.find((s) => s.key === request.key) : undefined;
      if (earlier) return send(res, 200, statusJson(earlier));
      const text = body.status ?? '';
      const limit = instance.maxCharacters ?? 500;
      if ([...text].length > limit) {
        return send(res, 422, {
          error: `Validation failed: Text character limit of ${limit} exceeded`,
        });
      }
      for (const id of body.media_ids ?? []) {
        if (!media.has(id))
          return send(res, 422, { error: 'Validation failed: Media attachments is invalid' });
      }
      clock += 1000;
      const status: FakeMastodonStatus = {
        id: String(110_000_000 + statuses.length + 1),
        text,
        mediaIds: body.media_ids ?? [],
        visibility: body.visibility ?? 'public',
        key: request.key,
        createdAt: new Date(clock).toISOString(),
      };
      statuses.push(status);
      send(res, 200, statusJson(status));
      return;
    }
    const accountStatuses = /^\/api\/v1\/accounts\/109\/statuses$/.exec(path);
    if (request.method === 'GET' && accountStatuses) {
      send(
        res,
        200,
        [...statuses]
          .reverse()
          .slice(0, Number(url.searchParams.get('limit') ?? 20))
          .map(statusJson),
      );
      return;
    }
    const context = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(path);
    if (request.method === 'GET' && context) {
      const root = context[1]!;
      if (!statuses.some((x) => x.id === root) && !replies.some((r) => r.id === root))
        return send(res, 404, { error: 'Record not found' });
      // Every reply below the status, at any depth, in the order the instance stored them.
      const ids = new Set([root]);
      const descendants = [];
      for (const r of replies) {
        if (!ids.has(r.inReplyTo)) continue;
        ids.add(r.id);
        descendants.push({
          id: r.id,
          created_at: r.createdAt,
          in_reply_to_id: r.inReplyTo,
          content: r.html,
          account: { acct: r.acct, display_name: r.acct.split('@')[0] },
        });
      }
      send(res, 200, { ancestors: [], descendants });
      return;
    }
    const source = /^\/api\/v1\/statuses\/(\d+)\/source$/.exec(path);
    if (request.method === 'GET' && source) {
      const s = statuses.find((x) => x.id === source[1]);
      if (!s) return send(res, 404, { error: 'Record not found' });
      send(res, 200, { id: s.id, text: s.text, spoiler_text: '' });
      return;
    }
    send(res, 404, { error: 'Record not found' });
  };

  const routed: FakeBehaviour = { kind: 'custom', handle: (request, res) => route(request, res) };
  const fake = await startFakePlatform({ default: routed });
  return Object.assign(fake, {
    statuses,
    media,
    rateLimitNext(reset: Date) {
      fake.next({
        kind: 'custom',
        handle: (_request, res) =>
          send(
            res,
            429,
            { error: 'Too many requests' },
            {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': reset.toISOString(),
            },
          ),
      });
    },
    reply(inReplyTo: string, by: { acct: string; html: string; createdAt: string }) {
      const id = String(120_000_000 + replies.length + 1);
      replies.push({ id, inReplyTo, ...by });
      return id;
    },
    errorNext(status: number, error: string) {
      fake.next({ kind: 'custom', handle: (_request, res) => send(res, status, { error }) });
    },
  });
}
