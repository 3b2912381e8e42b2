import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/**
 * A loopback authorization server that plays one platform's OAuth 2 dialect, and the few
 * account calls a connection makes (naming the account, Meta's page token, Threads' and
 * Meta's long-lived tokens). Strict where the real ones are: codes and rotated refresh tokens
 * good once, the redirect URI must match, the client authenticates exactly as the platform
 * says, a token request carries the documented fields and nothing unknown but the PKCE
 * verifier, and a token that has run out is refused. `/authorize` approves at once and
 * redirects back, as a person clicking "Allow" would.
 */

export type FakeOAuthPlatform = 'x' | 'linkedin' | 'meta' | 'threads' | 'pinterest';

/** What differs between the platforms, from their documentation (see docs/platforms.md). */
export type OAuthDialect = {
  authorizePath: string;
  tokenPath: string;
  tokenMethod: 'POST' | 'GET';
  /** basic: HTTP Basic; body: client_id and client_secret in the form; query: in the URL. */
  clientAuth: 'basic' | 'body' | 'query';
  /** The documented fields of the code exchange, client credentials included where sent. */
  codeFields: string[];
  /** Whether the platform checks code_verifier against the challenge (the others ignore it). */
  verifiesPkce: boolean;
  scopeSeparator: ' ' | ',';
  /** How long the token from the code lasts, in seconds. */
  codeTokenSeconds: number;
  /** A refresh token with the code's token (null: none); whether a refresh replaces it. */
  refreshToken: { seconds: number | null; rotates: boolean } | null;
  /**
   * Where a sign-in lists what the person manages, to pick from (Meta: the pages, with their
   * linked Instagram accounts; LinkedIn: the organisations the member administers), with the
   * query and headers the platform documents for it; the fake answers 400 without them.
   * Null: nothing to pick.
   */
  accountList: {
    path: string;
    query: Record<string, string>;
    headers: Record<string, RegExp>;
  } | null;
};

