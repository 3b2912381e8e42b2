import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

/**
 * A fake platform for tests: an HTTP server on 127.0.0.1 (a free port) that records every
 * request and answers as it is scripted to. It knows nothing about any one platform; an
 * adapter's fake builds on it by choosing the bodies (see the webhook tests for an example).
 *
 *   const fake = await startFakePlatform();             // succeeds by default
 *   fake.next({ kind: 'rateLimit', retryAfter: 30 });    // the next request only
 *   fake.setDefault({ kind: 'serverError', status: 503 });
 *   ... exercise the adapter against fake.url ...
 *   expect(fake.duplicateKeys()).toEqual([]);             // no idempotency key seen twice
 *   await fake.close();
 *
 * Behaviours: succeed, fail (a 4xx with a platform-like error body), serverError (5xx),
 * rateLimit (429 with Retry-After in seconds or as an HTTP date), commitThenTimeout (the post
 * is stored, then the answer never comes: the client has to give up), duplicate (an error
 * naming the post already stored for the same key), slow (a fixed delay, then another
 * behaviour), redirect, and custom.
 */

export type FakeRequest = {
  /** 1-based, in arrival order. */
  seq: number;
  method: string;
  path: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  rawBody: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  body: unknown;
  /** The idempotency key the fake read from the request (see `keyOf`), or null. */
  key: string | null;
};

/** A post the fake "published": what the platform would hold after a successful call. */
export type FakePost = { id: string; url: string; key: string | null; request: FakeRequest };

type Json = Record<string, unknown> | unknown[];
type BodyOf = Json | ((request: FakeRequest, post: FakePost | null) => Json);

export type FakeBehaviour =
  /** Store a post and answer (200 by default) with `{ id, url }` or the given body. */
  | { kind: 'succeed'; status?: number; body?: BodyOf; headers?: Record<string, string> }
  /** A permanent refusal: 400 by default, with `{ error: { code, message } }`. */
  | { kind: 'fail'; status?: number; code?: string; message?: string; body?: BodyOf }
  /** A server error (500 by default); nothing is stored. */
  | { kind: 'serverError'; status?: number; body?: BodyOf; headers?: Record<string, string> }
  /** 429 with Retry-After: seconds, or a Date sent as an HTTP date. */
  | { kind: 'rateLimit'; retryAfter: number | Date; body?: BodyOf }
  /** Store the post, then never answer; the socket stays open until the client gives up. */
  | { kind: 'commitThenTimeout' }
  /**
   * 409 (or `status`) with `{ error: { code: 'DUPLICATE', message, existing: { id, url } } }`
   * naming the post stored earlier for the same key (or `existing`).
   */
  | { kind: 'duplicate'; status?: number; existing?: { id: string; url: string } }
  /** Wait `delayMs`, then behave as `then` (succeed by default). */
  | { kind: 'slow'; delayMs: number; then?: FakeBehaviour }
  /** 302 (or `status`) to `location`. */
  | { kind: 'redirect'; location: string; status?: number }
  /** Anything else: write the answer yourself. */
  | {
      kind: 'custom';
      handle: (
        request: FakeRequest,
        res: ServerResponse,
        fake: FakePlatform,
      ) => void | Promise<void>;
    };

export type FakePlatformOptions = {
  /** How every request is answered unless `next()` queued something. Default: succeed. */
  default?: FakeBehaviour;
  /** Where the idempotency key is read from. Default: the `Idempotency-Key` header. */
  keyOf?: (request: Omit<FakeRequest, 'key'>) => string | null;
  /** How stored posts are named; default `fake-1`, `fake-2`, ... */
  postId?: (n: number, request: FakeRequest) => string;
};

export type FakePlatform = {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every request, in arrival order. */
  readonly requests: readonly FakeRequest[];
  /** Every post stored (succeed and commitThenTimeout), in order. */
  readonly posts: readonly FakePost[];
  /** TCP connections accepted so far, including ones that never sent a request. */
  readonly connections: number;
  /** Queue behaviours for the next requests, one each, before the default applies again. */
  next(...behaviours: FakeBehaviour[]): void;
  setDefault(behaviour: FakeBehaviour): void;
  /** Requests that carried this idempotency key. */
  callsFor(key: string): number;
  /** Keys that arrived more than once: `[]` proves "none twice". */
  duplicateKeys(): string[];
  /** Forgets requests, posts, connections and the queue; keeps the default. */
  reset(): void;
  /** Closes the server and every open socket (including hanging ones). */
  close(): Promise<void>;
};

