import { type PublishError, type PublishMedia, type PublishRequest } from '../adapter';
import { FAKE_TELEGRAM_TOKEN, type FakeTelegram, startFakeTelegram } from './telegram.fake';
import { createTelegramAdapter, escapeTelegramHtml } from './telegram.adapter';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

const photo = (id: string): PublishMedia => ({
  id,
  url: `https://cdn.example.com/${id}.jpg`,
  mimeType: 'image/jpeg',
  altText: 'Alt',
  width: 10,
  height: 10,
  bytes: JPEG.length,
});

describe('Telegram adapter', () => {
  let fake: FakeTelegram;
  beforeEach(async () => {
    fake = await startFakeTelegram();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000) =>
    createTelegramAdapter({
      apiRoot: fake.url,
      timeoutMs,
      fetchMedia: () => Promise.resolve(JPEG),
    });

  function request(
    content: Partial<PublishRequest['content']> = {},
    settings: Record<string, unknown> = { chatId: '@postplan_news' },
    token = FAKE_TELEGRAM_TOKEN,
  ): PublishRequest {
    const req: PublishRequest = {
      idempotencyKey: 'pub-tg-1',
      attempt: 1,
      channel: {
        id: 'ch-t',
        name: 'Telegram',
        platform: 'telegram',
        settings,
        credentials: { botToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: 'Sale <today> & tomorrow: 20 % off',
        tags: [],
        media: [],
        options: {},
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
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

  it('sends a message to a channel in HTML mode with the text escaped, and links to it', async () => {
    const result = await adapter().publish(
      request({ options: { silent: true, disableLinkPreview: true } }),
    );
    expect(result).toEqual({
      platformPostId: '-1001234567890:100',
      url: 'https://t.me/postplan_news/100',
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.method).toBe('sendMessage');
    expect(fake.calls[0]!.request.body).toEqual({
      chat_id: '@postplan_news',
      parse_mode: 'HTML',
      disable_notification: true,
      text: 'Sale &lt;today&gt; &amp; tomorrow: 20 % off',
      link_preview_options: { is_disabled: true },
    });
  });

  it('sends a photo with a caption to a private supergroup, linked through t.me/c', async () => {
    const result = await adapter().publish(
      request({ media: [photo('m1')] }, { chatId: '-1009876543210' }),
    );
    expect(result.url).toBe('https://t.me/c/9876543210/100');
    expect(fake.calls[0]).toMatchObject({
      method: 'sendPhoto',
      fields: {
        chat_id: '-1009876543210',
        parse_mode: 'HTML',
        caption: 'Sale &lt;today&gt; &amp; tomorrow: 20 % off',
      },
      files: ['photo'],
    });
    expect(fake.calls[0]!.fields['disable_notification']).toBeUndefined();
  });

  it('sends several photos as one album with the caption on the first', async () => {
    await adapter().publish(request({ media: [photo('a'), photo('b'), photo('c')] }));
    const call = fake.calls[0]!;
    expect(call.method).toBe('sendMediaGroup');
    expect(JSON.parse(call.fields['media']!)).toEqual([
      {
        type: 'photo',
        media: 'attach://file0',
        caption: 'Sale &lt;today&gt; &amp; tomorrow: 20 % off',
        parse_mode: 'HTML',
      },
      { type: 'photo', media: 'attach://file1' },
      { type: 'photo', media: 'attach://file2' },
    ]);
    expect(call.files).toEqual(['file0', 'file1', 'file2']);
    expect(fake.delivered).toHaveLength(3);
  });

  it('allows 4,096 characters for a message but only 1,024 under a photo', async () => {
    await expect(adapter().publish(request({ text: 'ä'.repeat(4096) }))).resolves.toBeDefined();
    const caption = await failure(
      adapter().publish(request({ text: 'ä'.repeat(1025), media: [photo('m')] })),
    );
    expect(caption).toMatchObject({ errorClass: 'permanent', code: 'CAPTION_TOO_LONG' });
    const text = await failure(adapter().publish(request({ text: 'ä'.repeat(4097) })));
    expect(text).toMatchObject({ errorClass: 'permanent', code: 'TEXT_TOO_LONG' });
    expect(fake.delivered).toHaveLength(1);
  });

  it('honours retry_after of a 429', async () => {
    fake.failNext(429, 'Too Many Requests: retry after 35', { retry_after: 35 });
    const e = await failure(adapter().publish(request()));
    expect(e).toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 35_000 },
    });
  });

  it('follows a group upgraded to a supergroup and remembers the new id', async () => {
    fake.migrate('-4001', -1004001);
    const req = request({}, { chatId: '-4001' });
    const result = await adapter().publish(req);
    expect(result.platformPostId).toBe('-1004001:100');
    expect(req.checkpoint).toEqual({ migratedChatId: -1004001 });
    expect(fake.delivered).toEqual([{ chatId: '-1004001', messageId: 100, method: 'sendMessage' }]);
  });

  it.each([
    [
      403,
      'Forbidden: bot was kicked from the channel chat',
      'permanent',
      'TELEGRAM_BOT_CANNOT_POST',
    ],
    [400, 'Bad Request: chat not found', 'permanent', 'TELEGRAM_CHAT_NOT_FOUND'],
    [400, "Bad Request: can't parse entities", 'permanent', 'TELEGRAM_REJECTED'],
    [502, 'Bad Gateway', 'unknown', 'TELEGRAM_SERVER_ERROR'],
  ] as const)('classifies %i "%s" as %s', async (status, description, errorClass, code) => {
    fake.failNext(status, description);
    const e = await failure(adapter().publish(request()));
    expect(e).toMatchObject({ errorClass, code });
  });

  it('treats an unknown token as revoked and never shows the token', async () => {
    const token = '999999:AAE-some-other-token-000000000000';
    const e = await failure(adapter().publish(request({}, undefined, token)));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'TOKEN_REVOKED' });
    expect(e.message).not.toContain(token);
  });

  it('gives up on an answer that never comes as unknown', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    const e = await failure(adapter(300).publish(request()));
    expect(e).toMatchObject({ errorClass: 'unknown', code: 'TIMEOUT_AFTER_SEND' });
    expect(e.message).not.toContain(FAKE_TELEGRAM_TOKEN);
  });

  it('a Bot API that cannot be reached is retryable', async () => {
    const closed = await startFakeTelegram();
    await closed.close();
    const e = await failure(
      createTelegramAdapter({ apiRoot: closed.url, timeoutMs: 2_000 }).publish(request()),
    );
    expect(e).toMatchObject({ errorClass: 'retryable', code: 'PLATFORM_UNREACHABLE' });
  });

  it('verifies that the bot may post in the chat', async () => {
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({
      ok: true,
      accountName: 'Postplan News',
      expiresAt: null,
    });
  });

  it('escapes exactly &, < and >', () => {
    expect(escapeTelegramHtml('<b>"A" & \'B\'</b>')).toBe('&lt;b&gt;"A" &amp; \'B\'&lt;/b&gt;');
  });
});
