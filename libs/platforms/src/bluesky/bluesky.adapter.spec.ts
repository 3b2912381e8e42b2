import { AtpAgent, XRPCError } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import sharp from 'sharp';
import { type PublishError, type PublishRequest } from '../adapter';
import { startFakePlatform } from '../testing/fake-server';
import {
  type BlueskyAdapterOptions,
  classifyBlueskyError,
  createBlueskyAdapter,
} from './bluesky.adapter';

/**
 * Against a real Personal Data Server (and PLC directory) from @atproto/dev-env, on loopback:
 * the records, blobs and errors are Bluesky's own, not an imitation.
 */

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

describe('Bluesky adapter against a local PDS', () => {
  let network: TestNetworkNoAppView;
  let reader: AtpAgent;
  let aliceDid: string;
  let bobDid: string;
  let appPassword: string;
  let image: Uint8Array<ArrayBuffer>;

  beforeAll(async () => {
    network = await TestNetworkNoAppView.create({});
    const alice = new AtpAgent({ service: network.pds.url });
    await alice.createAccount({
      handle: 'alice.test',
      email: 'alice@example.com',
      password: 'alice-main-pw',
    });
    aliceDid = alice.session!.did;
    appPassword = (await alice.com.atproto.server.createAppPassword({ name: 'Postplan' })).data
      .password;
    const bob = new AtpAgent({ service: network.pds.url });
    await bob.createAccount({
      handle: 'bob.test',
      email: 'bob@example.com',
      password: 'bob-main-pw',
    });
    bobDid = bob.session!.did;
    reader = alice;
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 40, b: 40 } },
    })
      .png()
      .toBuffer();
    image = new Uint8Array(png);
  });
  afterAll(() => network.close());

  const adapter = (options: BlueskyAdapterOptions = {}) =>
    createBlueskyAdapter({
      fetchMedia: () => Promise.resolve(image),
      now: () => NOW,
      timeoutMs: 10_000,
      ...options,
    });

  function request(
    idempotencyKey: string,
    overrides: Partial<PublishRequest['content']> = {},
    password = appPassword,
  ): PublishRequest & { saved: Record<string, unknown>[] } {
    const saved: Record<string, unknown>[] = [];
    const req: PublishRequest & { saved: Record<string, unknown>[] } = {
      idempotencyKey,
      attempt: 1,
      channel: {
        id: 'ch-bsky',
        name: 'Bluesky',
        platform: 'bluesky',
        settings: { service: network.pds.url, identifier: 'alice.test' },
        credentials: { appPassword: password },
      },
      content: {
        postId: 'post-1',
        title: null,
        text: 'Grüße 🎉 vom Sommerfest: https://example.com/sommer #Sommerfest mit @bob.test',
        tags: [],
        media: [
          {
            id: 'm-1',
            url: 'https://media.example.com/m-1.png',
            mimeType: 'image/png',
            altText: 'Ein rotes Banner mit dem Programm des Sommerfests',
            width: 40,
            height: 30,
            bytes: image.length,
          },
        ],
        options: { langs: ['de'] },
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'sha256:abc',
        ...overrides,
      },
      checkpoint: null,
      saveCheckpoint: (c) => {
        saved.push(c);
        req.checkpoint = c;
        return Promise.resolve();
      },
      signal: new AbortController().signal,
      saved,
    };
    return req;
  }

  const postsOfAlice = async () =>
    (
      await reader.com.atproto.repo.listRecords({
        repo: aliceDid,
        collection: 'app.bsky.feed.post',
        limit: 100,
      })
    ).data.records;

  it('publishes a post with a link, a hashtag, a mention and an image with alt text', async () => {
    const req = request('pub-bsky-1');
    const result = await adapter().publish(req);

    const rkey = result.platformPostId.split('/').at(-1)!;
    expect(result).toEqual({
      platformPostId: `at://${aliceDid}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/${aliceDid}/post/${rkey}`,
    });
    // The key was stored before the record was written.
    expect(req.saved).toEqual([{ rkey, createdAt: new Date(NOW).toISOString() }]);

    const stored = (
      await reader.com.atproto.repo.getRecord({
        repo: aliceDid,
        collection: 'app.bsky.feed.post',
        rkey,
      })
    ).data.value as Record<string, unknown> & {
      text: string;
      facets: { index: { byteStart: number; byteEnd: number }; features: unknown[] }[];
      embed: { $type: string; images: { alt: string; aspectRatio: unknown; image: unknown }[] };
    };
    const text = req.content.text;
    expect(stored.text).toBe(text);
    const bytes = new TextEncoder().encode(text);
    const covered = stored.facets.map((f) =>
      new TextDecoder().decode(bytes.slice(f.index.byteStart, f.index.byteEnd)),
    );
    expect(covered).toEqual(['https://example.com/sommer', '#Sommerfest', '@bob.test']);
    expect(stored.facets.map((f) => f.features[0])).toEqual([
      expect.objectContaining({
        $type: 'app.bsky.richtext.facet#link',
        uri: 'https://example.com/sommer',
      }),
      expect.objectContaining({ $type: 'app.bsky.richtext.facet#tag', tag: 'Sommerfest' }),
      expect.objectContaining({ $type: 'app.bsky.richtext.facet#mention', did: bobDid }),
    ]);
    expect(stored.embed.$type).toBe('app.bsky.embed.images');
    expect(stored.embed.images).toEqual([
      expect.objectContaining({
        alt: 'Ein rotes Banner mit dem Programm des Sommerfests',
        aspectRatio: { width: 40, height: 30 },
      }),
    ]);
    expect(stored['langs']).toEqual(['de']);
    // The image is really on the PDS.
    const blobCid = String((stored.embed.images[0]!.image as { ref: unknown }).ref);
    const blob = await reader.com.atproto.sync.getBlob({ did: aliceDid, cid: blobCid });
    expect(Buffer.from(blob.data).equals(Buffer.from(image))).toBe(true);
  });

  it('replays a publication without a second record: with its checkpoint, without it, and twice at once', async () => {
    const before = (await postsOfAlice()).length;
    const first = request('pub-bsky-replay');
    const published = await adapter().publish(first);

    // A retry after a lease ran out: same key, the checkpoint the first attempt saved.
    const retry = request('pub-bsky-replay');
    retry.checkpoint = first.checkpoint;
    retry.attempt = 2;
    await expect(adapter().publish(retry)).resolves.toEqual(published);
    // Even a lost checkpoint (a new process) lands on the same record key.
    await expect(adapter().publish(request('pub-bsky-replay'))).resolves.toEqual(published);
    // Two attempts racing: one writes, the other hits "already a value at key" and confirms.
    const racing = await Promise.all([
      adapter().publish(request('pub-bsky-race')),
      adapter().publish(request('pub-bsky-race')),
    ]);
    expect(racing[0]).toEqual(racing[1]);

    const after = await postsOfAlice();
    expect(after.length).toBe(before + 2);
    expect(after.filter((r) => r.uri === published.platformPostId)).toHaveLength(1);
  });

  it('reconciles: published with its URI once written, absent before', async () => {
    const bluesky = adapter();
    const req = request('pub-bsky-reconcile', { media: [] });
    await expect(bluesky.reconcile!(req)).resolves.toEqual({ status: 'absent' });
    const published = await bluesky.publish(req);
    await expect(bluesky.reconcile!(request('pub-bsky-reconcile', { media: [] }))).resolves.toEqual(
      {
        status: 'published',
        ...published,
      },
    );
  });

  it('refuses a wrong app password as permanent, and a valid one verifies with the handle', async () => {
    const e = await failure(adapter().publish(request('pub-bsky-badpw', {}, 'wrong-pass-word')));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'TOKEN_REVOKED' });
    expect(e.message).not.toContain('wrong-pass-word');
    const channel = request('x').channel;
    await expect(adapter().verify!(channel, new AbortController().signal)).resolves.toEqual({
      ok: true,
      accountName: '@alice.test',
      expiresAt: null,
    });
  });

  it('refuses text over 3,000 bytes and invalid options before writing anything', async () => {
    const before = (await postsOfAlice()).length;
    const long = await failure(
      adapter().publish(request('pub-bsky-long', { text: '👨‍👩‍👧‍👦'.repeat(130), media: [] })),
    );
    expect(long).toMatchObject({ errorClass: 'permanent', code: 'TEXT_TOO_LONG' });
    const bad = await failure(
      adapter().publish(request('pub-bsky-opts', { options: { langs: ['de', 'en', 'fr', 'it'] } })),
    );
    expect(bad).toMatchObject({ errorClass: 'permanent', code: 'OPTIONS_INVALID' });
    expect((await postsOfAlice()).length).toBe(before);
  });

  it('retries a PDS that cannot be reached: the record key makes a retry safe', async () => {
    const closed = await startFakePlatform();
    const closedUrl = closed.url;
    await closed.close();
    const req = request('pub-bsky-down');
    req.channel = {
      ...req.channel,
      settings: { service: closedUrl, identifier: 'alice.test' },
    };
    const e = await failure(adapter().publish(req));
    expect(e).toMatchObject({ errorClass: 'retryable', code: 'PLATFORM_UNREACHABLE' });
  });
});

