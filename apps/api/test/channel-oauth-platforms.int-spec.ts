import { type OAuthPlatform } from '@postplan/contracts';
import {
  createFacebookAdapter,
  createInstagramAdapter,
  createLinkedinAdapter,
  createPinterestAdapter,
  createThreadsAdapter,
} from '@postplan/platforms';
import { ManualClock } from '../src/common/clock/clock';
import { ChannelConnectionsService } from '../src/modules/channels/connections/channel-connections.service';
import { PlatformAdapters } from '../src/modules/publishing/platform-adapters';
import {
  FAKE_ACCOUNTS,
  type FakeOAuth,
  type FakeOAuthPlatform,
  startFakeOAuth,
} from './fake-oauth-server';
import { Browser, OWNER, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * Connecting LinkedIn, Facebook, Instagram, Threads and Pinterest through OAuth against
 * loopback servers that speak each platform's dialect (OAUTH_DIALECTS in the fake): the
 * authorization URL, the exact token request, what is kept (Threads' 60-day token, Meta's
 * page token), the account named by the adapter's check, refused states, and the renewals
 * that keep a connection alive. One table of platforms, one set of tests.
 */
const PUBLIC_URL = 'https://postplan.example';
const CALLBACK = `${PUBLIC_URL}/api/v1/oauth/callback`;
const DAY = 86_400_000;
const clock = new ManualClock('2030-03-02T08:00:00Z');

type Case = {
  title: string;
  platform: OAuthPlatform;
  provider: FakeOAuthPlatform;
  /** Set before connecting (which page, which author, which board). */
  settings: Record<string, string>;
  scopes: string[];
  accountName: string;
  /** The credential the adapter publishes with, and which token of the platform's it is. */
  tokenKey: string;
  stored: 'code' | 'long' | 'page';
  /** The connection's end in days from the sign-in (null: it does not end by itself). */
  endsInDays: number | null;
  /** Calls besides the code exchange the sign-in makes. */
  exchanges: Record<string, number>;
  settingsAfter?: Record<string, string>;
};

const CASES: Case[] = [
  {
    title: 'LinkedIn, a member',
    platform: 'linkedin',
    provider: 'linkedin',
    settings: { author: `urn:li:person:${FAKE_ACCOUNTS.linkedinMember.sub}` },
    scopes: ['openid', 'profile', 'w_member_social'],
    accountName: FAKE_ACCOUNTS.linkedinMember.name,
    tokenKey: 'accessToken',
    stored: 'code',
    endsInDays: 60,
    exchanges: {},
  },
  {
    title: 'LinkedIn, a page',
    platform: 'linkedin',
    provider: 'linkedin',
    settings: { author: `urn:li:organization:${FAKE_ACCOUNTS.linkedinOrganization.id}` },
    scopes: ['w_organization_social', 'r_organization_social', 'rw_organization_admin'],
    accountName: FAKE_ACCOUNTS.linkedinOrganization.localizedName,
    tokenKey: 'accessToken',
    stored: 'code',
    endsInDays: 60,
    exchanges: {},
  },
  {
    title: 'a Facebook Page',
    platform: 'facebook',
    provider: 'meta',
    settings: { pageId: FAKE_ACCOUNTS.facebookPage.id },
    scopes: [
      'pages_show_list',
      'pages_read_engagement',
      'pages_manage_posts',
      'pages_manage_engagement',
    ],
    accountName: FAKE_ACCOUNTS.facebookPage.name,
    tokenKey: 'pageAccessToken',
    stored: 'page',
    endsInDays: null,
    exchanges: { fb_exchange_token: 1 },
  },
  {
    title: 'an Instagram business account',
    platform: 'instagram',
    provider: 'meta',
    settings: { instagramUserId: FAKE_ACCOUNTS.instagram.id },
    scopes: [
      'instagram_basic',
      'instagram_content_publish',
      'instagram_manage_comments',
      'pages_show_list',
      'pages_read_engagement',
    ],
    accountName: FAKE_ACCOUNTS.instagram.username,
    tokenKey: 'accessToken',
    stored: 'page',
    endsInDays: null,
    exchanges: { fb_exchange_token: 1 },
  },
  {
    title: 'Threads',
    platform: 'threads',
    provider: 'threads',
    settings: {},
    scopes: ['threads_basic', 'threads_content_publish'],
    accountName: FAKE_ACCOUNTS.threads.username,
    tokenKey: 'accessToken',
    stored: 'long',
    endsInDays: 60,
    exchanges: { th_exchange_token: 1 },
    settingsAfter: { threadsUserId: FAKE_ACCOUNTS.threads.id },
  },
  {
    title: 'Pinterest',
    platform: 'pinterest',
    provider: 'pinterest',
    settings: { boardId: '549755885175' },
    scopes: ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'],
    accountName: FAKE_ACCOUNTS.pinterest.username,
    tokenKey: 'accessToken',
    stored: 'code',
    // The access token lasts 30 days and is refreshed; the refresh token's year is the end.
    endsInDays: 365,
    exchanges: {},
  },
];

const PROVIDERS: FakeOAuthPlatform[] = ['linkedin', 'meta', 'threads', 'pinterest'];
const fakes = {} as Record<FakeOAuthPlatform, FakeOAuth>;
const logLines: string[] = [];
let t: TestApp;
let owner: Browser;
let otherSession: Browser;
let ws: string;
const path = (p = '') => `/v1/workspaces/${ws}${p}`;
/** The channel each case connected, by title. */
const connected = new Map<string, string>();

beforeAll(async () => {
  for (const p of PROVIDERS) fakes[p] = await startFakeOAuth(p, { now: () => clock.nowMs() });
  const env: Record<string, string> = {
    POSTPLAN_PUBLIC_URL: PUBLIC_URL,
    LOG_LEVEL: 'info',
  };
  for (const p of PROVIDERS) {
    const f = fakes[p];
    const name = `POSTPLAN_${p.toUpperCase()}`;
    env[`${name}_CLIENT_ID`] = f.clientId;
    env[`${name}_CLIENT_SECRET`] = f.clientSecret;
    env[`${name}_AUTHORIZE_URL`] = `${f.url}${f.dialect.authorizePath}`;
    env[`${name}_TOKEN_URL`] = `${f.url}${f.dialect.tokenPath}`;
  }
  env['POSTPLAN_LINKEDIN_API_URL'] = fakes.linkedin.url;
  t = await startTestApp(env, { clock, logStream: { write: (line) => logLines.push(line) } });
  const adapters = t.app.get(PlatformAdapters);
  adapters.register(
    createLinkedinAdapter({ apiBase: fakes.linkedin.url, now: () => clock.nowMs() }),
  );
  adapters.register(createFacebookAdapter({ graphBase: fakes.meta.url }));
  adapters.register(createInstagramAdapter({ graphBase: fakes.meta.url }));
  adapters.register(createThreadsAdapter({ graphBase: fakes.threads.url }));
  adapters.register(
    createPinterestAdapter({ apiBase: fakes.pinterest.url, now: () => clock.nowMs() }),
  );
  ({ owner, ws } = await setUpOwner(t));
  otherSession = new Browser(t.server);
  otherSession.ip = '203.0.113.77';
  expect(
    (await otherSession.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password }))
      .status,
  ).toBe(200);
});
afterAll(async () => {
  await t.close();
  for (const p of PROVIDERS) await fakes[p].close();
});

