import { type ServerResponse } from 'node:http';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';

/**
 * A fake Discord API on loopback: execute-webhook (`?wait=true` answers the message, without
 * it 204), create-message for bots with nonce enforcement, Discord's JSON errors
 * (`{ message, code }`), and 429s with `retry_after` in the body plus X-RateLimit-* headers.
 */

export const FAKE_DISCORD_WEBHOOK = {
  id: '112233445566778899',
  token: 'fake-webhook-token-0123456789abcdef',
};
export const FAKE_DISCORD_BOT_TOKEN = 'fake-bot-token.0123456789';
export const FAKE_DISCORD_CHANNEL = '998877665544332211';
const GUILD = '555555555555555555';

export type FakeDiscordMessage = {
  id: string;
  content: string;
  nonce: string | null;
  payload: Record<string, unknown>;
  files: string[];
};

export type FakeDiscord = FakePlatform & {
  readonly messages: readonly FakeDiscordMessage[];
  rateLimitNext(retryAfterSeconds: number): void;
  errorNext(status: number, message: string, code: number): void;
};

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const messages: FakeDiscordMessage[] = [];
  const send = (
    res: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: async (request, res) => {
        const url = new URL(request.path, 'http://fake');
        const webhook = /^\/webhooks\/(\d+)\/([\w-]+)$/.exec(url.pathname);
        const bot = /^\/channels\/(\d+)(\/messages)?$/.exec(url.pathname);
        if (
          webhook &&
          (webhook[1] !== FAKE_DISCORD_WEBHOOK.id || webhook[2] !== FAKE_DISCORD_WEBHOOK.token)
        ) {
          return send(res, 404, { message: 'Unknown Webhook', code: 10015 });
        }
        if (bot && request.headers.authorization !== `Bot ${FAKE_DISCORD_BOT_TOKEN}`) {
          return send(res, 401, { message: '401: Unauthorized', code: 0 });
        }
        if (request.method === 'GET' && webhook) {
          return send(res, 200, {
            id: webhook[1],
            type: 1,
            name: 'Postplan',
            channel_id: FAKE_DISCORD_CHANNEL,
            guild_id: GUILD,
          });
        }
        if (request.method === 'GET' && bot && !bot[2]) {
          return send(res, 200, { id: bot[1], type: 0, name: 'announcements', guild_id: GUILD });
        }
        if (request.method !== 'POST' || !(webhook || bot?.[2]))
          return send(res, 404, { message: '404: Not Found', code: 0 });
        let payload: Record<string, unknown>;
        const files: string[] = [];
        const type = String(request.headers['content-type'] ?? '');
        if (type.startsWith('multipart/form-data')) {
          const form = await new Response(request.rawBody, {
            headers: { 'content-type': type },
          }).formData();
          payload = JSON.parse(stringOr(form.get('payload_json'), '{}')) as Record<string, unknown>;
          form.forEach((value, key) => {
            if (typeof value !== 'string') files.push(key);
          });
        } else {
          payload = (request.body ?? {}) as Record<string, unknown>;
        }
        const content = typeof payload['content'] === 'string' ? payload['content'] : '';
        if (content === '' && files.length === 0)
          return send(res, 400, { message: 'Cannot send an empty message', code: 50006 });
        if (content.length > 2000) {
          return send(res, 400, {
            message: 'Invalid Form Body',
            code: 50035,
            errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
          });
        }
        const nonce = typeof payload['nonce'] === 'string' ? payload['nonce'] : null;
        const earlier =
          nonce && payload['enforce_nonce'] ? messages.find((m) => m.nonce === nonce) : undefined;
        const message = earlier ?? {
          id: String(1_200_000_000_000_000_000n + BigInt(messages.length + 1)),
          content,
          nonce,
          payload,
          files,
        };
        if (!earlier) messages.push(message);
        if (webhook && url.searchParams.get('wait') !== 'true') return send(res, 204);
        send(
          res,
          200,
          {
            id: message.id,
            channel_id: FAKE_DISCORD_CHANNEL,
            guild_id: GUILD,
            content,
            nonce,
            attachments: files.map((f) => ({ filename: f })),
          },
          {
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '4',
            'x-ratelimit-reset-after': '0.4',
          },
        );
      },
    },
  });
  return Object.assign(fake, {
    messages,
    rateLimitNext(retryAfterSeconds: number) {
      fake.next({
        kind: 'custom',
        handle: (_r, res) =>
          send(
            res,
            429,
            {
              message: 'You are being rate limited.',
              retry_after: retryAfterSeconds,
              global: false,
            },
            {
              'retry-after': String(Math.ceil(retryAfterSeconds)),
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset-after': String(retryAfterSeconds),
              'x-ratelimit-scope': 'user',
            },
          ),
      });
    },
    errorNext(status: number, message: string, code: number) {
      fake.next({ kind: 'custom', handle: (_r, res) => send(res, status, { message, code }) });
    },
  });
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
