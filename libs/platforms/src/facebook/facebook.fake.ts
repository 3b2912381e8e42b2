import { type ServerResponse } from 'node:http';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';

/**
 * A fake Graph API for Pages on loopback: `/{version}/{page}/feed`, `/photos` (published or
 * not), `/comments`, errors as `{ error: { message, type, code, fbtrace_id } }` with HTTP 400
 * (or 500 for codes 1 and 2), duplicates as code 506.
 */

export const FAKE_FACEBOOK_PAGE = '104857600012345';
export const FAKE_FACEBOOK_TOKEN = 'EAAB-fake-page-token';

export type FakeFacebook = FakePlatform & {
  readonly feed: readonly { id: string; body: Record<string, unknown> }[];
  readonly photos: readonly {
    id: string;
    published: boolean;
    message: string | null;
    alt: string | null;
  }[];
  readonly comments: readonly { postId: string; message: string }[];
  errorNext(code: number, message: string, headers?: Record<string, string>): void;
  /** Someone comments on a post, or replies to a comment (`parentId`); returns its id. */
  visitorComment(
    postId: string,
    c: {
      fromId: string;
      fromName: string;
      message: string;
      createdTime: string;
      parentId?: string;
    },
  ): string;
};

export async function startFakeFacebook(): Promise<FakeFacebook> {
  const feed: { id: string; body: Record<string, unknown> }[] = [];
  const photos: { id: string; published: boolean; message: string | null; alt: string | null }[] =
    [];
  const comments: { postId: string; message: string }[] = [];
  const visitors: {
    id: string;
    postId: string;
    parentId: string | null;
    fromId: string;
    fromName: string;
    message: string;
    createdTime: string;
  }[] = [];
  let seq = 900_000_000_000_000;
  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (
    res: ServerResponse,
    code: number,
    message: string,
    headers: Record<string, string> = {},
  ) =>
    send(
      res,
      code === 1 || code === 2 ? 500 : 400,
      {
        error: {
          message,
          type: code === 190 ? 'OAuthException' : 'GraphMethodException',
          code,
          fbtrace_id: 'AbCdEf',
        },
      },
      headers,
    );

  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: async (request, res) => {
        const path = request.path.split('?')[0]!.replace(/^\/v\d+\.\d+/, '');
        if (request.headers.authorization !== `Bearer ${FAKE_FACEBOOK_TOKEN}`)
          return error(res, 190, 'Error validating access token: Session has expired.');
        if (request.method === 'GET' && path === `/${FAKE_FACEBOOK_PAGE}`)
          return send(res, 200, { id: FAKE_FACEBOOK_PAGE, name: 'Postplan Café' });
        if (request.method === 'POST' && path === `/${FAKE_FACEBOOK_PAGE}/photos`) {
          const type = String(request.headers['content-type'] ?? '');
          const form = await new Response(request.rawBody, {
            headers: { 'content-type': type },
          }).formData();
          const field = (name: string) => {
            const value = form.get(name);
            return typeof value === 'string' ? value : null;
          };
          const id = String(seq++);
          const published = field('published') !== 'false';
          photos.push({ id, published, message: field('message'), alt: field('alt_text_custom') });
          return send(
            res,
            200,
            published ? { id, post_id: `${FAKE_FACEBOOK_PAGE}_${seq++}` } : { id },
          );
        }
        if (request.method === 'POST' && path === `/${FAKE_FACEBOOK_PAGE}/feed`) {
          const body = (request.body ?? {}) as Record<string, unknown>;
          if (feed.some((p) => p.body['message'] === body['message']))
            return error(res, 506, 'Duplicate status message');
          const id = `${FAKE_FACEBOOK_PAGE}_${seq++}`;
          feed.push({ id, body });
          return send(res, 200, { id });
        }
        const comment = /^\/(\d+_\d+)\/comments$/.exec(path);
        if (request.method === 'GET' && comment) {
          // filter=stream: every comment and reply in one chronological list, replies naming
          // their parent. Two per page, so the adapter has to follow paging.next.
          const params = new URL(request.path, 'http://x').searchParams;
          const all = visitors.filter((c) => c.postId === comment[1]);
          const after = Number(params.get('after') ?? 0);
          const page = all.slice(after, after + 2).map((c) => ({
            id: c.id,
            message: c.message,
            created_time: c.createdTime,
            from: { id: c.fromId, name: c.fromName },
            ...(c.parentId ? { parent: { id: c.parentId } } : {}),
          }));
          const next =
            after + 2 < all.length
              ? `${fake.url}/v23.0/${comment[1]}/comments?filter=stream&after=${after + 2}`
              : undefined;
          return send(res, 200, { data: page, paging: next ? { next } : {} });
        }
        if (request.method === 'POST' && comment) {
          comments.push({
            postId: comment[1]!,
            message: String((request.body as { message?: string })?.message ?? ''),
          });
          return send(res, 200, { id: `${comment[1]}_1` });
        }
        return error(res, 100, 'Unsupported request');
      },
    },
  });
  return Object.assign(fake, {
    feed,
    photos,
    comments,
    visitorComment(
      postId: string,
      c: {
        fromId: string;
        fromName: string;
        message: string;
        createdTime: string;
        parentId?: string;
      },
    ) {
      const id = `${postId.split('_')[1]}_${seq++}`;
      visitors.push({ id, postId, parentId: c.parentId ?? null, ...c });
      return id;
    },
    errorNext(code: number, message: string, headers: Record<string, string> = {}) {
      fake.next({ kind: 'custom', handle: (_r, res) => error(res, code, message, headers) });
    },
  });
}
