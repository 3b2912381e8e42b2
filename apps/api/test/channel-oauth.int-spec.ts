import { Agent } from 'node:https';
import { createXAdapter, type PlatformAdapter } from '@postplan/platforms';
import { type FakeX, fakeXCa, startFakeX } from '@postplan/platforms/testing';
import { ManualClock } from '../src/common/clock/clock';
import { ChannelConnectionsService } from '../src/modules/channels/connections/channel-connections.service';
import { PlatformAdapters } from '../src/modules/publishing/platform-adapters';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { type FakeOAuth, startFakeOAuth } from './fake-oauth-server';
import { Browser, OWNER, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * OAuth 2 with PKCE against a loopback authorization server, and the token refresh that
 * follows: one refresh per account however many publications need it at once, across
 * processes, because X's refresh tokens work only once.
 */
const PUBLIC_URL = 'http://postplan.test';
let oauth: FakeOAuth;
let x: FakeX;
let agent: Agent;
let t: TestApp;
let owner: Browser;
let ws: string;
const clock = new ManualClock('2030-01-01T08:00:00Z');

const path = (p = '') => `/v1/workspaces/${ws}${p}`;

/** X's adapter against the fake, allowed 20 calls at once so all 20 publications overlap. */
function pointAtFakeX(app: TestApp): void {
  const real = createXAdapter({ apiBase: x.url, httpAgent: agent, timeoutMs: 30_000 });
  const wide: PlatformAdapter = Object.assign(Object.create(real) as PlatformAdapter, {
    limits: { ...real.limits, concurrency: 20, perMinute: null },
  });
  app.app.get(PlatformAdapters).register(wide);
}

function env(): Record<string, string> {
  return {
    POSTPLAN_PUBLIC_URL: PUBLIC_URL,
    POSTPLAN_X_CLIENT_ID: oauth.clientId,
    POSTPLAN_X_CLIENT_SECRET: oauth.clientSecret,
    POSTPLAN_X_AUTHORIZE_URL: `${oauth.url}${oauth.dialect.authorizePath}`,
    POSTPLAN_X_TOKEN_URL: `${oauth.url}${oauth.dialect.tokenPath}`,
    POSTPLAN_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  };
}

beforeAll(async () => {
  oauth = await startFakeOAuth('x');
  x = await startFakeX();
  agent = new Agent({ ca: fakeXCa() });
  t = await startTestApp(env(), { clock });
  pointAtFakeX(t);
  ({ owner, ws } = await setUpOwner(t));
  await owner.put(path('/approval-policy'), { policy: { kind: 'none', selfApprovalRoles: [] } });
});
afterAll(async () => {
  await t.close();
  agent.destroy();
  await x.close();
  await oauth.close();
});

async function xChannel(name: string): Promise<string> {
  const res = await owner.post(path('/channels'), { name, platform: 'x' });
  expect(res.status).toBe(201);
  expect(res.body.connection).toMatchObject({
    status: 'not_connected',
    kind: 'oauth',
    configured: true,
  });
  return res.body.id as string;
}

/** What the browser does: open the authorize URL, and follow the platform's redirect back. */
async function authorize(by: Browser, channelId: string): Promise<string> {
  const start = await by.post(path(`/channels/${channelId}/oauth/start`));
  expect(start.status).toBe(200);
  const authorizeUrl = new URL(start.body.authorizeUrl as string);
  expect(authorizeUrl.origin).toBe(oauth.url);
  expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/v1/oauth/callback`);
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorizeUrl.searchParams.get('scope')).toContain('offline.access');
  const res = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(back.origin).toBe(PUBLIC_URL);
  return `${back.pathname.replace(/^\/api/, '')}${back.search}`;
}

async function credentialsOf(channelId: string): Promise<number> {
  const { rows } = await t.db.query(`SELECT 1 FROM channel_credentials WHERE channel_id = $1`, [
    channelId,
  ]);
  return rows.length;
}

describe('connecting X with OAuth', () => {
  let channelId: string;

  it('signs in at the platform and comes back connected, with the account named', async () => {
    channelId = await xChannel('X Marke');
    oauth.nextTokens.push({ access: 'x-access-1', refresh: 'x-refresh-1', expiresIn: 7200 });
    x.acceptTokens(['x-access-1']);
    const callback = await authorize(owner, channelId);
    const res = await owner.get(callback);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/w/${ws}/settings/channels?connected=${channelId}`);
    const list = await owner.get(path('/channels'));
    const ch = (list.body.items as { id: string; connection: Record<string, unknown> }[]).find(
      (c) => c.id === channelId,
    )!;
    expect(ch.connection).toMatchObject({
      connected: true,
      status: 'connected',
      accountName: '@postplan',
    });
    expect(JSON.stringify(list.body)).not.toMatch(/x-access-1|x-refresh-1/);
    expect(oauth.grants.authorization_code).toBe(1);

    // The same callback again (a replay, a reload): refused, nothing exchanged twice.
    const again = await owner.get(callback);
    expect(again.headers.location).toBe('/?oauthError=OAUTH_STATE_INVALID');
    expect(oauth.grants.authorization_code).toBe(1);
  });

  it('refuses a state it did not issue, and one from another session', async () => {
    const other = await xChannel('X Zweit');
    const forged = await owner.get(`/v1/oauth/callback?code=abc&state=${'A'.repeat(43)}`);
    expect(forged.headers.location).toBe('/?oauthError=OAUTH_STATE_INVALID');

    // The same person, signed in in another browser, cannot finish what this one started.
    const second = new Browser(t.server);
    second.ip = '203.0.113.77';
    expect(
      (await second.post('/v1/auth/login', { email: OWNER.email, password: OWNER.password }))
        .status,
    ).toBe(200);
    oauth.nextTokens.push({
      access: 'x-access-other',
      refresh: 'x-refresh-other',
      expiresIn: 7200,
    });
    const callback = await authorize(owner, other);
    const stolen = await second.get(callback);
    expect(stolen.headers.location).toBe(
      `/w/${ws}/settings/channels?oauthError=OAUTH_STATE_INVALID`,
    );
    expect(await credentialsOf(other)).toBe(0);
    // And once refused, the state is spent: the rightful session cannot use it either.
    expect((await owner.get(callback)).headers.location).toBe('/?oauthError=OAUTH_STATE_INVALID');
    expect(await credentialsOf(other)).toBe(0);
    oauth.nextTokens.length = 0;
  });

  it('refuses a state that has expired', async () => {
    const late = await xChannel('X Spät');
    const callback = await authorize(owner, late);
    clock.set(new Date(clock.nowMs() + 11 * 60_000));
    expect((await owner.get(callback)).headers.location).toBe(
      `/w/${ws}/settings/channels?oauthError=OAUTH_STATE_INVALID`,
    );
    expect(await credentialsOf(late)).toBe(0);
  });

  it('says "not configured" for a platform without an app, and a form platform has no OAuth', async () => {
    const li = await owner.post(path('/channels'), { name: 'LinkedIn', platform: 'linkedin' });
    expect(li.body.connection).toMatchObject({ kind: 'oauth', configured: false });
    const start = await owner.post(path(`/channels/${li.body.id}/oauth/start`));
    expect(start.status).toBe(409);
    expect(start.body.error).toMatchObject({
      code: 'OAUTH_NOT_CONFIGURED',
      details: { variable: 'POSTPLAN_LINKEDIN_CLIENT_ID' },
    });
    const tg = await owner.post(path('/channels'), { name: 'Telegram', platform: 'telegram' });
    const wrong = await owner.post(path(`/channels/${tg.body.id}/oauth/start`));
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('CHANNEL_CONNECT_KIND_WRONG');
  });

  it('refreshes an expiring token exactly once for 20 publications in two processes, and all go out', async () => {
    // Two hours later the first access token is dead at X; the refresh gives the live one.
    const plannedAt = new Date(clock.nowMs() + 3 * 3_600_000);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await owner.post(path('/posts'), {
        title: `Nummer ${i}`,
        text: `Beitrag Nummer ${i} für X`,
        plannedAt: plannedAt.toISOString(),
        variants: [{ channelId }],
      });
      expect(created.status).toBe(201);
      const submitted = await owner.post(path(`/posts/${created.body.id}/submit`), {
        version: created.body.version,
      });
      expect(submitted.body.status).toBe('approved');
      ids.push(created.body.id as string);
    }
    clock.set(plannedAt);
    x.acceptTokens(['x-access-2']);
    oauth.nextTokens.push({ access: 'x-access-2', refresh: 'x-refresh-2', expiresIn: 7200 });
    const refreshesBefore = oauth.grants.refresh_token;
    const tweetsBefore = x.tweets.length;

    const second = await startTestApp(env(), { clock, sameDatabaseAs: t });
    try {
      pointAtFakeX(second);
      const due = new Date(plannedAt.getTime() + 1000);
      const [a, b] = await Promise.all([
        t.app.get(PublishingEngine).processDue(due),
        second.app.get(PublishingEngine).processDue(due),
      ]);
      expect(a + b).toBe(20);
    } finally {
      await second.close();
    }

    expect(oauth.grants.refresh_token - refreshesBefore).toBe(1);
    expect(x.tweets.length - tweetsBefore).toBe(20);
    for (const id of ids) {
      const pubs = await owner.get(path(`/posts/${id}/publications`));
      expect(pubs.body.items[0]).toMatchObject({ status: 'published' });
    }
    const { rows } = await t.db.query(
      `SELECT refreshed_at, access_expires_at FROM channel_credentials WHERE channel_id = $1`,
      [channelId],
    );
    expect(rows[0].access_expires_at.getTime()).toBe(plannedAt.getTime() + 7200_000);
  });

  it('marks the account revoked when the platform refuses the refresh token', async () => {
    // Two more hours: the token is due again, and the platform has withdrawn the grant.
    const plannedAt = new Date(clock.nowMs() + 3 * 3_600_000);
    const created = await owner.post(path('/posts'), {
      text: 'Nach dem Widerruf',
      plannedAt: plannedAt.toISOString(),
      variants: [{ channelId }],
    });
    await owner.post(path(`/posts/${created.body.id}/submit`), { version: created.body.version });
    clock.set(plannedAt);
    // The live refresh token is spent elsewhere: the next refresh is invalid_grant.
    oauth.nextTokens.push({ access: 'x-access-3', refresh: 'x-refresh-3', expiresIn: 7200 });
    await fetch(`${oauth.url}${oauth.dialect.tokenPath}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${oauth.clientId}:${oauth.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x-refresh-2' }),
    });
    await t.app.get(PublishingEngine).processDue(new Date(plannedAt.getTime() + 1000));
    const pubs = await owner.get(path(`/posts/${created.body.id}/publications`));
    expect(pubs.body.items[0]).toMatchObject({
      status: 'failed',
      lastError: { code: 'TOKEN_REVOKED', class: 'permanent' },
    });
    const list = await owner.get(path('/channels'));
    const ch = (list.body.items as { id: string; connection: { status: string } }[]).find(
      (c) => c.id === channelId,
    )!;
    expect(ch.connection.status).toBe('revoked');
    const told = await t.db.query(
      `SELECT data->>'status' AS status FROM notifications
        WHERE kind = 'channel_alert' AND data->>'channelId' = $1`,
      [channelId],
    );
    expect(told.rows).toEqual([{ status: 'revoked' }]);
  });
});

describe('a connection that runs out before a planned post', () => {
  const DAY = 86_400_000;

  it('alerts the admins days ahead, once, and the calendar flags the posts it would fail', async () => {
    // An access token for ten days and no refresh token: only a person can renew it.
    const channelId = await xChannel('X Kurzzeit');
    oauth.nextTokens.push({ access: 'x-access-short', refresh: '', expiresIn: 10 * 86_400 });
    x.acceptTokens(['x-access-short']);
    expect((await owner.get(await authorize(owner, channelId))).status).toBe(302);
    const connectedAt = clock.nowMs();

    const planned = async (inDays: number, text: string) => {
      const created = await owner.post(path('/posts'), {
        text,
        plannedAt: new Date(connectedAt + inDays * DAY).toISOString(),
        variants: [{ channelId }],
      });
      await owner.post(path(`/posts/${created.body.id}/submit`), { version: created.body.version });
      return created.body.id as string;
    };
    const soon = await planned(2, 'Bald, noch mit gültigem Token');
    const late = await planned(12, 'Nach dem Ablauf des Tokens');
    const range = `from=${new Date(connectedAt).toISOString()}&to=${new Date(connectedAt + 20 * DAY).toISOString()}`;
    const flags = async () => {
      const res = await owner.get(path(`/posts?${range}`));
      expect(res.status).toBe(200);
      return new Map(
        (res.body.items as { id: string; channelAlerts?: unknown[] }[]).map((p) => [
          p.id,
          p.channelAlerts,
        ]),
      );
    };
    expect((await flags()).get(late)).toEqual([]);

    const connections = t.app.get(ChannelConnectionsService);
    await connections.checkAll();
    const after = await flags();
    expect(after.get(late)).toEqual([{ channelId, status: 'expiring' }]);
    expect(after.get(soon)).toEqual([]);
    const channels = await owner.get(path('/channels'));
    expect(
      (channels.body.items as { id: string; connection: { status: string } }[]).find(
        (c) => c.id === channelId,
      )!.connection.status,
    ).toBe('connected');

    const { rows } = await t.db.query(
      `SELECT data FROM notifications WHERE kind = 'channel_alert' AND data->>'channelId' = $1`,
      [channelId],
    );
    expect(rows).toEqual([
      {
        data: expect.objectContaining({
          status: 'expiring',
          channelName: 'X Kurzzeit',
          plannedPosts: 2,
        }),
      },
    ]);
    // The next day's check tells nobody again.
    await connections.checkAll();
    expect(
      (
        await t.db.query(
          `SELECT 1 FROM notifications WHERE kind = 'channel_alert' AND data->>'channelId' = $1`,
          [channelId],
        )
      ).rows,
    ).toHaveLength(1);

    // Reconnecting clears the alert and the flags.
    oauth.nextTokens.push({ access: 'x-access-long', refresh: 'x-refresh-long', expiresIn: 7200 });
    x.acceptTokens(['x-access-long']);
    expect((await owner.get(await authorize(owner, channelId))).status).toBe(302);
    expect((await flags()).get(late)).toEqual([]);
  });
});