const defaultKeyOf = (r: Omit<FakeRequest, 'key'>) => {
  const value = r.headers['idempotency-key'];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

export async function startFakePlatform(options: FakePlatformOptions = {}): Promise<FakePlatform> {
  let fallback: FakeBehaviour = options.default ?? { kind: 'succeed' };
  const keyOf = options.keyOf ?? defaultKeyOf;
  const postId = options.postId ?? ((n: number) => `fake-${n}`);
  const queue: FakeBehaviour[] = [];
  const requests: FakeRequest[] = [];
  const posts: FakePost[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  let baseUrl = '';

  const store = (request: FakeRequest): FakePost => {
    const id = postId(posts.length + 1, request);
    const post = {
      id,
      url: `${baseUrl}/posts/${encodeURIComponent(id)}`,
      key: request.key,
      request,
    };
    posts.push(post);
    return post;
  };
  const bodyOf = (
    body: BodyOf | undefined,
    request: FakeRequest,
    post: FakePost | null,
    fallbackBody: Json,
  ) =>
    body === undefined ? fallbackBody : typeof body === 'function' ? body(request, post) : body;
  const json = (
    res: ServerResponse,
    status: number,
    body: Json,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const answer = async (
    b: FakeBehaviour,
    request: FakeRequest,
    res: ServerResponse,
  ): Promise<void> => {
    switch (b.kind) {
      case 'succeed': {
        const post = store(request);
        json(
          res,
          b.status ?? 200,
          bodyOf(b.body, request, post, { id: post.id, url: post.url }),
          b.headers,
        );
        return;
      }
      case 'fail':
        json(
          res,
          b.status ?? 400,
          bodyOf(b.body, request, null, {
            error: {
              code: b.code ?? 'INVALID_REQUEST',
              message: b.message ?? 'The request was rejected.',
            },
          }),
        );
        return;
      case 'serverError':
        json(
          res,
          b.status ?? 500,
          bodyOf(b.body, request, null, {
            error: { code: 'INTERNAL', message: 'Something broke.' },
          }),
          b.headers,
        );
        return;
      case 'rateLimit':
        json(
          res,
          429,
          bodyOf(b.body, request, null, { error: { code: 'RATE_LIMITED', message: 'Slow down.' } }),
          {
            'retry-after':
              typeof b.retryAfter === 'number' ? String(b.retryAfter) : b.retryAfter.toUTCString(),
          },
        );
        return;
      case 'commitThenTimeout':
        store(request);
        // No answer at all: the socket is destroyed when the client gives up or on close().
        return;
      case 'duplicate': {
        const earlier = posts.find((p) => p.key !== null && p.key === request.key);
        const existing = b.existing ?? (earlier ? { id: earlier.id, url: earlier.url } : null);
        json(res, b.status ?? 409, {
          error: {
            code: 'DUPLICATE',
            message: existing
              ? `This post already exists as ${existing.id}.`
              : 'This post already exists.',
            existing,
          },
        });
        return;
      }
      case 'slow':
        await new Promise<void>((done) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            done();
          }, b.delayMs);
          timers.add(timer);
        });
        if (res.destroyed) return;
        return answer(b.then ?? { kind: 'succeed' }, request, res);
      case 'redirect':
        res.writeHead(b.status ?? 302, { location: b.location, 'content-length': '0' });
        res.end();
        return;
      case 'custom':
        return b.handle(request, res, fake);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = rawBody === '' ? null : JSON.parse(rawBody);
    } catch {
      body = null;
    }
    const partial = {
      seq: requests.length + 1,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      rawBody,
      body,
    };
    const request: FakeRequest = { ...partial, key: keyOf(partial) };
    requests.push(request);
    const postPath = /^\/posts\/([^/?]+)$/.exec(request.path);
    if (request.method === 'GET' && postPath) {
      // The "published post" a person could open.
      const post = posts.find((p) => p.id === decodeURIComponent(postPath[1] ?? ''));
      if (post) json(res, 200, { id: post.id, url: post.url, body: post.request.body });
      else json(res, 404, { error: { code: 'NOT_FOUND', message: 'No such post.' } });
      return;
    }
    await answer(queue.shift() ?? fallback, request, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const fake: FakePlatform = {
    url: baseUrl,
    port,
    requests,
    posts,
    get connections() {
      return connections;
    },
    next: (...behaviours) => queue.push(...behaviours),
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    callsFor: (key) => requests.filter((r) => r.key === key).length,
    duplicateKeys: () => {
      const seen = new Map<string, number>();
      for (const r of requests) if (r.key !== null) seen.set(r.key, (seen.get(r.key) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
    },
    reset: () => {
      requests.length = 0;
      posts.length = 0;
      queue.length = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
  return fake;
}