async function channelFor(c: Case, name = c.title): Promise<string> {
  const res = await owner.post(path('/channels'), { name, platform: c.platform });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  if (Object.keys(c.settings).length) {
    expect((await owner.patch(path(`/channels/${id}`), { settings: c.settings })).status).toBe(200);
  }
  return id;
}

/** oauth/start, then what the browser does at the platform: it comes back to the callback. */
async function signIn(channelId: string): Promise<{ authorizeUrl: URL; callback: string }> {
  const start = await owner.post(path(`/channels/${channelId}/oauth/start`));
  expect(start.status).toBe(200);
  const authorizeUrl = new URL(start.body.authorizeUrl as string);
  const res = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
  return { authorizeUrl, callback: `${back.pathname.replace(/^\/api/, '')}${back.search}` };
}

async function connectionOf(channelId: string): Promise<Record<string, unknown>> {
  const list = await owner.get(path('/channels'));
  const ch = (
    list.body.items as { id: string; settings: unknown; connection: Record<string, unknown> }[]
  ).find((c) => c.id === channelId)!;
  return { ...ch.connection, settings: ch.settings };
}

async function credentialRow(channelId: string) {
  const { rows } = await t.db.query(`SELECT * FROM channel_credentials WHERE channel_id = $1`, [
    channelId,
  ]);
  return rows[0] as
    | {
        ciphertext: Buffer;
        access_expires_at: Date | null;
        expires_at: Date | null;
        alert: string | null;
        status: string;
      }
    | undefined;
}