export const OAUTH_DIALECTS: Record<FakeOAuthPlatform, OAuthDialect> = {
  x: {
    authorizePath: '/i/oauth2/authorize',
    tokenPath: '/2/oauth2/token',
    tokenMethod: 'POST',
    clientAuth: 'basic',
    codeFields: ['grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id'],
    verifiesPkce: true,
    scopeSeparator: ' ',
    codeTokenSeconds: 7200,
    refreshToken: { seconds: null, rotates: true },
    accountList: null,
  },
  linkedin: {
    authorizePath: '/oauth/v2/authorization',
    tokenPath: '/oauth/v2/accessToken',
    tokenMethod: 'POST',
    clientAuth: 'body',
    codeFields: ['grant_type', 'code', 'redirect_uri', 'client_id', 'client_secret'],
    verifiesPkce: false,
    scopeSeparator: ' ',
    codeTokenSeconds: 60 * 86_400,
    refreshToken: null,
    accountList: {
      path: '/rest/organizationAcls',
      query: { q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' },
      headers: { 'x-restli-protocol-version': /^2\.0\.0$/, 'linkedin-version': /^\d{6}$/ },
    },
  },
  meta: {
    authorizePath: '/v23.0/dialog/oauth',
    tokenPath: '/v23.0/oauth/access_token',
    tokenMethod: 'GET',
    clientAuth: 'query',
    codeFields: ['client_id', 'redirect_uri', 'client_secret', 'code', 'code_verifier'],
    verifiesPkce: true,
    scopeSeparator: ',',
    codeTokenSeconds: 3600,
    refreshToken: null,
    accountList: { path: '/v23.0/me/accounts', query: {}, headers: {} },
  },
  threads: {
    authorizePath: '/oauth/authorize',
    tokenPath: '/oauth/access_token',
    tokenMethod: 'POST',
    clientAuth: 'body',
    codeFields: ['client_id', 'client_secret', 'code', 'grant_type', 'redirect_uri'],
    verifiesPkce: false,
    scopeSeparator: ',',
    codeTokenSeconds: 3600,
    refreshToken: null,
    accountList: null,
  },
  pinterest: {
    authorizePath: '/oauth/',
    tokenPath: '/v5/oauth/token',
    tokenMethod: 'POST',
    clientAuth: 'basic',
    codeFields: ['grant_type', 'code', 'redirect_uri'],
    verifiesPkce: false,
    scopeSeparator: ',',
    codeTokenSeconds: 30 * 86_400,
    refreshToken: { seconds: 365 * 86_400, rotates: false },
    accountList: null,
  },
};

/** The accounts behind the fake sign-ins. */
export const FAKE_ACCOUNTS = {
  linkedinMember: { sub: 'Km3xT9aQ2b', name: 'Erika Mustermann' },
  linkedinOrganization: { id: '5515715', localizedName: 'Bäckerei Muster GmbH' },
  /** A second page the member administers, and one they only asked to (not offered). */
  linkedinOrganization2: { id: '2414184', localizedName: 'Konditorei Muster' },
  linkedinRequested: { id: '7777777', localizedName: 'Fremde Firma AG' },
  facebookPage: { id: '104857600123', name: 'Bäckerei Muster', category: 'Bakery' },
  instagram: {
    id: '17841400000000001',
    username: 'baeckerei.muster',
    pageId: '104857600456',
    pageName: 'Bäckerei Muster Instagram',
    pageCategory: 'Local business',
  },
  threads: { id: '26000000000000001', username: 'baeckerei.muster.threads' },
  pinterest: { username: 'baeckereimuster' },
} as const;

const DAY_MS = 86_400_000;
const THREADS_LONG_SECONDS = 60 * 86_400;
const META_LONG_SECONDS = 60 * 86_400;

type TokenKind = 'code' | 'long' | 'page';
type Token = { kind: TokenKind; scopes: string[]; issuedAt: number; expiresAt: number | null };

/** A call to a token endpoint as it arrived. */
export type TokenRequest = {
  endpoint: string;
  method: string;
  fields: Record<string, string>;
  basicAuth: boolean;
};

export type FakeOAuth = {
  url: string;
  platform: FakeOAuthPlatform;
  dialect: OAuthDialect;
  clientId: string;
  clientSecret: string;
  /** Token requests seen, by grant type (Threads' and Meta's exchanges included). */
  readonly grants: { authorization_code: number; refresh_token: number; [grant: string]: number };
  /** Every call to a token endpoint, in order. */
  readonly requests: TokenRequest[];
  /** Every token handed out, by kind: code (from the code exchange), long, page, refresh. */
  readonly issued: { token: string; kind: TokenKind | 'refresh'; pageId?: string }[];
  /** What the next code/refresh answers carry (lifetime in seconds; refresh '' for none). */
  nextTokens: { access: string; refresh: string; expiresIn: number }[];
  /** While set, refreshes answer this instead (a platform having a bad day, or a revocation). */
  refreshFailure: { status: number; body: unknown } | null;
  /** While true, the person manages no page and administers no organisation. */
  managesNothing: boolean;
  /** The account-list and lookup calls (Meta's pages, LinkedIn's ACLs and organisations). */
  readonly accountCalls: {
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
  }[];
  close(): Promise<void>;
};

export async function startFakeOAuth(
  platform: FakeOAuthPlatform = 'x',
  options: { now?: () => number } = {},
): Promise<FakeOAuth> {
  const dialect = OAUTH_DIALECTS[platform];
  const now = options.now ?? Date.now;
  const clientId = platform === 'meta' || platform === 'threads' ? '990602627938098' : 'postplan';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, { challenge: string; redirectUri: string; scopes: string[] }>();
  const liveRefresh = new Map<string, string[]>();
  const tokens = new Map<string, Token>();
  const grants: FakeOAuth['grants'] = { authorization_code: 0, refresh_token: 0 };
  const fake: FakeOAuth = {
    url: '',
    platform,
    dialect,
    clientId,
    clientSecret,
    grants,
    requests: [],
    issued: [],
    nextTokens: [],
    refreshFailure: null,
    managesNothing: false,
    accountCalls: [],
    close: () => new Promise((done) => server.close(() => done())),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const count = (grant: string) => (grants[grant] = (grants[grant] ?? 0) + 1);
  const mint = (
    kind: TokenKind,
    scopes: string[],
    seconds: number | null,
    given?: string,
    pageId?: string,
  ) => {
    const token = given ?? `${platform}-${kind}-${randomBytes(9).toString('base64url')}`;
    const issuedAt = now();
    tokens.set(token, {
      kind,
      scopes,
      issuedAt,
      expiresAt: seconds === null ? null : issuedAt + seconds * 1000,
    });
    fake.issued.push({ token, kind, ...(pageId ? { pageId } : {}) });
    return token;
  };
  const live = (token: string | undefined): Token | null => {
    const t = token ? tokens.get(token) : undefined;
    return t && (t.expiresAt === null || t.expiresAt > now()) ? t : null;
  };
  const bearer = (req: IncomingMessage) =>
    /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  /** Records an account-list or lookup call; says what is missing from it, if anything. */
  const accountListRefused = (req: IncomingMessage, url: URL): string | null => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && k !== 'authorization') headers[k] = v;
    }
    fake.accountCalls.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
    });
    const list = dialect.accountList;
    if (!list) return 'no account list here';
    for (const [name, pattern] of Object.entries(list.headers)) {
      if (!pattern.test(headers[name] ?? '')) return `header ${name} missing or wrong`;
    }
    if (url.pathname === list.path) {
      for (const [k, v] of Object.entries(list.query)) {
        if (url.searchParams.get(k) !== v) return `query ${k}=${v} expected`;
      }
    }
    return null;
  };

  /** The answer to a code or refresh grant: the queued tokens, else fresh ones. */
  const issue = (res: ServerResponse, scopes: string[]) => {
    const next = fake.nextTokens.shift();
    const seconds = next?.expiresIn ?? dialect.codeTokenSeconds;
    const access = mint('code', scopes, seconds, next?.access);
    let refresh: string | null = null;
    if (next ? next.refresh : dialect.refreshToken) {
      refresh = next?.refresh || `${platform}-refresh-${randomBytes(9).toString('base64url')}`;
      liveRefresh.set(refresh, scopes);
      fake.issued.push({ token: refresh, kind: 'refresh' });
    }
    const body: Record<string, unknown> = {
      access_token: access,
      token_type: 'bearer',
      expires_in: seconds,
      scope: scopes.join(dialect.scopeSeparator),
    };
    if (refresh) {
      body['refresh_token'] = refresh;
      if (dialect.refreshToken?.seconds)
        body['refresh_token_expires_in'] = dialect.refreshToken.seconds;
    }
    // Threads names the account with the token; Meta, LinkedIn and Pinterest do not.
    if (platform === 'threads') body['user_id'] = FAKE_ACCOUNTS.threads.id;
    if (platform === 'threads' || platform === 'meta') delete body['scope'];
    json(res, 200, body);
  };

  /** The client authenticated as the dialect says; the fields left once that is taken out. */
  const authenticate = (req: IncomingMessage, fields: Map<string, string>): boolean => {
    if (dialect.clientAuth === 'basic') {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
      return req.headers.authorization === expected;
    }
    return fields.get('client_id') === clientId && fields.get('client_secret') === clientSecret;
  };

  const tokenEndpoint = (
    req: IncomingMessage,
    res: ServerResponse,
    fields: Map<string, string>,
  ) => {
    fake.requests.push({
      endpoint: dialect.tokenPath,
      method: req.method ?? '',
      fields: Object.fromEntries(fields),
      basicAuth: (req.headers.authorization ?? '').startsWith('Basic '),
    });
    if (!authenticate(req, fields)) return json(res, 401, { error: 'invalid_client' });
    // Meta's code exchange names no grant type.
    const grant = fields.get('grant_type') ?? (platform === 'meta' ? 'authorization_code' : '');
    if (grant === 'authorization_code') {
      count('authorization_code');
      const allowed = new Set([...dialect.codeFields, 'code_verifier']);
      const unknown = [...fields.keys()].filter((k) => !allowed.has(k));
      const missing = dialect.codeFields.filter((k) => !fields.has(k));
      if (unknown.length || missing.length) {
        return json(res, 400, { error: 'invalid_request', unknown, missing });
      }
      const code = codes.get(fields.get('code') ?? '');
      codes.delete(fields.get('code') ?? '');
      const verifier = fields.get('code_verifier') ?? '';
      if (
        !code ||
        code.redirectUri !== fields.get('redirect_uri') ||
        (dialect.verifiesPkce &&
          createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
      ) {
        return json(res, 400, { error: 'invalid_grant' });
      }
      return issue(res, code.scopes);
    }
    if (grant === 'refresh_token') {
      count('refresh_token');
      if (fake.refreshFailure)
        return json(res, fake.refreshFailure.status, fake.refreshFailure.body);
      const token = fields.get('refresh_token') ?? '';
      const scopes = liveRefresh.get(token);
      if (!scopes) return json(res, 400, { error: 'invalid_grant' });
      if (dialect.refreshToken?.rotates) {
        liveRefresh.delete(token);
        return issue(res, scopes);
      }
      // Pinterest keeps the refresh token: the answer carries a new access token only.
      const access = mint(
        'code',
        scopes,
        dialect.codeTokenSeconds,
        fake.nextTokens.shift()?.access,
      );
      return json(res, 200, {
        access_token: access,
        token_type: 'bearer',
        expires_in: dialect.codeTokenSeconds,
        scope: scopes.join(dialect.scopeSeparator),
      });
    }
    return json(res, 400, { error: 'unsupported_grant_type' });
  };

  /** Graph's answer to a token it does not take. */
  const graphRefused = (res: ServerResponse) =>
    json(res, 400, {
      error: {
        message: 'Error validating access token: Session has expired.',
        type: 'OAuthException',
        code: 190,
      },
    });

  /** The calls besides the token endpoint: account names, Meta's pages, long-lived tokens. */
  const platformCall = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    const q = url.searchParams;
    const p = url.pathname;
    if (platform === 'linkedin') {
      const t = live(bearer(req));
      if (p === '/v2/userinfo') {
        if (!t) return (json(res, 401, { status: 401, code: 'REVOKED_ACCESS_TOKEN' }), true);
        if (!t.scopes.includes('openid') || !t.scopes.includes('profile'))
          return (json(res, 403, { status: 403, code: 'ACCESS_DENIED' }), true);
        return (json(res, 200, { ...FAKE_ACCOUNTS.linkedinMember, locale: 'de_DE' }), true);
      }
      if (p === '/rest/organizationAcls' || p === '/rest/organizations') {
        const refused = accountListRefused(req, url);
        if (refused) return (json(res, 400, { status: 400, message: refused }), true);
        if (!t) return (json(res, 401, { status: 401, code: 'REVOKED_ACCESS_TOKEN' }), true);
        if (!t.scopes.includes('rw_organization_admin'))
          return (json(res, 403, { status: 403, code: 'ACCESS_DENIED' }), true);
        const orgs = [
          FAKE_ACCOUNTS.linkedinOrganization,
          FAKE_ACCOUNTS.linkedinOrganization2,
          FAKE_ACCOUNTS.linkedinRequested,
        ];
        if (p === '/rest/organizationAcls') {
          const member = `urn:li:person:${FAKE_ACCOUNTS.linkedinMember.sub}`;
          const acls = fake.managesNothing
            ? []
            : [
                { org: orgs[0]!, role: 'ADMINISTRATOR', state: 'APPROVED' },
                { org: orgs[1]!, role: 'ADMINISTRATOR', state: 'APPROVED' },
                { org: orgs[2]!, role: 'ADMINISTRATOR', state: 'REQUESTED' },
                { org: orgs[1]!, role: 'ANALYST', state: 'APPROVED' },
              ];
          const elements = acls
            .filter((a) => a.role === q.get('role') && a.state === q.get('state'))
            .map((a) => ({
              organization: `urn:li:organization:${a.org.id}`,
              roleAssignee: member,
              role: a.role,
              state: a.state,
            }));
          return (
            json(res, 200, {
              elements,
              paging: { start: Number(q.get('start') ?? 0), count: elements.length, links: [] },
            }),
            true
          );
        }
        // BATCH_GET: ids=List(1,2), answered by id.
        const ids = /^List\(([\d,]*)\)$/.exec(q.get('ids') ?? '')?.[1]?.split(',') ?? null;
        if (!ids) return (json(res, 400, { status: 400, message: 'ids=List(…) expected' }), true);
        const results: Record<string, unknown> = {};
        const statuses: Record<string, number> = {};
        for (const id of ids) {
          const org = orgs.find((o) => o.id === id);
          if (org) results[id] = { id: Number(id), localizedName: org.localizedName };
          statuses[id] = org ? 200 : 404;
        }
        return (json(res, 200, { results, statuses, errors: {} }), true);
      }
      const org = /^\/rest\/organizations\/(\d+)$/.exec(p);
      if (org) {
        if (!t) return (json(res, 401, { status: 401, code: 'REVOKED_ACCESS_TOKEN' }), true);
        if (!t.scopes.includes('rw_organization_admin'))
          return (json(res, 403, { status: 403, code: 'ACCESS_DENIED' }), true);
        const known = [
          FAKE_ACCOUNTS.linkedinOrganization,
          FAKE_ACCOUNTS.linkedinOrganization2,
        ].find((o) => o.id === org[1]);
        if (!known) return (json(res, 404, {}), true);
        return (json(res, 200, known), true);
      }
    }
    if (platform === 'pinterest' && p === '/v5/user_account') {
      if (!live(bearer(req)))
        return (json(res, 401, { code: 2, message: 'Authentication failed.' }), true);
      return (
        json(res, 200, { username: FAKE_ACCOUNTS.pinterest.username, account_type: 'BUSINESS' }),
        true
      );
    }
    if (platform === 'threads') {
      if (p === '/access_token' && q.get('grant_type') === 'th_exchange_token') {
        count('th_exchange_token');
        fake.requests.push({
          endpoint: p,
          method: req.method ?? '',
          fields: Object.fromEntries(q),
          basicAuth: false,
        });
        const short = live(q.get('access_token') ?? undefined);
        if (q.get('client_secret') !== clientSecret || !short || short.kind !== 'code')
          return (graphRefused(res), true);
        const long = mint('long', short.scopes, THREADS_LONG_SECONDS);
        return (
          json(res, 200, {
            access_token: long,
            token_type: 'bearer',
            expires_in: THREADS_LONG_SECONDS,
          }),
          true
        );
      }
      if (p === '/refresh_access_token' && q.get('grant_type') === 'th_refresh_token') {
        count('th_refresh_token');
        fake.requests.push({
          endpoint: p,
          method: req.method ?? '',
          fields: Object.fromEntries(q),
          basicAuth: false,
        });
        if (fake.refreshFailure)
          return (json(res, fake.refreshFailure.status, fake.refreshFailure.body), true);
        const old = live(q.get('access_token') ?? undefined);
        // Only a long-lived token at least a day old and not expired can be refreshed.
        if (!old || old.kind !== 'long' || now() - old.issuedAt < DAY_MS)
          return (graphRefused(res), true);
        tokens.delete(q.get('access_token')!);
        const renewed = mint('long', old.scopes, THREADS_LONG_SECONDS);
        return (
          json(res, 200, {
            access_token: renewed,
            token_type: 'bearer',
            expires_in: THREADS_LONG_SECONDS,
          }),
          true
        );
      }
      const user = /^\/v1\.0\/(\d+)$/.exec(p);
      if (user) {
        if (!live(bearer(req)) || user[1] !== FAKE_ACCOUNTS.threads.id)
          return (graphRefused(res), true);
        return (json(res, 200, { id: user[1], username: FAKE_ACCOUNTS.threads.username }), true);
      }
    }
    if (platform === 'meta') {
      if (p === dialect.tokenPath && q.get('grant_type') === 'fb_exchange_token') {
        count('fb_exchange_token');
        fake.requests.push({
          endpoint: p,
          method: req.method ?? '',
          fields: Object.fromEntries(q),
          basicAuth: false,
        });
        const short = live(q.get('fb_exchange_token') ?? undefined);
        if (q.get('client_id') !== clientId || q.get('client_secret') !== clientSecret || !short)
          return (graphRefused(res), true);
        const long = mint('long', short.scopes, META_LONG_SECONDS);
        return (
          json(res, 200, {
            access_token: long,
            token_type: 'bearer',
            expires_in: META_LONG_SECONDS,
          }),
          true
        );
      }
      const t = live(bearer(req));
      // A page token read with a long-lived user token does not expire; with a short one it
      // ends with it.
      const pageToken = (user: Token, pageId: string) => {
        count('page_token');
        return mint(
          'page',
          user.scopes,
          user.kind === 'long'
            ? null
            : Math.max(1, Math.floor(((user.expiresAt ?? now()) - now()) / 1000)),
          undefined,
          pageId,
        );
      };
      if (p === '/v23.0/me/accounts') {
        const refused = accountListRefused(req, url);
        if (refused) return (json(res, 400, { error: { message: refused, code: 100 } }), true);
        if (!t || t.kind === 'page') return (graphRefused(res), true);
        // Graph answers the fields asked for, and only mints page tokens when they are.
        const asked = graphFields(q.get('fields'));
        const pages = fake.managesNothing
          ? []
          : [
              {
                id: FAKE_ACCOUNTS.facebookPage.id,
                name: FAKE_ACCOUNTS.facebookPage.name,
                category: FAKE_ACCOUNTS.facebookPage.category,
                ig: null,
              },
              {
                id: FAKE_ACCOUNTS.instagram.pageId,
                name: FAKE_ACCOUNTS.instagram.pageName,
                category: FAKE_ACCOUNTS.instagram.pageCategory,
                ig: { id: FAKE_ACCOUNTS.instagram.id, username: FAKE_ACCOUNTS.instagram.username },
              },
            ];
        const data = pages.map((pg) => {
          const out: Record<string, unknown> = {};
          if (asked.has('id')) out['id'] = pg.id;
          if (asked.has('name')) out['name'] = pg.name;
          if (asked.has('category')) out['category'] = pg.category;
          if (asked.has('access_token')) out['access_token'] = pageToken(t, pg.id);
          const ig = asked.get('instagram_business_account');
          const linked = pg.ig;
          if (ig && linked) {
            out['instagram_business_account'] = ig.size
              ? Object.fromEntries([...ig].map((f) => [f, linked[f as keyof typeof linked]]))
              : { id: linked.id };
          }
          return out;
        });
        return (json(res, 200, { data, paging: {} }), true);
      }
      const node = /^\/v23\.0\/(\d+)$/.exec(p);
      if (node) {
        if (!t) return (graphRefused(res), true);
        const fields = (q.get('fields') ?? '').split(',');
        if (node[1] === FAKE_ACCOUNTS.facebookPage.id) {
          if (fields.includes('access_token')) {
            if (t.kind === 'page') return (graphRefused(res), true);
            return (
              json(res, 200, {
                id: node[1],
                name: FAKE_ACCOUNTS.facebookPage.name,
                access_token: pageToken(t, FAKE_ACCOUNTS.facebookPage.id),
              }),
              true
            );
          }
          return (json(res, 200, { id: node[1], name: FAKE_ACCOUNTS.facebookPage.name }), true);
        }
        if (node[1] === FAKE_ACCOUNTS.instagram.id) {
          return (
            json(res, 200, { id: node[1], username: FAKE_ACCOUNTS.instagram.username }),
            true
          );
        }
        return (
          json(res, 404, { error: { message: 'Unsupported get request.', code: 100 } }),
          true
        );
      }
    }
    return false;
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === dialect.authorizePath) {
      const q = url.searchParams;
      if (
        q.get('response_type') !== 'code' ||
        q.get('client_id') !== clientId ||
        q.get('code_challenge_method') !== 'S256' ||
        !/^[\w-]{43}$/.test(q.get('code_challenge') ?? '') ||
        !q.get('redirect_uri') ||
        !q.get('state') ||
        !q.get('scope')
      ) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(12).toString('hex');
      codes.set(code, {
        challenge: q.get('code_challenge')!,
        redirectUri: q.get('redirect_uri')!,
        scopes: q.get('scope')!.split(dialect.scopeSeparator),
      });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (req.method === 'GET' && platformCall(req, res, url)) return;
    if (url.pathname === dialect.tokenPath && req.method === dialect.tokenMethod) {
      if (req.method === 'GET') return tokenEndpoint(req, res, new Map(url.searchParams));
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      req.on('end', () => {
        // A form, and nothing in the query: a secret in a URL ends up in logs.
        if (
          !(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ||
          url.search
        ) {
          return json(res, 400, { error: 'invalid_request' });
        }
        tokenEndpoint(req, res, new Map(new URLSearchParams(raw)));
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** Graph's field list, with one level of expansion: `a,b{c,d}` -> a -> {}, b -> {c, d}. */
function graphFields(fields: string | null): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of (fields ?? '').matchAll(/([\w]+)(?:\{([^}]*)\})?/g)) {
    out.set(m[1]!, new Set((m[2] ?? '').split(',').filter(Boolean)));
  }
  return out;
}
