import { readFileSync } from 'node:fs';
import { type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';

/**
 * A fake X API v2 on loopback, behind TLS because twitter-api-v2 speaks HTTPS only (its
 * certificate, for 127.0.0.1, is in ./fixtures; pass fakeXCa() to an https.Agent). It answers
 * as X does: 201 `{ data: { id, text } }`, problem-details errors (`{ title, detail, type,
 * status }`), 403 "You are not allowed to create a Tweet with duplicate content.", 429 with
 * x-rate-limit-* headers, and the v2 chunked media upload with metadata.
 */

export const FAKE_X_TOKEN = 'x-user-access-token-for-tests';
/** The fake's certificate (read on demand: the fixtures exist in the source tree only). */
export function fakeXCa(): Buffer {
  return readFileSync(join(__dirname, 'fixtures', 'x-fake.crt'));
}

export type FakeX = Omit<FakePlatform, 'url'> & {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly tweets: readonly { id: string; text: string; body: Record<string, unknown> }[];
  readonly media: ReadonlyMap<
    string,
    { type: string; bytes: number; altText: string | null; appended: number }
  >;
  rateLimitNext(resetEpochSeconds: number): void;
  /** The bearer tokens the fake accepts from now on (FAKE_X_TOKEN until a test says otherwise). */
  acceptTokens(tokens: readonly string[]): void;
  errorNext(status: number, title: string, detail: string): void;
};

export async function startFakeX(): Promise<FakeX> {
  const tweets: { id: string; text: string; body: Record<string, unknown> }[] = [];
  const media = new Map<
    string,
    { type: string; bytes: number; altText: string | null; appended: number }
  >();
  let seq = 1_870_000_000_000_000_000n;
  let accepted = new Set<string>([FAKE_X_TOKEN]);
  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '99',
      'x-rate-limit-reset': '1764752400',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const problem = (
    res: ServerResponse,
    status: number,
    title: string,
    detail: string,
    headers: Record<string, string> = {},
  ) => send(res, status, { title, detail, type: 'about:blank', status }, headers);

  const plain = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: (request, res) => {
        const path = request.path.split('?')[0]!;
        const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
        if (!bearer || !accepted.has(bearer))
          return problem(res, 401, 'Unauthorized', 'Unauthorized');
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (request.method === 'GET' && path === '/2/users/me') {
          return send(res, 200, {
            data: { id: '2244994945', name: 'Postplan', username: 'postplan' },
          });
        }
        if (request.method === 'POST' && path === '/2/media/upload/initialize') {
          const id = String(seq++);
          media.set(id, {
            type: String(body['media_type']),
            bytes: Number(body['total_bytes']),
            altText: null,
            appended: 0,
          });
          return send(res, 200, { data: { id, media_key: `3_${id}`, expires_after_secs: 86400 } });
        }
        const append = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(path);
        if (request.method === 'POST' && append) {
          const item = media.get(append[1]!);
          if (!item) return problem(res, 400, 'Invalid Request', 'media id not found');
          if (append[2] === 'append') {
            item.appended++;
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"meta":{}}');
            return;
          }
          return send(res, 200, {
            data: { id: append[1], media_key: `3_${append[1]}`, size: item.bytes },
          });
        }
        if (request.method === 'POST' && path === '/2/media/metadata') {
          const item = media.get(String(body['id']));
          if (!item) return problem(res, 400, 'Invalid Request', 'media id not found');
          const meta = body['metadata'] as { alt_text?: { text?: string } } | undefined;
          item.altText = meta?.alt_text?.text ?? null;
          return send(res, 200, { data: { id: body['id'], associated_metadata: meta } });
        }
        if (request.method === 'POST' && path === '/2/tweets') {
          const text = typeof body['text'] === 'string' ? body['text'] : '';
          if (tweets.some((t) => t.text === text)) {
            return problem(
              res,
              403,
              'Forbidden',
              'You are not allowed to create a Tweet with duplicate content.',
            );
          }
          const id = String(seq++);
          tweets.push({ id, text, body });
          return send(res, 201, { data: { id, text, edit_history_tweet_ids: [id] } });
        }
        return problem(res, 404, 'Not Found Error', `No route ${request.method} ${path}`);
      },
    },
  });

  // TLS in front of the plain fake: each TLS connection is piped to it.
  const key = readFileSync(join(__dirname, 'fixtures', 'x-fake.key'));
  const front = tls.createServer({ key, cert: fakeXCa() }, (socket) => {
    const upstream = net.connect(plain.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', end);
    upstream.on('error', end);
    socket.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((ready) => front.listen(0, '127.0.0.1', () => ready()));
  const port = (front.address() as AddressInfo).port;

  const closePlain = plain.close.bind(plain);
  return Object.assign(plain, {
    url: `https://127.0.0.1:${port}`,
    tweets,
    media,
    close: async () => {
      await closePlain();
      await new Promise<void>((done) => front.close(() => done()));
    },
    acceptTokens(tokens: readonly string[]) {
      accepted = new Set(tokens);
    },
    rateLimitNext(resetEpochSeconds: number) {
      plain.next({
        kind: 'custom',
        handle: (_r, res) =>
          problem(res, 429, 'Too Many Requests', 'Too Many Requests', {
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(resetEpochSeconds),
          }),
      });
    },
    errorNext(status: number, title: string, detail: string) {
      plain.next({ kind: 'custom', handle: (_r, res) => problem(res, status, title, detail) });
    },
  });
}
