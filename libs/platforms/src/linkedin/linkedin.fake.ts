import { type ServerResponse } from 'node:http';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';
import { renderLittleText } from './linkedin-little-text';

/**
 * A fake LinkedIn on loopback: the versioned Posts API (201 with x-restli-id, LinkedIn's
 * error bodies `{ status, code, message }`), the Images API upload, comments, and LinkedIn's
 * two quirks that matter: commentary is cut at the first unescaped reserved character, and
 * the same commentary twice is refused with 422 "Content is a duplicate of urn:li:share:…".
 */

export const FAKE_LINKEDIN_TOKEN = 'AQX-linkedin-token-for-tests';
export const FAKE_LINKEDIN_ORG = 'urn:li:organization:2414183';

export type FakeLinkedinPost = {
  urn: string;
  author: string;
  commentary: string;
  shown: string;
  body: Record<string, unknown>;
};

export type FakeLinkedin = FakePlatform & {
  readonly linkedinPosts: readonly FakeLinkedinPost[];
  readonly uploads: ReadonlyMap<string, number>;
  readonly comments: readonly { urn: string; text: string }[];
  errorNext(status: number, code: string, message: string, headers?: Record<string, string>): void;
};

export async function startFakeLinkedin(): Promise<FakeLinkedin> {
  const posts: FakeLinkedinPost[] = [];
  const uploads = new Map<string, number>();
  const comments: { urn: string; text: string }[] = [];
  let seq = 7_100_000_000_000_000_000n;
  const send = (
    res: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) => send(res, status, { status, code, message, serviceErrorCode: 100 }, headers);

  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: (request, res) => {
        const url = new URL(request.path, 'http://fake');
        if (request.method === 'PUT' && url.pathname.startsWith('/upload/')) {
          uploads.set(url.pathname.slice('/upload/'.length), request.rawBody.length);
          return send(res, 201);
        }
        if (request.headers.authorization !== `Bearer ${FAKE_LINKEDIN_TOKEN}`) {
          return error(res, 401, 'INVALID_ACCESS_TOKEN', 'Invalid access token');
        }
        if (url.pathname.startsWith('/rest/')) {
          if (!request.headers['linkedin-version'])
            return error(res, 400, 'VERSION_MISSING', 'A version must be present.');
          if (request.headers['x-restli-protocol-version'] !== '2.0.0')
            return error(res, 400, 'BAD_REQUEST', 'Rest.li 2.0.0 is required.');
        }
        if (
          request.method === 'POST' &&
          url.pathname === '/rest/images' &&
          url.searchParams.get('action') === 'initializeUpload'
        ) {
          const id = `C4E10AQ${uploads.size + 1}`;
          uploads.set(id, 0);
          return send(res, 200, {
            value: {
              uploadUrlExpiresAt: 1_800_000_000_000,
              uploadUrl: `${fake.url}/upload/${id}`,
              image: `urn:li:image:${id}`,
            },
          });
        }
        if (request.method === 'POST' && url.pathname === '/rest/posts') {
          const body = (request.body ?? {}) as Record<string, unknown>;
          const commentary = typeof body['commentary'] === 'string' ? body['commentary'] : '';
          const author = typeof body['author'] === 'string' ? body['author'] : '';
          if (author === 'urn:li:organization:999')
            return error(
              res,
              403,
              'ACCESS_DENIED',
              'Not enough permissions to access: partnerApiPostsExternal.CREATE.20261001',
            );
          const earlier = posts.find((p) => p.author === author && p.commentary === commentary);
          if (earlier)
            return error(
              res,
              422,
              'DUPLICATE_POST',
              `ERROR :: /commentary :: Content is a duplicate of ${earlier.urn}`,
            );
          const urn = `urn:li:share:${seq++}`;
          posts.push({ urn, author, commentary, shown: renderLittleText(commentary), body });
          return send(res, 201, undefined, {
            'x-restli-id': urn,
            'x-linkedin-id': urn.split(':').at(-1)!,
          });
        }
        if (
          request.method === 'GET' &&
          url.pathname === '/rest/posts' &&
          url.searchParams.get('q') === 'author'
        ) {
          const author = url.searchParams.get('author');
          return send(res, 200, {
            elements: posts
              .filter((p) => p.author === author)
              .reverse()
              .map((p) => ({ id: p.urn, author: p.author, commentary: p.commentary })),
          });
        }
        const comment = /^\/rest\/socialActions\/([^/]+)\/comments$/.exec(url.pathname);
        if (request.method === 'POST' && comment) {
          const text = String(
            (request.body as { message?: { text?: string } })?.message?.text ?? '',
          );
          comments.push({ urn: decodeURIComponent(comment[1]!), text });
          return send(res, 201, undefined, {
            'x-restli-id': `urn:li:comment:(${decodeURIComponent(comment[1]!)},1)`,
          });
        }
        if (request.method === 'GET' && url.pathname === '/rest/organizations/2414183')
          return send(res, 200, { localizedName: 'Devtestco' });
        return error(res, 404, 'NOT_FOUND', 'Resource not found');
      },
    },
  });
  return Object.assign(fake, {
    linkedinPosts: posts,
    uploads,
    comments,
    errorNext(status: number, code: string, message: string, headers: Record<string, string> = {}) {
      fake.next({
        kind: 'custom',
        handle: (_r, res) => error(res, status, code, message, headers),
      });
    },
  });
}