const credentialsOf = async (channelId: string) =>
  (await t.app.get(ChannelConnectionsService).targetFor(channelId))!.credentials!;

describe.each(CASES)('connecting $title with OAuth', (c) => {
  const fake = () => fakes[c.provider];
  let channelId: string;
  let callback: string;

  it('sends the person to the platform with a PKCE challenge, a state, the public redirect URL and the documented scopes', async () => {
    channelId = await channelFor(c);
    const before = fake().grants.authorization_code;
    const signedIn = await signIn(channelId);
    callback = signedIn.callback;
    const q = signedIn.authorizeUrl.searchParams;
    expect(`${signedIn.authorizeUrl.origin}${signedIn.authorizeUrl.pathname}`).toBe(
      `${fake().url}${fake().dialect.authorizePath}`,
    );
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(fake().clientId);
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toMatch(/^[\w-]{32,}$/);
    expect(q.get('scope')!.split(fake().dialect.scopeSeparator)).toEqual(c.scopes);
    // Nothing is exchanged before the browser is back.
    expect(fake().grants['authorization_code']).toBe(before);
  });

  it('exchanges the code with the documented fields, keeps only ciphertext, and names the account', async () => {
    const f = fake();
    const seen = f.requests.length;
    const grantsBefore = { ...f.grants };
    const res = await owner.get(callback);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/w/${ws}/settings/channels?connected=${channelId}`);
    connected.set(c.title, channelId);

    // The code exchange exactly as the platform documents it (plus the PKCE verifier).
    const exchange = f.requests[seen]!;
    expect(exchange.method).toBe(f.dialect.tokenMethod);
    expect(exchange.basicAuth).toBe(f.dialect.clientAuth === 'basic');
    expect(Object.keys(exchange.fields).sort()).toEqual(
      [...new Set([...f.dialect.codeFields, 'code_verifier'])].sort(),
    );
    expect(exchange.fields['redirect_uri']).toBe(CALLBACK);
    if (f.dialect.clientAuth !== 'basic') {
      expect(exchange.fields['client_secret']).toBe(f.clientSecret);
    } else {
      expect(exchange.fields['client_secret']).toBeUndefined();
    }
    for (const [grant, n] of Object.entries(c.exchanges)) {
      expect((f.grants[grant] ?? 0) - (grantsBefore[grant] ?? 0)).toBe(n);
    }
    if (c.provider === 'threads') {
      expect(f.requests[seen + 1]).toMatchObject({
        endpoint: '/access_token',
        method: 'GET',
        fields: {
          grant_type: 'th_exchange_token',
          client_secret: f.clientSecret,
          access_token: f.issued.find((i) => i.kind === 'code')!.token,
        },
      });
    }
    if (c.provider === 'meta') {
      expect(Object.keys(f.requests[seen + 1]!.fields).sort()).toEqual(
        ['client_id', 'client_secret', 'fb_exchange_token', 'grant_type'].sort(),
      );
    }

    const connection = await connectionOf(channelId);
    expect(connection).toMatchObject({
      connected: true,
      status: 'connected',
      kind: 'oauth',
      accountName: c.accountName,
      verifiedAt: clock.now().toISOString(),
      expiresAt:
        c.endsInDays === null ? null : new Date(clock.nowMs() + c.endsInDays * DAY).toISOString(),
    });
    if (c.settingsAfter) expect(connection['settings']).toMatchObject(c.settingsAfter);

    // The adapter publishes with the right one of the platform's tokens.
    const creds = await credentialsOf(channelId);
    const kept = f.issued.find((i) => i.token === creds[c.tokenKey]);
    expect(kept?.kind).toBe(c.stored);
    if (c.platform === 'instagram') expect(kept?.pageId).toBe(FAKE_ACCOUNTS.instagram.pageId);
    if (c.platform === 'facebook') expect(kept?.pageId).toBe(FAKE_ACCOUNTS.facebookPage.id);

    // No token the platform handed out is readable in the row, nor in what the API answers.
    const row = (await credentialRow(channelId))!;
    const stored = `${JSON.stringify({ ...row, ciphertext: null })}${row.ciphertext.toString('latin1')}`;
    const answer = JSON.stringify((await owner.get(path('/channels'))).body);
    for (const { token } of f.issued) {
      expect(stored).not.toContain(token);
      expect(answer).not.toContain(token);
    }
  });

  it('refuses the callback in another session, a replay and a forged state, exchanging nothing', async () => {
    const f = fake();
    const { callback: fresh } = await signIn(channelId);
    const before = f.grants['authorization_code'];
    const credsBefore = await credentialsOf(channelId);

    const stolen = await otherSession.get(fresh);
    expect(stolen.headers.location).toBe(
      `/w/${ws}/settings/channels?oauthError=OAUTH_STATE_INVALID`,
    );
    expect((await owner.get(fresh)).headers.location).toBe('/?oauthError=OAUTH_STATE_INVALID');
    expect((await owner.get(callback)).headers.location).toBe('/?oauthError=OAUTH_STATE_INVALID');
    const forged = await owner.get(`/v1/oauth/callback?code=abc&state=${'B'.repeat(43)}`);
    expect(forged.headers.location).toBe('/?oauthError=OAUTH_STATE_INVALID');

    expect(f.grants['authorization_code']).toBe(before);
    expect(await credentialsOf(channelId)).toEqual(credsBefore);
  });
});

describe('tokens that outlive the sign-in', () => {
  it('still checks out hours later, when the first tokens of Threads and Meta have run out', async () => {
    clock.advance(3 * 3_600_000);
    await t.app.get(ChannelConnectionsService).checkAll();
    for (const c of CASES) {
      expect(await connectionOf(connected.get(c.title)!)).toMatchObject({
        status: 'connected',
        accountName: c.accountName,
        verifiedAt: clock.now().toISOString(),
        lastError: null,
      });
    }
    expect(fakes.threads.grants['th_refresh_token'] ?? 0).toBe(0);
  });

  it('refreshes Pinterest’s access token with the refresh token, sent with HTTP Basic', async () => {
    const channelId = connected.get('Pinterest')!;
    const before = await credentialsOf(channelId);
    const endBefore = (await credentialRow(channelId))!.expires_at;
    clock.advance(30 * DAY - 3 * 3_600_000 - 60_000);
    const seen = fakes.pinterest.requests.length;
    const after = await credentialsOf(channelId);
    expect(fakes.pinterest.requests.slice(seen)).toEqual([
      {
        endpoint: '/v5/oauth/token',
        method: 'POST',
        basicAuth: true,
        fields: { grant_type: 'refresh_token', refresh_token: before['refreshToken'] },
      },
    ]);
    expect(after['accessToken']).not.toBe(before['accessToken']);
    // Pinterest keeps the refresh token, so the connection's end stays where it was.
    expect(after['refreshToken']).toBe(before['refreshToken']);
    expect((await credentialRow(channelId))!.expires_at).toEqual(endBefore);
  });
});

describe('a Threads connection renews itself', () => {
  const threads = CASES.find((c) => c.platform === 'threads')!;
  let channelId: string;
  let connectedAt: number;

  const alertsOf = async () =>
    (
      await t.db.query(
        `SELECT data->>'status' AS status FROM notifications
          WHERE kind = 'channel_alert' AND data->>'channelId' = $1`,
        [channelId],
      )
    ).rows;

  it('does not warn about a post planned past the 60 days, because the token is renewed in time', async () => {
    channelId = await channelFor(threads, 'Threads Dauer');
    expect((await owner.get((await signIn(channelId)).callback)).status).toBe(302);
    connectedAt = clock.nowMs();
    await owner.put(path('/approval-policy'), { policy: { kind: 'none', selfApprovalRoles: [] } });
    const created = await owner.post(path('/posts'), {
      text: 'Sommerpause: wir sind im September wieder da',
      plannedAt: new Date(connectedAt + 90 * DAY).toISOString(),
      variants: [{ channelId }],
    });
    expect(
      (
        await owner.post(path(`/posts/${created.body.id}/submit`), {
          version: created.body.version,
        })
      ).body.status,
    ).toBe('approved');
    await t.app.get(ChannelConnectionsService).checkAll();
    expect(await connectionOf(channelId)).toMatchObject({ status: 'connected' });
    expect(await alertsOf()).toEqual([]);
  });

  it('renews the long-lived token once a month is left, once for many callers at the same time', async () => {
    clock.set(connectedAt + 31 * DAY);
    const before = fakes.threads.grants['th_refresh_token'] ?? 0;
    const old = fakes.threads.issued.filter((i) => i.kind === 'long').at(-1)!.token;
    const seen = fakes.threads.requests.length;
    const service = t.app.get(ChannelConnectionsService);
    const all = await Promise.all(Array.from({ length: 5 }, () => service.targetFor(channelId)));
    expect((fakes.threads.grants['th_refresh_token'] ?? 0) - before).toBe(1);
    expect(fakes.threads.requests.slice(seen)).toEqual([
      {
        endpoint: '/refresh_access_token',
        method: 'GET',
        basicAuth: false,
        fields: { grant_type: 'th_refresh_token', access_token: old },
      },
    ]);
    const renewed = new Set(all.map((target) => target!.credentials!['accessToken']));
    expect(renewed.size).toBe(1);
    expect([...renewed][0]).not.toBe(old);
    const row = (await credentialRow(channelId))!;
    expect(row.access_expires_at!.getTime()).toBe(clock.nowMs() + 60 * DAY);
    expect(row.expires_at!.getTime()).toBe(clock.nowMs() + 60 * DAY);
    // Not due again the next day.
    clock.advance(DAY);
    await service.targetFor(channelId);
    expect((fakes.threads.grants['th_refresh_token'] ?? 0) - before).toBe(1);
  });

  it('alerts the admins once when renewing keeps failing and the end comes near, and clears it when it works again', async () => {
    const service = t.app.get(ChannelConnectionsService);
    const renewedAt = (await credentialRow(channelId))!.access_expires_at!.getTime() - 60 * DAY;
    fakes.threads.refreshFailure = {
      status: 500,
      body: { error: { message: 'An unknown error occurred', code: 1 } },
    };
    try {
      const attempts = fakes.threads.grants['th_refresh_token'] ?? 0;
      clock.set(renewedAt + 54 * DAY);
      await service.checkAll();
      expect(fakes.threads.grants['th_refresh_token']).toBe(attempts + 1);
      expect(await connectionOf(channelId)).toMatchObject({ status: 'expiring' });
      expect(await alertsOf()).toEqual([{ status: 'expiring' }]);
      clock.advance(DAY);
      await service.checkAll();
      expect(await alertsOf()).toHaveLength(1);
    } finally {
      fakes.threads.refreshFailure = null;
    }
    clock.advance(DAY);
    await service.checkAll();
    expect(await connectionOf(channelId)).toMatchObject({ status: 'connected' });
    expect((await credentialRow(channelId))!.alert).toBeNull();
  });

  it('marks the account revoked when Threads refuses the token', async () => {
    const service = t.app.get(ChannelConnectionsService);
    fakes.threads.refreshFailure = {
      status: 400,
      body: {
        error: { message: 'Error validating access token', type: 'OAuthException', code: 190 },
      },
    };
    try {
      clock.advance(31 * DAY);
      await service.checkAll();
    } finally {
      fakes.threads.refreshFailure = null;
    }
    expect(await connectionOf(channelId)).toMatchObject({ status: 'revoked' });
    expect((await alertsOf()).at(-1)).toEqual({ status: 'revoked' });
  });
});

describe('the logs', () => {
  it('hold no token and no client secret', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const all = logLines.join('\n');
    for (const p of PROVIDERS) {
      expect(all).not.toContain(fakes[p].clientSecret);
      for (const { token } of fakes[p].issued) expect(all).not.toContain(token);
    }
  });
});
