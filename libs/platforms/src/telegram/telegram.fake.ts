import { type ServerResponse } from 'node:http';
import { type FakePlatform, type FakeRequest, startFakePlatform } from '../testing/fake-server';

/**
 * A fake Bot API server on loopback: `/bot<token>/<method>`, answering
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters }` as Telegram
 * does, with the same HTTP status as error_code.
 */

export const FAKE_TELEGRAM_TOKEN = '123456:AAE-fake-token-for-tests_0123456789';

export type FakeTelegramCall = {
  method: string;
  fields: Record<string, string>;
  files: string[];
  request: FakeRequest;
};

export type FakeTelegram = FakePlatform & {
  readonly calls: readonly FakeTelegramCall[];
  /** Messages that were delivered, per chat id. */
  readonly delivered: readonly { chatId: string; messageId: number; method: string }[];
  /** The next call fails with this Bot API error. */
  failNext(errorCode: number, description: string, parameters?: Record<string, number>): void;
  /** A group that became a supergroup: sends to `from` fail with migrate_to_chat_id `to`. */
  migrate(from: string, to: number): void;
};

const CHATS: Record<string, { id: number; type: string; username?: string; title: string }> = {
  '@postplan_news': {
    id: -1001234567890,
    type: 'channel',
    username: 'postplan_news',
    title: 'Postplan News',
  },
  '-1009876543210': { id: -1009876543210, type: 'supergroup', title: 'Team' },
};

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: FakeTelegramCall[] = [];
  const delivered: { chatId: string; messageId: number; method: string }[] = [];
  const migrations = new Map<string, number>();
  let nextId = 100;

  const reply = (res: ServerResponse, body: Record<string, unknown>) => {
    const status = body['ok'] === true ? 200 : Number(body['error_code'] ?? 400);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (
    res: ServerResponse,
    code: number,
    description: string,
    parameters?: Record<string, number>,
  ) =>
    reply(res, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });

  const chatOf = (id: string) =>
    CHATS[id] ??
    (/^-?\d+$/.test(id) ? { id: Number(id), type: 'supergroup', title: `Chat ${id}` } : undefined);

  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: async (request, res) => {
        const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.path);
        if (!match) return error(res, 404, 'Not Found');
        const [, token, method] = match as unknown as [string, string, string];
        const fields: Record<string, string> = {};
        const files: string[] = [];
        const type = String(request.headers['content-type'] ?? '');
        if (type.startsWith('multipart/form-data')) {
          const form = await new Response(request.rawBody, {
            headers: { 'content-type': type },
          }).formData();
          form.forEach((value, key) => {
            if (typeof value === 'string') fields[key] = value;
            else files.push(key);
          });
        } else if (request.body && typeof request.body === 'object') {
          for (const [key, value] of Object.entries(request.body)) {
            fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
          }
        }
        calls.push({ method, fields, files, request });
        if (token !== FAKE_TELEGRAM_TOKEN) return error(res, 401, 'Unauthorized');
        if (method === 'getMe')
          return reply(res, {
            ok: true,
            result: { id: 123456, is_bot: true, username: 'postplan_bot' },
          });
        const chatId = fields['chat_id'] ?? '';
        const chat = chatOf(chatId);
        if (!chat) return error(res, 400, 'Bad Request: chat not found');
        if (method === 'getChat') return reply(res, { ok: true, result: chat });
        if (method === 'getChatMember')
          return reply(res, {
            ok: true,
            result: { status: 'administrator', can_post_messages: true },
          });
        const migratedTo = migrations.get(chatId);
        if (migratedTo !== undefined) {
          return error(res, 400, 'Bad Request: group chat was upgraded to a supergroup chat', {
            migrate_to_chat_id: migratedTo,
          });
        }
        const caption = fields['caption'] ?? '';
        if (method === 'sendMessage' && (fields['text'] ?? '').length > 4096 * 2)
          return error(res, 400, 'Bad Request: message is too long');
        if (caption.length > 1024 * 2)
          return error(res, 400, 'Bad Request: message caption is too long');
        const message = (id: number) => ({
          message_id: id,
          date: 1_764_000_000,
          chat,
          text: fields['text'],
        });
        if (method === 'sendMediaGroup') {
          const items = JSON.parse(fields['media'] ?? '[]') as unknown[];
          const result = items.map(() => {
            const id = nextId++;
            delivered.push({ chatId, messageId: id, method });
            return message(id);
          });
          return reply(res, { ok: true, result });
        }
        if (['sendMessage', 'sendPhoto', 'sendVideo'].includes(method)) {
          const id = nextId++;
          delivered.push({ chatId, messageId: id, method });
          return reply(res, { ok: true, result: message(id) });
        }
        return error(res, 404, 'Not Found: method not found');
      },
    },
  });

  return Object.assign(fake, {
    calls,
    delivered,
    failNext(errorCode: number, description: string, parameters?: Record<string, number>) {
      fake.next({
        kind: 'custom',
        handle: (_r, res) => error(res, errorCode, description, parameters),
      });
    },
    migrate(from: string, to: number) {
      migrations.set(from, to);
    },
  });
}
