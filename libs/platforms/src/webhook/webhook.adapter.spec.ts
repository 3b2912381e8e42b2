import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { type PublishError, type PublishRequest } from '../adapter';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';
import { type WebhookResolver, parseWebhookAllowList } from './webhook-address';
import { type WebhookAdapterOptions, createWebhookAdapter } from './webhook.adapter';

const realTlsConnect = tls.connect.bind(tls) as (options: tls.ConnectionOptions) => tls.TLSSocket;

const SECRET = 'whsec-test-0123456789abcdef';
const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);

function publishRequest(url: string, overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    idempotencyKey: 'pub-0001',
    attempt: 1,
    channel: {
      id: 'ch-1',
      name: 'Website',
      platform: 'webhook',
      settings: { url },
      credentials: { signingSecret: SECRET },
    },
    content: {
      postId: 'post-1',
      title: 'Summer sale',
      text: 'Everything 20 % off — this weekend only.',
      tags: ['sale', 'summer'],
      media: [
        {
          id: 'm-1',
          url: 'https://cdn.example.com/m-1.jpg',
          mimeType: 'image/jpeg',
          altText: 'A beach',
          width: 1200,
          height: 800,
          bytes: 123_456,
        },
      ],
      options: {},
      plannedAt: '2026-12-03T09:00:00.000Z',
      contentHash: 'sha256:abc',
    },
    checkpoint: null,
    saveCheckpoint: () => Promise.resolve(),
    signal: new AbortController().signal,
    ...overrides,
  };
}

const REPLAY_WINDOW_SECONDS = 300;

