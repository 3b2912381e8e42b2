import { type PublishMedia, type PublishRequest } from '../adapter';
import {
  FAKE_PINTEREST_BOARD,
  FAKE_PINTEREST_TOKEN,
  type FakePinterest,
  startFakePinterest,
} from './pinterest.fake';
import { createPinterestAdapter } from './pinterest.adapter';

const BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
const image = (id: string, altText: string | null = null): PublishMedia => ({
  id,
  url: `https://cdn/${id}.jpg`,
  mimeType: 'image/jpeg',
  altText,
  width: 1000,
  height: 1500,
  bytes: BYTES.length,
});

describe('Pinterest adapter', () => {
  let fake: FakePinterest;
  beforeEach(async () => {
    fake = await startFakePinterest();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000) =>
    createPinterestAdapter({
      apiBase: fake.url,
      timeoutMs,
      fetchMedia: () => Promise.resolve(BYTES),
      now: () => 0,
    });

  function request(
    content: Partial<PublishRequest['content']> = {},
    settings: Record<string, unknown> = { boardId: FAKE_PINTEREST_BOARD },
  ): PublishRequest {
    return {
      idempotencyKey: 'pub-pin-1',
      attempt: 1,
      channel: {
        id: 'ch-p',
        name: 'Pinterest',
        platform: 'pinterest',
        settings,
        credentials: { accessToken: FAKE_PINTEREST_TOKEN },
      },
      content: {
        postId: 'p',
        title: 'Herbstrezepte',
        text: 'Kürbissuppe in 20 Minuten',
        tags: [],
        media: [image('m1', 'Eine Schale Kürbissuppe')],
        options: { link: 'https://example.com/kuerbissuppe' },
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
      },
      checkpoint: null,
      saveCheckpoint: () => Promise.resolve(),
      signal: new AbortController().signal,
    };
  }

  it('creates a pin on the board with title, description, link, alt text and the image as base64', async () => {
    const result = await adapter().publish(request());
    const pin = fake.pins[0]!;
    expect(result).toEqual({
      platformPostId: pin.id,
      url: `https://www.pinterest.com/pin/${pin.id}/`,
    });
    expect(pin.body).toEqual({
      board_id: FAKE_PINTEREST_BOARD,
      description: 'Kürbissuppe in 20 Minuten',
      title: 'Herbstrezepte',
      link: 'https://example.com/kuerbissuppe',
      alt_text: 'Eine Schale Kürbissuppe',
      media_source: {
        source_type: 'image_base64',
        content_type: 'image/jpeg',
        data: Buffer.from(BYTES).toString('base64'),
      },
    });
  });

  it('makes a carousel of several images, on the board the variant chose', async () => {
    await adapter().publish(
      request({ media: [image('a'), image('b')], options: { boardId: FAKE_PINTEREST_BOARD } }, {}),
    );
    expect(fake.pins[0]!.body['media_source']).toMatchObject({
      source_type: 'multiple_image_base64',
      items: [{ content_type: 'image/jpeg' }, { content_type: 'image/jpeg' }],
    });
  });

  it('refuses a pin without an image or a board before sending', async () => {
    await expect(adapter().publish(request({ media: [] }))).rejects.toMatchObject({
      errorClass: 'permanent',
      code: 'MEDIA_REQUIRED',
    });
    await expect(adapter().publish(request({}, {}))).rejects.toMatchObject({
      code: 'PINTEREST_BOARD_MISSING',
    });
    expect(fake.requests).toEqual([]);
  });

  it.each([
    [401, 2, 'Authentication failed.', 'permanent', 'TOKEN_REVOKED'],
    [403, 3, 'Not authorized to access board.', 'permanent', 'FORBIDDEN'],
    [400, 1, 'Invalid parameters.', 'permanent', 'PINTEREST_REJECTED'],
    [500, 0, 'Internal error.', 'unknown', 'PINTEREST_SERVER_ERROR'],
  ] as const)(
    'classifies %i (code %i, "%s") as %s',
    async (status, code, message, errorClass, errorCode) => {
      fake.errorNext(status, code, message);
      await expect(adapter().publish(request())).rejects.toMatchObject({
        errorClass,
        code: errorCode,
      });
    },
  );

  it('a board that is not there is permanent; a 429 honours Retry-After', async () => {
    await expect(adapter().publish(request({ options: { boardId: '1' } }))).rejects.toMatchObject({
      code: 'PINTEREST_BOARD_NOT_FOUND',
    });
    fake.errorNext(429, 8, 'Rate limit exceeded.', { 'retry-after': '60' });
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 60_000 },
    });
  });

  it('times out as unknown and verifies the account', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    await expect(adapter(300).publish(request())).rejects.toMatchObject({
      errorClass: 'unknown',
      code: 'TIMEOUT_AFTER_SEND',
    });
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({ ok: true, accountName: 'postplan', expiresAt: null });
  });
});
