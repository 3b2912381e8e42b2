import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/** What the fake does with one call. */
export type FakeBehaviour =
  | { kind: 'ok' }
  /** 422: the platform refuses the post for good. */
  | { kind: 'reject'; message?: string }
  /** A 5xx; 503 is the sandbox's documented "not applied", others may have been applied. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** Stores the post, then never answers: the caller times out not knowing. */
  | { kind: 'commit_then_hang' }
  /** Stores the post (if new), then answers 409 naming it, as a platform that saw it before. */
  | { kind: 'duplicate' };

export type FakeCall = { key: string; at: number; behaviour: FakeBehaviour['kind'] };

/**
 * A scripted sandbox platform on loopback, speaking the API SandboxAdapter speaks. Tests queue
 * behaviours (per idempotency key, or for any call) and read the calls and posts it saw.
 */
export class FakeSandbox {
  readonly calls: FakeCall[] = [];
  readonly posts = new Map<
    string,
    {
      id: string;
      text: string;
      title: string;
      channelId: string;
      media?: { url: string; mimeType: string; altText: string | null }[];
    }
  >();
  /** Comments under posts, by post id (what listReplies reads). */
  readonly comments = new Map<
    string,
    { id: string; author: string; text: string; createdAt: string; replyTo: string | null }[]
  >();
  /** How many POSTs each key received. */
  readonly callsByKey = new Map<string, number>();
  private readonly queued = new Map<string, FakeBehaviour[]>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | null = null;
  /** Milliseconds every POST takes before it answers (a platform's latency). */
  delayMs = 0;
  /** Record each call's details (off for very large runs; counts are always kept). */
  keepCalls = true;
  /** When set, only the count is kept per key and posts hold no text (benchmarks). */
  lean = false;
  url = '';

  /** Behaviours for the next calls with this key ('*': any key), used up in order. */
  script(key: string, ...behaviours: FakeBehaviour[]): void {
    this.queued.set(key, [...(this.queued.get(key) ?? []), ...behaviours]);
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** A comment under a post (as a person would write one on the platform). */
  comment(
    postId: string,
    c: { author: string; text: string; createdAt?: string; replyTo?: string | null },
  ): string {
    const id = randomUUID();
    const list = this.comments.get(postId) ?? [];
    list.push({
      id,
      author: c.author,
      text: c.text,
      createdAt: c.createdAt ?? new Date().toISOString(),
      replyTo: c.replyTo ?? null,
    });
    this.comments.set(postId, list);
    return id;
  }

  /** Keys that were POSTed more than once. */
  duplicates(): string[] {
    return [...this.callsByKey].filter(([, n]) => n > 1).map(([k]) => k);
  }

  private next(key: string): FakeBehaviour {
    for (const k of [key, '*']) {
      const list = this.queued.get(k);
      if (list?.length) return list.shift()!;
    }
    return { kind: 'ok' };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname === '/posts') {
      const post = this.posts.get(url.searchParams.get('idempotencyKey') ?? '');
      return send(res, post ? 200 : 404, post ? this.answer(post.id) : { error: 'NOT_FOUND' });
    }
    const commentsOf = /^\/posts\/([^/]+)\/comments$/.exec(url.pathname);
    if (req.method === 'GET' && commentsOf) {
      const id = decodeURIComponent(commentsOf[1]!);
      const known = [...this.posts.values()].some((p) => p.id === id) || this.comments.has(id);
      if (!known) return send(res, 404, { error: 'NOT_FOUND' });
      const since = url.searchParams.get('since');
      const items = (this.comments.get(id) ?? []).filter(
        (c) => !since || Date.parse(c.createdAt) >= Date.parse(since),
      );
      return send(res, 200, { items });
    }
    if (req.method !== 'POST' || url.pathname !== '/posts') return send(res, 404, {});
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const key = String(req.headers['idempotency-key'] ?? '');
    this.callsByKey.set(key, (this.callsByKey.get(key) ?? 0) + 1);
    const behaviour = this.next(key);
    if (this.keepCalls) this.calls.push({ key, at: Date.now(), behaviour: behaviour.kind });
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const body = this.lean
      ? { text: '', title: '', channelId: '' }
      : (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
          text: string;
          title: string;
          channelId: string;
        });
    const store = () => {
      const existing = this.posts.get(key);
      if (existing) return { post: existing, created: false };
      const post = { id: randomUUID(), ...body };
      this.posts.set(key, post);
      return { post, created: true };
    };
    switch (behaviour.kind) {
      case 'ok': {
        const { post, created } = store();
        return created
          ? send(res, 201, this.answer(post.id))
          : send(res, 409, { error: 'DUPLICATE', existing: this.answer(post.id) });
      }
      case 'reject':
        return send(res, 422, { error: 'REJECTED', message: behaviour.message ?? 'Not allowed.' });
      case 'status':
        return send(
          res,
          behaviour.status,
          { error: 'UNAVAILABLE' },
          behaviour.retryAfterSeconds === undefined
            ? {}
            : { 'retry-after': String(behaviour.retryAfterSeconds) },
        );
      case 'rate_limited':
        return send(
          res,
          429,
          { error: 'RATE_LIMITED' },
          { 'retry-after': String(behaviour.retryAfterSeconds) },
        );
      case 'commit_then_hang':
        store();
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      case 'duplicate': {
        const { post } = store();
        return send(res, 409, { error: 'DUPLICATE', existing: this.answer(post.id) });
      }
    }
  }

  private answer(id: string) {
    return { id, url: `${this.url}/p/${id}` };
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
