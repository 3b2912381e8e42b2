import { type PublishError, type PublishRequest } from '../adapter';
import {
  FAKE_DISCORD_BOT_TOKEN,
  FAKE_DISCORD_CHANNEL,
  FAKE_DISCORD_WEBHOOK,
  type FakeDiscord,
  startFakeDiscord,
} from './discord.fake';
import { createDiscordAdapter } from './discord.adapter';

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

const WEBHOOK_URL = `https://discord.com/api/webhooks/${FAKE_DISCORD_WEBHOOK.id}/${FAKE_DISCORD_WEBHOOK.token}`;

describe('Discord adapter', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000) =>
    createDiscordAdapter({
      apiBase: fake.url,
      timeoutMs,
      fetchMedia: () => Promise.resolve(new Uint8Array([1, 2, 3])),
    });

  function request(
    credentials: Record<string, string> = { webhookUrl: WEBHOOK_URL },
    content: Partial<PublishRequest['content']> = {},
    settings: Record<string, unknown> = {},
  ): PublishRequest {
    return {
      idempotencyKey: '0b7c6a1e-2f4d-4c8e-9a1b-3c5d7e9f1a2b',
      attempt: 1,
      channel: { id: 'ch-d', name: 'Discord', platform: 'discord', settings, credentials },
      content: {
        postId: 'p',
        title: null,
        text: 'Neues Release! @everyone https://example.com',
        tags: [],
        media: [],
        options: { username: 'Postplan' },
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
      },
      checkpoint: null,
      saveCheckpoint: () => Promise.resolve(),
      signal: new AbortController().signal,
    };
  }

  it('posts through a webhook with ?wait=true, no mention parsing, and returns the message link', async () => {
    const result = await adapter().publish(request());
    expect(result).toEqual({
      platformPostId: fake.messages[0]!.id,
      url: `https://discord.com/channels/555555555555555555/${FAKE_DISCORD_CHANNEL}/${fake.messages[0]!.id}`,
    });
    expect(fake.requests[0]!.path).toBe(
      `/webhooks/${FAKE_DISCORD_WEBHOOK.id}/${FAKE_DISCORD_WEBHOOK.token}?wait=true`,
    );
    expect(fake.requests[0]!.body).toEqual({
      content: 'Neues Release! @everyone https://example.com',
      allowed_mentions: { parse: [] },
      username: 'Postplan',
    });
  });

  it('attaches images with their alt text as the attachment description', async () => {
    await adapter().publish(
      request(undefined, {
        media: [
          {
            id: 'm1',
            url: 'https://cdn/m1.png',
            mimeType: 'image/png',
            altText: 'Das Team',
            width: 1,
            height: 1,
            bytes: 3,
          },
        ],
      }),
    );
    expect(fake.messages[0]!.files).toEqual(['files[0]']);
    expect(fake.messages[0]!.payload['attachments']).toEqual([
      { id: 0, filename: 'm1.png', description: 'Das Team' },
    ]);
  });

  it('posts as a bot with an enforced nonce, so a retry returns the first message', async () => {
    const bot = request(
      { botToken: FAKE_DISCORD_BOT_TOKEN },
      { options: {} },
      { channelId: FAKE_DISCORD_CHANNEL },
    );
    const first = await adapter().publish(bot);
    await expect(adapter().publish(bot)).resolves.toEqual(first);
    expect(fake.messages).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bot ${FAKE_DISCORD_BOT_TOKEN}`);
    expect(fake.requests[0]!.body).toMatchObject({
      nonce: '0b7c6a1e2f4d4c8e9a1b3c5d7',
      enforce_nonce: true,
    });
  });

  it('honours retry_after of a 429 (seconds with a fraction, in the body)', async () => {
    fake.rateLimitNext(1.5);
    const e = await failure(adapter().publish(request()));
    expect(e).toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 1500 },
    });
  });

  it.each([
    [404, 'Unknown Webhook', 10015, 'permanent', 'DISCORD_NOT_FOUND'],
    [403, 'Missing Access', 50001, 'permanent', 'TOKEN_REVOKED'],
    [400, 'Invalid Form Body', 50035, 'permanent', 'DISCORD_REJECTED'],
    [502, 'Bad Gateway', 0, 'unknown', 'DISCORD_SERVER_ERROR'],
  ] as const)(
    'classifies %i %s (code %i) as %s',
    async (status, message, code, errorClass, errorCode) => {
      fake.errorNext(status, message, code);
      const e = await failure(adapter().publish(request()));
      expect(e).toMatchObject({ errorClass, code: errorCode });
    },
  );

  it('refuses a deleted webhook as permanent without showing its token', async () => {
    const e = await failure(
      adapter().publish(
        request({
          webhookUrl: `https://discord.com/api/webhooks/${FAKE_DISCORD_WEBHOOK.id}/deleted-token-000000000000000`,
        }),
      ),
    );
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'DISCORD_NOT_FOUND' });
    expect(e.message).not.toContain('deleted-token');
  });

  it('refuses a webhook URL that is not Discord’s, and text over 2,000, before sending', async () => {
    await expect(
      adapter().publish(request({ webhookUrl: 'https://evil.example.com/api/webhooks/1/2' })),
    ).rejects.toMatchObject({
      code: 'DISCORD_WEBHOOK_INVALID',
    });
    await expect(
      adapter().publish(request(undefined, { text: 'x'.repeat(2001) })),
    ).rejects.toMatchObject({ code: 'TEXT_TOO_LONG' });
    expect(fake.requests).toEqual([]);
  });

  it('times out as unknown', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    await expect(adapter(300).publish(request())).rejects.toMatchObject({
      errorClass: 'unknown',
      code: 'TIMEOUT_AFTER_SEND',
    });
  });

  it('verifies a webhook and a bot channel', async () => {
    const signal = new AbortController().signal;
    await expect(adapter().verify!(request().channel, signal)).resolves.toMatchObject({
      ok: true,
      accountName: 'Postplan',
    });
    const bot = request(
      { botToken: FAKE_DISCORD_BOT_TOKEN },
      {},
      { channelId: FAKE_DISCORD_CHANNEL },
    );
    await expect(adapter().verify!(bot.channel, signal)).resolves.toMatchObject({
      ok: true,
      accountName: 'announcements',
    });
    const wrong = request({ botToken: 'nope' }, {}, { channelId: FAKE_DISCORD_CHANNEL });
    await expect(adapter().verify!(wrong.channel, signal)).resolves.toMatchObject({
      ok: false,
      error: { code: 'TOKEN_REVOKED' },
    });
  });
});
