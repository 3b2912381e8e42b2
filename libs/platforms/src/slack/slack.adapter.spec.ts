import { type PublishError, type PublishRequest } from '../adapter';
import {
  FAKE_SLACK_BOT_TOKEN,
  FAKE_SLACK_CHANNEL,
  FAKE_SLACK_HOOK_PATH,
  type FakeSlack,
  startFakeSlack,
} from './slack.fake';
import { createSlackAdapter, escapeSlack } from './slack.adapter';

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

const HOOK = `https://hooks.slack.com${FAKE_SLACK_HOOK_PATH}`;

describe('Slack adapter', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000) =>
    createSlackAdapter({ apiUrl: `${fake.url}/api/`, hooksBase: fake.url, timeoutMs });

  function request(
    credentials: Record<string, string> = { webhookUrl: HOOK },
    content: Partial<PublishRequest['content']> = {},
    settings: Record<string, unknown> = {},
  ): PublishRequest {
    return {
      idempotencyKey: 'pub-slack-1',
      attempt: 1,
      channel: { id: 'ch-s', name: 'Slack', platform: 'slack', settings, credentials },
      content: {
        postId: 'p',
        title: null,
        text: 'Release <heute> & morgen <!channel>',
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
  const bot = (content: Partial<PublishRequest['content']> = {}) =>
    request({ botToken: FAKE_SLACK_BOT_TOKEN }, content, { channelId: FAKE_SLACK_CHANNEL });

  it('posts to an incoming webhook, escaped, and takes its "ok"', async () => {
    await expect(adapter().publish(request())).resolves.toEqual({
      platformPostId: 'pub-slack-1',
      url: null,
    });
    expect(fake.messages).toEqual([
      expect.objectContaining({
        via: 'webhook',
        text: 'Release &lt;heute&gt; &amp; morgen &lt;!channel&gt;',
      }),
    ]);
  });

  it('posts as a bot through @slack/web-api and links to the message with its permalink', async () => {
    const image = {
      id: 'm1',
      url: 'https://cdn.example.com/m1.png',
      mimeType: 'image/png',
      altText: 'Das Team',
      width: 1,
      height: 1,
      bytes: 3,
    };
    const result = await adapter().publish(bot({ media: [image] }));
    const message = fake.messages[0]!;
    expect(result).toEqual({
      platformPostId: `${FAKE_SLACK_CHANNEL}:${message.ts}`,
      url: `https://postplan.slack.com/archives/${FAKE_SLACK_CHANNEL}/p${message.ts.replace('.', '')}`,
    });
    expect(message.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Release &lt;heute&gt; &amp; morgen &lt;!channel&gt;' },
      },
      { type: 'image', image_url: 'https://cdn.example.com/m1.png', alt_text: 'Das Team' },
    ]);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/api/chat.postMessage',
      '/api/chat.getPermalink',
    ]);
  });

  it.each([
    ['invalid_auth', 'permanent', 'TOKEN_REVOKED'],
    ['token_revoked', 'permanent', 'TOKEN_REVOKED'],
    ['not_in_channel', 'permanent', 'SLACK_CHANNEL_UNAVAILABLE'],
    ['msg_too_long', 'permanent', 'SLACK_REJECTED'],
    ['internal_error', 'unknown', 'SLACK_SERVER_ERROR'],
  ] as const)('classifies the Web API error %s as %s', async (error, errorClass, code) => {
    fake.apiErrorNext(error);
    const e = await failure(adapter().publish(bot()));
    expect(e).toMatchObject({ errorClass, code });
    expect(fake.messages).toEqual([]);
  });

  it('a rate-limited Web API call is retryable after Retry-After, and the client does not retry by itself', async () => {
    fake.textNext(429, '', { 'retry-after': '30' });
    const e = await failure(adapter().publish(bot()));
    expect(e).toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 30_000 },
    });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    [404, 'no_service', 'permanent', 'TOKEN_REVOKED'],
    [404, 'channel_not_found', 'permanent', 'SLACK_CHANNEL_UNAVAILABLE'],
    [410, 'channel_is_archived', 'permanent', 'SLACK_CHANNEL_UNAVAILABLE'],
    [400, 'invalid_payload', 'permanent', 'SLACK_REJECTED'],
    [500, 'rollup_error', 'unknown', 'SLACK_SERVER_ERROR'],
  ] as const)(
    'classifies the webhook answer %i %s as %s',
    async (status, body, errorClass, code) => {
      fake.textNext(status, body);
      const e = await failure(adapter().publish(request()));
      expect(e).toMatchObject({ errorClass, code });
    },
  );

  it('a rate-limited webhook honours Retry-After', async () => {
    fake.textNext(429, 'rate_limited', { 'retry-after': '7' });
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      options: { retryAfterMs: 7000 },
    });
  });

  it('times out a bot call as unknown', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    await expect(adapter(300).publish(bot())).rejects.toMatchObject({ errorClass: 'unknown' });
  });

  it('refuses a URL that is not a Slack webhook before sending', async () => {
    await expect(
      adapter().publish(request({ webhookUrl: 'https://example.com/services/T1/B1/x' })),
    ).rejects.toMatchObject({
      code: 'SLACK_WEBHOOK_INVALID',
    });
    expect(fake.requests).toEqual([]);
  });

  it('verifies a bot: the token and the channel', async () => {
    const signal = new AbortController().signal;
    await expect(adapter().verify!(bot().channel, signal)).resolves.toEqual({
      ok: true,
      accountName: '#marketing',
      expiresAt: null,
    });
    const wrong = request({ botToken: 'xoxb-wrong' }, {}, { channelId: FAKE_SLACK_CHANNEL });
    await expect(adapter().verify!(wrong.channel, signal)).resolves.toMatchObject({
      ok: false,
      error: { code: 'TOKEN_REVOKED' },
    });
  });

  it('escapes exactly &, < and >', () => {
    expect(escapeSlack('<@U123> & *bold*')).toBe('&lt;@U123&gt; &amp; *bold*');
  });
});
