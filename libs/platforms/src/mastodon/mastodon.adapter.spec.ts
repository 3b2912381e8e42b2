import { type PublishError, type PublishRequest } from '../adapter';
import { FAKE_MASTODON_TOKEN, type FakeMastodon, startFakeMastodon } from './mastodon.fake';
import { type MastodonAdapterOptions, createMastodonAdapter } from './mastodon.adapter';

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

describe('Mastodon adapter', () => {
  let fake: FakeMastodon;
  beforeEach(async () => {
    fake = await startFakeMastodon({ maxCharacters: 1000 });
  });
  afterEach(() => fake.close());

  const adapter = (options: MastodonAdapterOptions = {}) =>
    createMastodonAdapter({
      fetchMedia: () => Promise.resolve(PNG),
      now: () => NOW,
      timeoutMs: 2_000,
      mediaPollIntervalMs: 5,
      ...options,
    });

  function request(
    overrides: Partial<PublishRequest['content']> = {},
    token = FAKE_MASTODON_TOKEN,
  ): PublishRequest {
    const req: PublishRequest = {
      idempotencyKey: 'pub-masto-1',
      attempt: 1,
      channel: {
        id: 'ch-m',
        name: 'Mastodon',
        platform: 'mastodon',
        settings: { instanceUrl: fake.url },
        credentials: { accessToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: 'Grüße vom Sommerfest! https://example.com #Sommerfest',
        tags: [],
        media: [],
        options: { visibility: 'unlisted', language: 'de' },
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...overrides,
      },
      checkpoint: null,
      saveCheckpoint: (c) => {
        req.checkpoint = c;
        return Promise.resolve();
      },
      signal: new AbortController().signal,
    };
    return req;
  }

  it('posts a status with its Idempotency-Key, the documented fields and an image with its description', async () => {
    const req = request({
      media: [
        {
          id: 'm1',
          url: 'https://cdn/m1.png',
          mimeType: 'image/png',
          altText: 'Ein Banner',
          width: 1,
          height: 1,
          bytes: PNG.length,
        },
      ],
    });
    const result = await adapter().publish(req);
    expect(result).toEqual({ platformPostId: '110000001', url: `${fake.url}/@alice/110000001` });

    const upload = fake.requests.find((r) => r.path === '/api/v2/media')!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(fake.media.get('9001')).toMatchObject({
      description: 'Ein Banner',
      mimeType: 'image/png',
    });
    const post = fake.requests.find((r) => r.path === '/api/v1/statuses')!;
    expect(post.headers['idempotency-key']).toBe('pub-masto-1');
    expect(post.headers.authorization).toBe(`Bearer ${FAKE_MASTODON_TOKEN}`);
    expect(post.body).toEqual({
      status: 'Grüße vom Sommerfest! https://example.com #Sommerfest',
      media_ids: ['9001'],
      visibility: 'unlisted',
      language: 'de',
    });
  });

  it('waits for a video to be processed before posting it', async () => {
    const req = request({
      media: [
        {
          id: 'v1',
          url: 'https://cdn/v1.mp4',
          mimeType: 'video/mp4',
          altText: null,
          width: null,
          height: null,
          bytes: 11,
        },
      ],
    });
    await adapter().publish(req);
    const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.slice(1)).toEqual([
      'POST /api/v2/media',
      'GET /api/v1/media/9001',
      'GET /api/v1/media/9001',
      'POST /api/v1/statuses',
    ]);
  });

  it('reads the limit from the instance: 600 characters pass on a 1,000 instance, fail on a 500 one', async () => {
    const text = 'a'.repeat(600);
    await expect(adapter().publish(request({ text }))).resolves.toBeDefined();
    const small = await startFakeMastodon({ maxCharacters: 500 });
    try {
      const req = request({ text });
      req.channel = { ...req.channel, settings: { instanceUrl: small.url } };
      const limits = await adapter().instanceLimits(req.channel, req.signal);
      expect(limits).toMatchObject({
        maxCharacters: 500,
        maxMediaAttachments: 4,
        descriptionLimit: 1500,
      });
      const e = await failure(adapter().publish(req));
      expect(e).toMatchObject({ errorClass: 'permanent', code: 'TEXT_TOO_LONG' });
      expect(small.statuses).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('sends the same Idempotency-Key on a retry, and Mastodon answers with the first status', async () => {
    const first = await adapter().publish(request());
    const retry = request();
    retry.attempt = 2;
    retry.checkpoint = null;
    await expect(adapter().publish(retry)).resolves.toEqual(first);
    expect(fake.statuses).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/api/v1/statuses').map((r) => r.key)).toEqual([
      'pub-masto-1',
      'pub-masto-1',
    ]);
  });

  it('reuses the uploads of an earlier attempt instead of uploading again', async () => {
    const image = {
      id: 'm1',
      url: 'https://cdn/m1.png',
      mimeType: 'image/png',
      altText: 'Alt',
      width: 1,
      height: 1,
      bytes: 3,
    };
    const mastodon = adapter();
    const first = request({ media: [image] });
    await mastodon.instanceLimits(first.channel, first.signal);
    fake.reset();
    fake.next(
      {
        kind: 'custom',
        handle: (_r, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"777"}');
        },
      },
      { kind: 'serverError', status: 503 },
    );
    await expect(mastodon.publish(first)).rejects.toMatchObject({ errorClass: 'retryable' });
    expect(first.checkpoint).toEqual({ firstSentAt: NOW, mediaIds: ['777'] });
    fake.reset();
    const retry = request({ media: [image] });
    retry.checkpoint = first.checkpoint;
    await mastodon.publish(retry).catch(() => undefined);
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/v1/statuses']);
    expect(fake.requests[0]!.body).toMatchObject({ media_ids: ['777'] });
  });

  it('honours X-RateLimit-Reset on a 429', async () => {
    const mastodon = adapter();
    await mastodon.instanceLimits(request().channel, new AbortController().signal);
    fake.rateLimitNext(new Date(NOW + 120_000));
    const e = await failure(mastodon.publish(request()));
    expect(e).toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 120_000 },
    });
  });

  it.each([
    [401, 'The access token is invalid', 'permanent', 'TOKEN_REVOKED'],
    [422, 'Validation failed: Text character limit of 500 exceeded', 'permanent', 'TEXT_TOO_LONG'],
    [422, 'Validation failed: Media attachments is invalid', 'permanent', 'MASTODON_REJECTED'],
    [503, 'Service Unavailable', 'retryable', 'MASTODON_UNAVAILABLE'],
    [500, 'We are sorry, but something went wrong', 'unknown', 'MASTODON_SERVER_ERROR'],
  ] as const)('classifies %i "%s" as %s', async (status, message, errorClass, code) => {
    const mastodon = adapter();
    await mastodon.instanceLimits(request().channel, new AbortController().signal);
    fake.errorNext(status, message);
    const e = await failure(mastodon.publish(request()));
    expect(e).toMatchObject({ errorClass, code });
  });

  it('treats a revoked token as permanent without leaking it', async () => {
    const e = await failure(adapter().publish(request({}, 'revoked-token-value')));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'TOKEN_REVOKED' });
    expect(e.message).not.toContain('revoked-token-value');
  });

  it('times out a status that never answers as unknown', async () => {
    const mastodon = adapter({ timeoutMs: 300 });
    await mastodon.instanceLimits(request().channel, new AbortController().signal);
    fake.next({ kind: 'commitThenTimeout' });
    const e = await failure(mastodon.publish(request()));
    expect(e).toMatchObject({ errorClass: 'unknown', code: 'TIMEOUT_AFTER_SEND' });
  });

  it('reconciles by the source text of the account’s statuses since the first attempt', async () => {
    const mastodon = adapter();
    const unsent = request({ text: 'Noch nicht gesendet' });
    unsent.checkpoint = { firstSentAt: NOW };
    await expect(mastodon.reconcile!(unsent)).resolves.toEqual({ status: 'absent' });
    const req = request();
    const published = await mastodon.publish(req);
    await expect(mastodon.reconcile!(req)).resolves.toEqual({ status: 'published', ...published });
  });

  it('reads the replies of a status at every level from its context, as plain text', async () => {
    const { platformPostId } = await adapter().publish(request());
    const first = fake.reply(platformPostId, {
      acct: 'lisa',
      html: '<p>Dabei! <span class="h-card"><a href="https://x/@tom" class="u-url mention">@<span>tom</span></a></span> &amp; ich</p>',
      createdAt: '2026-12-04T10:00:00.000Z',
    });
    fake.reply(first, {
      acct: 'tom@other.social',
      html: '<p>Ich auch<br>@lisa</p>',
      createdAt: '2026-12-05T10:00:00.000Z',
    });
    fake.reply('999', {
      acct: 'elsewhere',
      html: '<p>anderswo</p>',
      createdAt: '2026-12-05T11:00:00.000Z',
    });
    const replies = await adapter().listReplies!(
      request().channel,
      platformPostId,
      null,
      new AbortController().signal,
    );
    expect(replies).toEqual([
      {
        id: first,
        authorHandle: 'lisa',
        authorName: 'lisa',
        text: 'Dabei! @tom & ich',
        createdAt: '2026-12-04T10:00:00.000Z',
        parentId: null,
      },
      expect.objectContaining({
        authorHandle: 'tom@other.social',
        text: 'Ich auch\n@lisa',
        parentId: first,
      }),
    ]);
    const later = await adapter().listReplies!(
      request().channel,
      platformPostId,
      new Date('2026-12-05T00:00:00Z'),
      new AbortController().signal,
    );
    expect(later.map((r) => r.authorHandle)).toEqual(['tom@other.social']);
  });

  it('says permanently when the status is gone', async () => {
    await expect(
      adapter().listReplies!(request().channel, '123', null, new AbortController().signal),
    ).rejects.toMatchObject({ errorClass: 'permanent' });
  });

  it('verifies the token and names the account', async () => {
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({
      ok: true,
      accountName: '@alice',
      expiresAt: null,
    });
  });

  it('refuses invalid options before sending anything', async () => {
    const e = await failure(adapter().publish(request({ options: { visibility: 'everyone' } })));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'OPTIONS_INVALID' });
    expect(fake.requests).toEqual([]);
  });
});
