import { Agent } from 'node:https';
import { type PublishError, type PublishRequest } from '../adapter';
import { FAKE_X_TOKEN, fakeXCa, type FakeX, startFakeX } from './x.fake';
import { createXAdapter } from './x.adapter';

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

describe('X adapter (twitter-api-v2 against a fake X over TLS)', () => {
  let fake: FakeX;
  let agent: Agent;
  beforeEach(async () => {
    fake = await startFakeX();
    agent = new Agent({ ca: fakeXCa() });
  });
  afterEach(async () => {
    agent.destroy();
    await fake.close();
  });

  const adapter = (timeoutMs = 2_000) =>
    createXAdapter({
      apiBase: fake.url,
      httpAgent: agent,
      timeoutMs,
      now: () => NOW,
      fetchMedia: () => Promise.resolve(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
    });

  function request(
    content: Partial<PublishRequest['content']> = {},
    token = FAKE_X_TOKEN,
    settings: Record<string, unknown> = {},
  ): PublishRequest {
    return {
      idempotencyKey: 'pub-x-1',
      attempt: 1,
      channel: {
        id: 'ch-x',
        name: 'X',
        platform: 'x',
        settings,
        credentials: { accessToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: 'Sommerfest am Samstag 🎉 https://example.com/sommerfest',
        tags: [],
        media: [],
        options: {},
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
      },
      checkpoint: null,
      saveCheckpoint: () => Promise.resolve(),
      signal: new AbortController().signal,
    };
  }

  it('uploads an image with alt text, then posts with its media id and the documented fields', async () => {
    const result = await adapter().publish(
      request({
        media: [
          {
            id: 'm1',
            url: 'https://cdn/m1.png',
            mimeType: 'image/png',
            altText: 'Bühne im Park',
            width: 1,
            height: 1,
            bytes: 7,
          },
        ],
        options: { replySettings: 'following' },
      }),
    );
    const [mediaId] = [...fake.media.keys()];
    expect(fake.media.get(mediaId!)).toEqual({
      type: 'image/png',
      bytes: 7,
      altText: 'Bühne im Park',
      appended: 1,
    });
    const tweet = fake.tweets[0]!;
    expect(tweet.body).toEqual({
      text: 'Sommerfest am Samstag 🎉 https://example.com/sommerfest',
      media: { media_ids: [mediaId] },
      reply_settings: 'following',
    });
    expect(result).toEqual({
      platformPostId: tweet.id,
      url: `https://x.com/i/web/status/${tweet.id}`,
    });
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/2/media/upload/initialize',
      `/2/media/upload/${mediaId}/append`,
      `/2/media/upload/${mediaId}/finalize`,
      '/2/media/metadata',
      '/2/tweets',
    ]);
  });

  it('counts weighted characters: 140 emoji are 280 and fit, 141 do not; a Premium limit lifts it', async () => {
    await expect(adapter().publish(request({ text: '😀'.repeat(140) }))).resolves.toBeDefined();
    const e = await failure(adapter().publish(request({ text: '😀'.repeat(141) })));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'TEXT_TOO_LONG' });
    await expect(
      adapter().publish(
        request({ text: '😀'.repeat(141) }, FAKE_X_TOKEN, { characterLimit: 25_000 }),
      ),
    ).resolves.toBeDefined();
  });

  it('treats "duplicate content" as a permanent DUPLICATE that names no post', async () => {
    await adapter().publish(request());
    const e = await failure(adapter().publish(request()));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'DUPLICATE' });
    expect(e.options.existing).toBeUndefined();
    expect(fake.tweets).toHaveLength(1);
  });

  it('honours x-rate-limit-reset on a 429', async () => {
    fake.rateLimitNext(NOW / 1000 + 900);
    const e = await failure(adapter().publish(request()));
    expect(e).toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 900_000 },
    });
  });

  it.each([
    [401, 'Unauthorized', 'Unauthorized', 'permanent', 'TOKEN_REVOKED'],
    [403, 'Forbidden', 'You are not permitted to perform this action.', 'permanent', 'FORBIDDEN'],
    [
      400,
      'Invalid Request',
      'One or more parameters to your request was invalid.',
      'permanent',
      'X_REJECTED',
    ],
    [503, 'Service Unavailable', 'Service Unavailable', 'unknown', 'X_SERVER_ERROR'],
  ] as const)('classifies %i %s ("%s") as %s', async (status, title, detail, errorClass, code) => {
    fake.errorNext(status, title, detail);
    await expect(adapter().publish(request())).rejects.toMatchObject({ errorClass, code });
  });

  it('a failed upload is retryable, because nothing was posted yet', async () => {
    fake.errorNext(503, 'Service Unavailable', 'Service Unavailable');
    const e = await failure(
      adapter().publish(
        request({
          media: [
            {
              id: 'm',
              url: 'https://cdn/m.png',
              mimeType: 'image/png',
              altText: null,
              width: 1,
              height: 1,
              bytes: 7,
            },
          ],
        }),
      ),
    );
    expect(e).toMatchObject({ errorClass: 'retryable', code: 'MEDIA_UPLOAD_FAILED' });
    expect(fake.tweets).toEqual([]);
  });

  it('a revoked token never shows in the error, and verify names the account', async () => {
    const e = await failure(adapter().publish(request({}, 'revoked-x-token')));
    expect(e).toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(e.message).not.toContain('revoked-x-token');
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({
      ok: true,
      accountName: '@postplan',
      expiresAt: null,
    });
  });

  it('a post that gets no answer is unknown (it may have gone out)', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    // twitter-api-v2 reports its own timeout as a failed request, so the code is CONNECTION_LOST.
    await expect(adapter(300).publish(request())).rejects.toMatchObject({ errorClass: 'unknown' });
  });
});
