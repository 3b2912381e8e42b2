import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/**
 * A small OAuth 2 authorization server on loopback, strict where the real ones are: PKCE S256
 * only, codes and refresh tokens good once (X rotates refresh tokens), the redirect URI must
 * match, the client authenticates with HTTP Basic. `/authorize` approves at once and redirects
 * back, as a person clicking "Allow" would.
 */
export type FakeOAuth = {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Token requests seen, by grant type. */
  readonly grants: { authorization_code: number; refresh_token: number };
  /** What the next token answers carry (lifetime in seconds; refresh '' for none). */
  nextTokens: { access: string; refresh: string; expiresIn: number }[];
  close(): Promise<void>;
};

export async function startFakeOAuth(): Promise<FakeOAuth> {
  const clientId = 'postplan-test-client';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const liveRefresh = new Set<string>();
  const grants = { authorization_code: 0, refresh_token: 0 };
  const fake: FakeOAuth = {
    url: '',
    clientId,
    clientSecret,
    grants,
    nextTokens: [],
    close: () => new Promise((done) => server.close(() => done())),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const issue = (res: ServerResponse) => {
    const next = fake.nextTokens.shift();
    if (!next) return json(res, 500, { error: 'server_error' });
    if (next.refresh) liveRefresh.add(next.refresh);
    json(res, 200, {
      token_type: 'bearer',
      access_token: next.access,
      ...(next.refresh ? { refresh_token: next.refresh } : {}),
      expires_in: next.expiresIn,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
    });
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      if (
        q.get('response_type') !== 'code' ||
        q.get('client_id') !== clientId ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge') ||
        !q.get('redirect_uri') ||
        !q.get('state')
      ) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(12).toString('hex');
      codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      req.on('end', () => {
        const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
        if (req.headers.authorization !== expected)
          return json(res, 401, { error: 'invalid_client' });
        const form = new URLSearchParams(raw);
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') {
          grants.authorization_code++;
          const code = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          if (
            !code ||
            code.redirectUri !== form.get('redirect_uri') ||
            createHash('sha256').update(verifier).digest('base64url') !== code.challenge
          ) {
            return json(res, 400, { error: 'invalid_grant' });
          }
          return issue(res);
        }
        if (grant === 'refresh_token') {
          grants.refresh_token++;
          const token = form.get('refresh_token') ?? '';
          if (!liveRefresh.delete(token)) return json(res, 400, { error: 'invalid_grant' });
          return issue(res);
        }
        return json(res, 400, { error: 'unsupported_grant_type' });
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
