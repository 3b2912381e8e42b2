import { type ServerResponse } from 'node:http';
import { type FakePlatform, type FakeRequest, startFakePlatform } from '../testing/fake-server';

/**
 * A fake Slack on loopback: the Web API (`/api/<method>`, form-encoded or JSON bodies,
 * `{ ok, error }` answers with HTTP 200 as Slack does, 429 with Retry-After) and incoming
 * webhooks (`/services/T…/B…/…`, plain-text answers: "ok" or an error word).
 */

export const FAKE_SLACK_BOT_TOKEN = 'xoxb-1111-2222-fakebottoken';
export const FAKE_SLACK_CHANNEL = 'C0123456789';
export const FAKE_SLACK_HOOK_PATH = '/services/T0001/B0002/abcdefghijklmnopqrstuvwx';

export type FakeSlackMessage = {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  via: 'api' | 'webhook';
};

export type FakeSlack = FakePlatform & {
  readonly messages: readonly FakeSlackMessage[];
  /** The next Web API call answers `{ ok: false, error }`. */
  apiErrorNext(error: string): void;
  /** The next call answers this HTTP status and plain text. */
  textNext(status: number, text: string, headers?: Record<string, string>): void;
};

function fieldsOf(request: FakeRequest): Record<string, unknown> {
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(request.rawBody)) {
      out[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
    }
    return out;
  }
  return (request.body ?? {}) as Record<string, unknown>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const messages: FakeSlackMessage[] = [];
  let ts = 1_764_752_400;
  const json = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const text = (
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end(body);
  };
  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: (request, res) => {
        const path = request.path.split('?')[0]!;
        const fields = fieldsOf(request);
        if (path.startsWith('/services/')) {
          if (path !== FAKE_SLACK_HOOK_PATH) return text(res, 404, 'no_service');
          if (typeof fields['text'] !== 'string' || fields['text'] === '')
            return text(res, 400, 'no_text');
          messages.push({
            channel: FAKE_SLACK_CHANNEL,
            ts: String(ts++),
            text: fields['text'],
            blocks: fields['blocks'] ?? null,
            via: 'webhook',
          });
          return text(res, 200, 'ok');
        }
        const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
        if (request.headers.authorization !== `Bearer ${FAKE_SLACK_BOT_TOKEN}`)
          return json(res, { ok: false, error: 'invalid_auth' });
        switch (method) {
          case 'auth.test':
            return json(res, { ok: true, team: 'Postplan', user: 'postplan', bot_id: 'B1' });
          case 'conversations.info':
            return fields['channel'] === FAKE_SLACK_CHANNEL
              ? json(res, { ok: true, channel: { id: FAKE_SLACK_CHANNEL, name: 'marketing' } })
              : json(res, { ok: false, error: 'channel_not_found' });
          case 'chat.postMessage': {
            if (fields['channel'] !== FAKE_SLACK_CHANNEL)
              return json(res, { ok: false, error: 'channel_not_found' });
            const message: FakeSlackMessage = {
              channel: FAKE_SLACK_CHANNEL,
              ts: `${ts++}.000100`,
              text: typeof fields['text'] === 'string' ? fields['text'] : '',
              blocks: fields['blocks'] ?? null,
              via: 'api',
            };
            messages.push(message);
            return json(res, {
              ok: true,
              channel: message.channel,
              ts: message.ts,
              message: { text: message.text },
            });
          }
          case 'chat.getPermalink':
            return json(res, {
              ok: true,
              channel: fields['channel'],
              permalink: `https://postplan.slack.com/archives/${String(fields['channel'])}/p${String(fields['message_ts']).replace('.', '')}`,
            });
          default:
            return json(res, { ok: false, error: 'unknown_method' });
        }
      },
    },
  });
  return Object.assign(fake, {
    messages,
    apiErrorNext(error: string) {
      fake.next({ kind: 'custom', handle: (_r, res) => json(res, { ok: false, error }) });
    },
    textNext(status: number, body: string, headers: Record<string, string> = {}) {
      fake.next({ kind: 'custom', handle: (_r, res) => text(res, status, body, headers) });
    },
  });
}