describe('Bluesky error classes', () => {
  it('honours RateLimit-Reset on a 429', () => {
    const reset = Math.floor(NOW / 1000) + 90;
    const e = classifyBlueskyError(
      new XRPCError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'ratelimit-reset': String(reset),
      }),
      NOW,
    );
    expect(e).toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 90_000 },
    });
  });

  it('treats a validation error as permanent and a 502 as retryable', () => {
    expect(
      classifyBlueskyError(new XRPCError(400, 'InvalidRequest', 'Invalid record'), NOW),
    ).toMatchObject({
      errorClass: 'permanent',
      code: 'BLUESKY_REJECTED',
    });
    expect(
      classifyBlueskyError(new XRPCError(502, 'UpstreamFailure', 'Bad gateway'), NOW),
    ).toMatchObject({
      errorClass: 'retryable',
      code: 'BLUESKY_UNAVAILABLE',
    });
  });
});

/**
 * Replies come from the AppView (app.bsky.feed.getPostThread, answered through the PDS), which
 * the local PDS network lacks: a fake XRPC service answers as the AppView documents it.
 */
describe('Bluesky replies (getPostThread)', () => {
  const CID = 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm';
  const did = 'did:plc:alice000000000000000000';
  const root = `at://${did}/app.bsky.feed.post/3lroot000000a`;
  const view = (
    uri: string,
    handle: string,
    text: string,
    createdAt: string,
    replies: unknown[] = [],
  ) => ({
    $type: 'app.bsky.feed.defs#threadViewPost',
    post: {
      uri,
      cid: CID,
      author: {
        did: `did:plc:${handle.replace(/\W/g, '').padEnd(24, '0').slice(0, 24)}`,
        handle,
        displayName: handle.split('.')[0],
      },
      record: { $type: 'app.bsky.feed.post', text, createdAt },
      indexedAt: createdAt,
    },
    replies,
  });

  it('walks the thread: every reply at every level, blocked ones left out, oldest first', async () => {
    const fake = await startFakePlatform({
      default: {
        kind: 'custom',
        handle: (request, res) => {
          res.setHeader('content-type', 'application/json');
          if (request.path.startsWith('/xrpc/com.atproto.server.createSession')) {
            res.end(
              JSON.stringify({
                accessJwt: 'a',
                refreshJwt: 'r',
                did,
                handle: 'alice.test',
                active: true,
              }),
            );
            return;
          }
          if (request.path.startsWith('/xrpc/app.bsky.feed.getPostThread')) {
            const uri = new URL(request.path, 'http://x').searchParams.get('uri');
            if (uri !== root) {
              res.statusCode = 400;
              res.end(JSON.stringify({ error: 'NotFound', message: 'Post not found' }));
              return;
            }
            const lisa = `at://did:plc:lisa/app.bsky.feed.post/3lreply00001`;
            res.end(
              JSON.stringify({
                thread: view(root, 'alice.test', 'Gewinnspiel!', '2026-12-01T09:00:00.000Z', [
                  view(
                    lisa,
                    'lisa.bsky.social',
                    'Dabei @tom.bsky.social',
                    '2026-12-02T10:00:00.000Z',
                    [
                      view(
                        `at://did:plc:tom/app.bsky.feed.post/3lreply00002`,
                        'tom.bsky.social',
                        'Ich auch',
                        '2026-12-03T10:00:00.000Z',
                      ),
                    ],
                  ),
                  {
                    $type: 'app.bsky.feed.defs#blockedPost',
                    uri: 'at://did:plc:x/app.bsky.feed.post/3lx',
                    blocked: true,
                    author: { did: 'did:plc:x' },
                  },
                  view(
                    `at://did:plc:eve/app.bsky.feed.post/3lreply00003`,
                    'eve.bsky.social',
                    'Früh dran',
                    '2026-12-01T12:00:00.000Z',
                  ),
                ]),
              }),
            );
            return;
          }
          res.statusCode = 404;
          res.end(JSON.stringify({ error: 'MethodNotImplemented' }));
        },
      },
    });
    try {
      const adapter = createBlueskyAdapter({ now: () => NOW, timeoutMs: 5_000 });
      const channel = {
        id: 'ch-b',
        name: 'Bluesky',
        platform: 'bluesky' as const,
        settings: { service: fake.url, identifier: 'alice.test' },
        credentials: { appPassword: 'abcd-efgh-ijkl-mnop' },
      };
      const replies = await adapter.listReplies!(channel, root, null, new AbortController().signal);
      expect(replies.map((r) => [r.authorHandle, r.text, r.parentId])).toEqual([
        ['eve.bsky.social', 'Früh dran', null],
        ['lisa.bsky.social', 'Dabei @tom.bsky.social', null],
        ['tom.bsky.social', 'Ich auch', 'at://did:plc:lisa/app.bsky.feed.post/3lreply00001'],
      ]);
      const gone = await failure(
        adapter.listReplies!(
          channel,
          `at://${did}/app.bsky.feed.post/3lnothere000`,
          null,
          new AbortController().signal,
        ),
      );
      expect(gone).toMatchObject({ errorClass: 'permanent' });
    } finally {
      await fake.close();
    }
  });
});