/** The receiver's check from docs/webhooks.md, verbatim apart from types: independent of the adapter. */
function isFromPostplan(
  headers: Record<string, string | string[] | undefined>,
  rawBody: string | Buffer,
  secret: string,
  nowSeconds: number,
) {
  const timestamp = headers['postplan-timestamp'];
  const signature = headers['postplan-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  if (!/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return false;
  const expected = Buffer.from(
    'v1=' + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex'),
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const receiverAccepts = (
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  nowSeconds: number,
  secret = SECRET,
) => isFromPostplan(headers, rawBody, secret, nowSeconds);

const noDns: WebhookResolver = (host) => Promise.reject(new Error(`unexpected lookup of ${host}`));

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

describe('webhook adapter', () => {
  let fake: FakePlatform;
  let hookUrl: string;
  let netConnect: jest.SpyInstance;
  let tlsConnect: jest.SpyInstance;

  const adapter = (options: WebhookAdapterOptions = {}) =>
    createWebhookAdapter({
      allow: parseWebhookAllowList(`127.0.0.1:${fake.port}`),
      resolve: noDns,
      now: () => NOW,
      connectTimeoutMs: 2_000,
      timeoutMs: 2_000,
      ...options,
    });

  beforeAll(async () => {
    fake = await startFakePlatform();
    hookUrl = `${fake.url}/hook`;
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.setDefault({ kind: 'succeed' });
    netConnect = jest.spyOn(net, 'connect');
    tlsConnect = jest.spyOn(tls, 'connect');
  });
  afterEach(() => jest.restoreAllMocks());

  describe('refuses private targets before connecting (SSRF)', () => {
    it.each([
      ['loopback, not allow-listed', (port: number) => `http://127.0.0.1:${port}/hook`],
      ['IPv6 loopback', (port: number) => `https://[::1]:${port}/hook`],
      ['IPv4-mapped loopback', (port: number) => `https://[::ffff:127.0.0.1]:${port}/hook`],
      ['loopback as a decimal integer', (port: number) => `https://2130706433:${port}/hook`],
      ['loopback in hex', (port: number) => `https://0x7f.1:${port}/hook`],
      ['loopback in octal', (port: number) => `https://017700000001:${port}/hook`],
      ['the unspecified address', (port: number) => `https://0.0.0.0:${port}/hook`],
      ['the metadata service', () => 'http://169.254.169.254/latest/meta-data/iam/'],
      ['10/8', () => 'https://10.0.0.1/hook'],
      ['10/8, far end', () => 'https://10.255.255.255/hook'],
    ])('%s', async (_what, urlFor) => {
      const e = await failure(adapter({ allow: [] }).publish(publishRequest(urlFor(fake.port))));
      expect(e).toMatchObject({ errorClass: 'permanent', code: 'WEBHOOK_ADDRESS_REFUSED' });
      expect(fake.connections).toBe(0);
      expect(netConnect).not.toHaveBeenCalled();
      expect(tlsConnect).not.toHaveBeenCalled();
    });

    it.each([['10.1.2.3'], ['127.0.0.1'], ['169.254.169.254']])(
      'a name resolving to %s',
      async (address) => {
        const resolve: WebhookResolver = () => Promise.resolve([{ address, family: 4 }]);
        const e = await failure(
          adapter({ allow: [], resolve }).publish(
            publishRequest(`https://evil.test:${fake.port}/hook`),
          ),
        );
        expect(e.code).toBe('WEBHOOK_ADDRESS_REFUSED');
        expect(e.message).toContain(`evil.test resolves to ${address}`);
        expect(fake.connections).toBe(0);
        expect(netConnect).not.toHaveBeenCalled();
      },
    );

    it('pins the checked address: a name that changes its answer is looked up once', async () => {
      // The first answer is one the rules accept (the allow-listed receiver), the second one
      // they refuse. Were there a second lookup for the connection, it would go to 10.1.2.3.
      const answers = ['127.0.0.1', '10.1.2.3'];
      const lookups: string[] = [];
      const resolve: WebhookResolver = (host) => {
        lookups.push(host);
        return Promise.resolve([{ address: answers.shift() ?? '10.1.2.3', family: 4 }]);
      };
      const result = await adapter({ resolve }).publish(
        publishRequest(`http://rebind.test:${fake.port}/hook`),
      );
      expect(result.platformPostId).toBe('fake-1');
      expect(lookups).toEqual(['rebind.test']);
      expect(netConnect).toHaveBeenCalledTimes(1);
      expect(netConnect.mock.calls[0]?.[0]).toMatchObject({
        host: '127.0.0.1',
        port: String(fake.port),
      });
      // The receiver still sees the name it was configured with.
      expect(fake.requests[0]?.headers.host).toBe(`rebind.test:${fake.port}`);
    });

    it('does not follow a redirect, to a private address or anywhere', async () => {
      const inner = await startFakePlatform();
      try {
        for (const location of [
          'http://169.254.169.254/latest/meta-data/',
          `${inner.url}/internal`,
        ]) {
          fake.next({ kind: 'redirect', location, status: 307 });
          const e = await failure(adapter().publish(publishRequest(hookUrl)));
          expect(e).toMatchObject({ errorClass: 'permanent', code: 'WEBHOOK_REDIRECT_REFUSED' });
          expect(e.message).toContain(location);
        }
        expect(inner.connections).toBe(0);
        expect(fake.requests).toHaveLength(2);
        expect(netConnect).toHaveBeenCalledTimes(2);
      } finally {
        await inner.close();
      }
    });

    it('lets an allow-listed loopback receiver through', async () => {
      const result = await adapter().publish(publishRequest(hookUrl));
      expect(result).toEqual({ platformPostId: 'fake-1', url: `${fake.url}/posts/fake-1` });
      expect(fake.connections).toBe(1);
    });
  });

  describe('what it sends', () => {
    it('posts the documented, signed payload with the publication id as Idempotency-Key', async () => {
      await adapter().publish(publishRequest(hookUrl, { attempt: 2 }));
      const [sent] = fake.requests;
      expect(sent).toMatchObject({ method: 'POST', path: '/hook' });
      expect(sent?.headers['idempotency-key']).toBe('pub-0001');
      expect(sent?.headers['postplan-event']).toBe('post.publish');
      expect(sent?.headers['content-type']).toMatch(/^application\/json/);
      expect(sent?.headers['postplan-timestamp']).toBe(String(NOW / 1000));
      expect(sent?.body).toEqual({
        type: 'post.publish',
        version: 1,
        publicationId: 'pub-0001',
        attempt: 2,
        sentAt: '2026-12-03T09:00:00.000Z',
        channel: { id: 'ch-1', name: 'Website' },
        post: {
          id: 'post-1',
          title: 'Summer sale',
          text: 'Everything 20 % off — this weekend only.',
          tags: ['sale', 'summer'],
          media: [
            {
              id: 'm-1',
              url: 'https://cdn.example.com/m-1.jpg',
              mimeType: 'image/jpeg',
              altText: 'A beach',
              width: 1200,
              height: 800,
              bytes: 123_456,
            },
          ],
          plannedAt: '2026-12-03T09:00:00.000Z',
          contentHash: 'sha256:abc',
        },
      });
    });

    it('signs so that a receiver following the documentation accepts it, and nothing tampered', async () => {
      await adapter().publish(publishRequest(hookUrl));
      const [sent] = fake.requests;
      if (!sent) throw new Error('nothing sent');
      expect(receiverAccepts(sent.headers, sent.rawBody, NOW / 1000)).toBe(true);
      expect(receiverAccepts(sent.headers, sent.rawBody.replace('20 %', '90 %'), NOW / 1000)).toBe(
        false,
      );
      // A replay outside the five-minute window is refused, and so is another channel's secret.
      expect(receiverAccepts(sent.headers, sent.rawBody, NOW / 1000 + 301)).toBe(false);
      expect(receiverAccepts(sent.headers, sent.rawBody, NOW / 1000, 'another-secret-0123')).toBe(
        false,
      );
    });

    it('never sends the signing secret', async () => {
      await adapter().publish(publishRequest(hookUrl));
      const [sent] = fake.requests;
      expect(JSON.stringify(sent?.headers)).not.toContain(SECRET);
      expect(sent?.rawBody).not.toContain(SECRET);
    });

    it('refuses a channel without URL or signing secret, before connecting', async () => {
      const noSecret = publishRequest(hookUrl);
      const e1 = await failure(
        adapter().publish({ ...noSecret, channel: { ...noSecret.channel, credentials: null } }),
      );
      expect(e1).toMatchObject({ errorClass: 'permanent', code: 'WEBHOOK_SECRET_MISSING' });
      const e2 = await failure(
        adapter().publish({ ...noSecret, channel: { ...noSecret.channel, settings: {} } }),
      );
      expect(e2).toMatchObject({ errorClass: 'permanent', code: 'WEBHOOK_URL_MISSING' });
      expect(fake.connections).toBe(0);
    });
  });

  describe('what an answer means', () => {
    it('takes id and url from the answer when present', async () => {
      fake.next({
        kind: 'succeed',
        status: 201,
        body: { id: 42, url: 'https://site.example/p/42' },
      });
      await expect(adapter().publish(publishRequest(hookUrl))).resolves.toEqual({
        platformPostId: '42',
        url: 'https://site.example/p/42',
      });
    });

    it('falls back to the idempotency key, and ignores a url that is not http(s)', async () => {
      fake.next(
        { kind: 'custom', handle: (_r, res) => void res.writeHead(204).end() },
        { kind: 'succeed', body: { ok: true, url: 'javascript:alert(1)' } },
      );
      await expect(adapter().publish(publishRequest(hookUrl))).resolves.toEqual({
        platformPostId: 'pub-0001',
        url: null,
      });
      await expect(adapter().publish(publishRequest(hookUrl))).resolves.toEqual({
        platformPostId: 'pub-0001',
        url: null,
      });
    });

    it.each([
      [408, 'retryable'],
      [425, 'retryable'],
      [429, 'retryable'],
      [502, 'retryable'],
      [503, 'retryable'],
      [504, 'retryable'],
      [400, 'permanent'],
      [401, 'permanent'],
      [403, 'permanent'],
      [404, 'permanent'],
      [410, 'permanent'],
      [422, 'permanent'],
      [301, 'permanent'],
      [308, 'permanent'],
      [409, 'unknown'],
      [500, 'unknown'],
      [501, 'unknown'],
      [505, 'unknown'],
    ] as const)('%i is %s', async (status, errorClass) => {
      fake.next({
        kind: 'custom',
        handle: (_r, res) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `receiver says ${status}` } }));
        },
      });
      const e = await failure(adapter().publish(publishRequest(hookUrl)));
      expect(e.errorClass).toBe(errorClass);
      if (status < 300 || status >= 400) expect(e.message).toContain(`receiver says ${status}`);
    });

    it('reads Retry-After in seconds', async () => {
      fake.next({ kind: 'rateLimit', retryAfter: 120 });
      const e = await failure(adapter().publish(publishRequest(hookUrl)));
      expect(e).toMatchObject({ errorClass: 'retryable', code: 'RATE_LIMITED' });
      expect(e.options.retryAfterMs).toBe(120_000);
    });

    it('reads Retry-After as an HTTP date', async () => {
      fake.next({ kind: 'rateLimit', retryAfter: new Date(NOW + 90_000) });
      const e = await failure(adapter().publish(publishRequest(hookUrl)));
      expect(e.options.retryAfterMs).toBe(90_000);
    });

    it('reads Retry-After on a 503 too', async () => {
      fake.next({ kind: 'serverError', status: 503, headers: { 'retry-after': '7' } });
      const e = await failure(adapter().publish(publishRequest(hookUrl)));
      expect(e).toMatchObject({ errorClass: 'retryable', code: 'WEBHOOK_UNAVAILABLE' });
      expect(e.options.retryAfterMs).toBe(7_000);
    });

    it('calls a receiver that commits and then times out unknown, after exactly one call', async () => {
      fake.next({ kind: 'commitThenTimeout' });
      const e = await failure(adapter({ timeoutMs: 300 }).publish(publishRequest(hookUrl)));
      expect(e).toMatchObject({ errorClass: 'unknown', code: 'TIMEOUT_AFTER_SEND' });
      expect(fake.posts).toHaveLength(1);
      expect(fake.callsFor('pub-0001')).toBe(1);
      expect(fake.duplicateKeys()).toEqual([]);
    });

    it('calls a lease that runs out while waiting unknown', async () => {
      fake.next({ kind: 'commitThenTimeout' });
      const lease = new AbortController();
      const pending = failure(adapter().publish(publishRequest(hookUrl, { signal: lease.signal })));
      while (fake.posts.length === 0) await new Promise((r) => setTimeout(r, 5));
      lease.abort();
      expect(await pending).toMatchObject({ errorClass: 'unknown', code: 'ABORTED_AFTER_SEND' });
    });

    it('calls a receiver that never completes the TLS handshake retryable: nothing was sent', async () => {
      const silent = net.createServer(() => undefined);
      await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
      const { port } = silent.address() as AddressInfo;
      try {
        const e = await failure(
          adapter({
            allow: parseWebhookAllowList(`127.0.0.1:${port}`),
            connectTimeoutMs: 100,
          }).publish(publishRequest(`https://127.0.0.1:${port}/hook`)),
        );
        expect(e).toMatchObject({ errorClass: 'retryable', code: 'WEBHOOK_CONNECT_TIMEOUT' });
      } finally {
        silent.close();
        // close() waits for open sockets; the client has destroyed its side already.
      }
    });

    it('calls a connection reset after sending unknown', async () => {
      fake.next({ kind: 'custom', handle: (_r, res) => void res.socket?.destroy() });
      const e = await failure(adapter().publish(publishRequest(hookUrl)));
      expect(e).toMatchObject({ errorClass: 'unknown', code: 'CONNECTION_LOST_AFTER_SEND' });
    });

    it('calls a refused connection retryable: nothing was sent', async () => {
      const closedPort = await freePort();
      const e = await failure(
        adapter({ allow: parseWebhookAllowList(`127.0.0.1:${closedPort}`) }).publish(
          publishRequest(`http://127.0.0.1:${closedPort}/hook`),
        ),
      );
      expect(e).toMatchObject({ errorClass: 'retryable', code: 'WEBHOOK_CONNECT_FAILED' });
      expect(e.message).toContain('ECONNREFUSED');
    });

    it('calls a failed name lookup retryable', async () => {
      const resolve: WebhookResolver = () =>
        Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
      const e = await failure(
        adapter({ resolve }).publish(publishRequest('https://gone.test/hook')),
      );
      expect(e).toMatchObject({ errorClass: 'retryable', code: 'WEBHOOK_DNS_FAILED' });
    });

    it('gives up on a name lookup that hangs, as retryable', async () => {
      const resolve: WebhookResolver = () => new Promise(() => undefined);
      const e = await failure(
        adapter({ resolve, connectTimeoutMs: 50 }).publish(
          publishRequest('https://slow-dns.test/hook'),
        ),
      );
      expect(e).toMatchObject({ errorClass: 'retryable', code: 'WEBHOOK_DNS_FAILED' });
      expect(e.message).toContain('ETIMEOUT');
    });
  });

  describe('verify()', () => {
    it('sends a signed ping without an Idempotency-Key, and nothing to publish', async () => {
      const result = await adapter().verify!(
        publishRequest(hookUrl).channel,
        new AbortController().signal,
      );
      expect(result).toEqual({ ok: true, accountName: null, expiresAt: null });
      const [sent] = fake.requests;
      expect(sent?.headers['postplan-event']).toBe('ping');
      expect(sent?.headers['idempotency-key']).toBeUndefined();
      expect(sent?.body).toEqual({
        type: 'ping',
        version: 1,
        sentAt: '2026-12-03T09:00:00.000Z',
        channel: { id: 'ch-1', name: 'Website' },
      });
      if (!sent) throw new Error('nothing sent');
      expect(receiverAccepts(sent.headers, sent.rawBody, NOW / 1000)).toBe(true);
    });

    it('reports a refused address or a rejecting receiver as not ok', async () => {
      const channel = publishRequest(hookUrl).channel;
      const refused = await adapter({ allow: [] }).verify!(channel, new AbortController().signal);
      expect(refused).toMatchObject({ ok: false, error: { code: 'WEBHOOK_ADDRESS_REFUSED' } });
      fake.next({ kind: 'fail', status: 401, message: 'bad signature' });
      const rejected = await adapter().verify!(channel, new AbortController().signal);
      expect(rejected).toMatchObject({ ok: false, error: { errorClass: 'permanent' } });
      expect(fake.connections).toBe(1);
    });
  });

  describe('over https', () => {
    const fixtures = join(__dirname, 'fixtures');
    // A self-signed certificate for hooks.test, valid until 2126, made for these tests only.
    const cert = readFileSync(join(fixtures, 'hooks-test.crt'));
    const key = readFileSync(join(fixtures, 'hooks-test.key'));
    let port: number;
    let server: ReturnType<typeof createHttpsServer>;
    const hosts: (string | undefined)[] = [];

    beforeAll(async () => {
      server = createHttpsServer({ cert, key }, (req, res) => {
        hosts.push(req.headers.host);
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"tls-1"}');
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('connects to the pinned address but checks the certificate against the host name', async () => {
      const resolve: WebhookResolver = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
      const result = await adapter({
        allow: parseWebhookAllowList('hooks.test'),
        resolve,
        ca: cert,
      }).publish(publishRequest(`https://hooks.test:${port}/hook`));
      expect(result.platformPostId).toBe('tls-1');
      expect(hosts).toEqual([`hooks.test:${port}`]);
      expect(tlsConnect.mock.calls[0]?.[0]).toMatchObject({
        host: '127.0.0.1',
        servername: 'hooks.test',
      });
    });

    it('pins a public answer: a name that turns private after the check still reaches the checked address', async () => {
      // Public addresses are out of reach here, so the one below is routed to the local
      // server at the socket: the test sees which address the adapter dialled.
      const PUBLIC = '93.184.215.14';
      const answers = [PUBLIC, '10.1.2.3'];
      const lookups: string[] = [];
      const resolve: WebhookResolver = (host) => {
        lookups.push(host);
        return Promise.resolve([{ address: answers.shift() ?? '10.1.2.3', family: 4 }]);
      };
      tlsConnect.mockImplementation((opts: tls.ConnectionOptions) =>
        realTlsConnect(opts.host === PUBLIC ? { ...opts, host: '127.0.0.1' } : opts),
      );
      const before = hosts.length;
      const result = await adapter({ allow: [], resolve, ca: cert }).publish(
        publishRequest(`https://hooks.test:${port}/hook`),
      );
      expect(result.platformPostId).toBe('tls-1');
      expect(lookups).toEqual(['hooks.test']);
      expect(tlsConnect).toHaveBeenCalledTimes(1);
      expect(tlsConnect.mock.calls[0]?.[0]).toMatchObject({
        host: PUBLIC,
        servername: 'hooks.test',
      });
      expect(hosts.slice(before)).toEqual([`hooks.test:${port}`]);
    });

    it('refuses a certificate that does not name the host, as permanent, sending nothing', async () => {
      const before = hosts.length;
      const e = await failure(
        adapter({ allow: parseWebhookAllowList(`127.0.0.1:${port}`), ca: cert }).publish(
          publishRequest(`https://127.0.0.1:${port}/hook`),
        ),
      );
      expect(e).toMatchObject({ errorClass: 'permanent', code: 'WEBHOOK_TLS_FAILED' });
      expect(hosts).toHaveLength(before);
    });
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
