import { type ServerResponse } from 'node:http';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';

/**
 * A fake Pinterest API v5 on loopback: `POST /v5/pins` (201 with the pin), `GET
 * /v5/user_account`, errors as `{ code, message }`, 429 with x-ratelimit-* headers.
 */

export const FAKE_PINTEREST_TOKEN = 'pina_fake-token-for-tests';
export const FAKE_PINTEREST_BOARD = '549755885175';

export type FakePinterest = FakePlatform & {
  readonly pins: readonly { id: string; body: Record<string, unknown> }[];
  errorNext(status: number, code: number, message: string, headers?: Record<string, string>): void;
};

export async function startFakePinterest(): Promise<FakePinterest> {
  const pins: { id: string; body: Record<string, unknown> }[] = [];
  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '99',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: (request, res) => {
        if (request.headers.authorization !== `Bearer ${FAKE_PINTEREST_TOKEN}`) {
          return send(res, 401, { code: 2, message: 'Authentication failed.' });
        }
        if (request.method === 'GET' && request.path === '/v5/user_account')
          return send(res, 200, { username: 'postplan', account_type: 'BUSINESS' });
        if (request.method === 'POST' && request.path === '/v5/pins') {
          const body = (request.body ?? {}) as Record<string, unknown>;
          if (body['board_id'] !== FAKE_PINTEREST_BOARD)
            return send(res, 404, { code: 40, message: 'Board not found.' });
          const id = String(1_000_000_000_000 + pins.length + 1);
          pins.push({ id, body });
          return send(res, 201, {
            id,
            board_id: body['board_id'],
            title: body['title'] ?? null,
            link: body['link'] ?? null,
          });
        }
        return send(res, 404, { code: 404, message: 'Not found.' });
      },
    },
  });
  return Object.assign(fake, {
    pins,
    errorNext(status: number, code: number, message: string, headers: Record<string, string> = {}) {
      fake.next({
        kind: 'custom',
        handle: (_r, res) => send(res, status, { code, message }, headers),
      });
    },
  });
}
