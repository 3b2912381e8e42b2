import {
  createFacebookAdapter,
  createInstagramAdapter,
  createLinkedinAdapter,
} from '@postplan/platforms';
import { ManualClock } from '../src/common/clock/clock';
import { ChannelConnectionsService } from '../src/modules/channels/connections/channel-connections.service';
import { PlatformAdapters } from '../src/modules/publishing/platform-adapters';
import { FAKE_ACCOUNTS, type FakeOAuth, startFakeOAuth } from './fake-oauth-server';
import { addMember, type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * The account picker: a Facebook, Instagram or LinkedIn company-page sign-in that names no page
 * (or one the person does not manage) lists the pages the person manages, keeps the sign-in's
 * tokens sealed for a quarter of an hour for that person only, and connects the one picked as a
 * sign-in with it set would have. Against the Meta and LinkedIn fakes (OAUTH_DIALECTS).
 */
const PUBLIC_URL = 'https://postplan.example';
const DAY = 86_400_000;
const clock = new ManualClock('2030-04-01T08:00:00Z');
const logLines: string[] = [];
let meta: FakeOAuth;
let linkedin: FakeOAuth;
let t: TestApp;
let owner: Browser;
let ws: string;
const path = (p = '') => `/v1/workspaces/${ws}${p}`;

beforeAll(async () => {
  meta = await startFakeOAuth('meta', { now: () => clock.nowMs() });
  linkedin = await startFakeOAuth('linkedin', { now: () => clock.nowMs() });
  const env: Record<string, string> = { POSTPLAN_PUBLIC_URL: PUBLIC_URL, LOG_LEVEL: 'info' };
  for (const [name, f] of [
    ['POSTPLAN_META', meta],
    ['POSTPLAN_LINKEDIN', linkedin],
  ] as const) {
    env[`${name}_CLIENT_ID`] = f.clientId;
    env[`${name}_CLIENT_SECRET`] = f.clientSecret;
    env[`${name}_AUTHORIZE_URL`] = `${f.url}${f.dialect.authorizePath}`;
    env[`${name}_TOKEN_URL`] = `${f.url}${f.dialect.tokenPath}`;
  }
  env['POSTPLAN_LINKEDIN_API_URL'] = linkedin.url;
  t = await startTestApp(env, { clock, logStream: { write: (line) => logLines.push(line) } });
  const adapters = t.app.get(PlatformAdapters);
  adapters.register(createFacebookAdapter({ graphBase: meta.url }));
  adapters.register(createInstagramAdapter({ graphBase: meta.url }));
  adapters.register(createLinkedinAdapter({ apiBase: linkedin.url, now: () => clock.nowMs() }));
  ({ owner, ws } = await setUpOwner(t));
});
afterAll(async () => {
  await t.close();
  await meta.close();
  await linkedin.close();
});

async function channel(
  platform: 'facebook' | 'instagram' | 'linkedin',
  name: string,
  settings?: Record<string, string>,
): Promise<string> {
  const res = await owner.post(path('/channels'), { name, platform });
  expect(res.status).toBe(201);
  if (settings) {
    expect((await owner.patch(path(`/channels/${res.body.id}`), { settings })).status).toBe(200);
  }
  return res.body.id as string;
}

/** oauth/start, the platform's "Allow", and the callback: where the browser ends up. */
async function signIn(
  channelId: string,
  body: Record<string, unknown> = {},
  by: Browser = owner,
): Promise<{ location: string; scopes: string[] }> {
  const start = await by.post(path(`/channels/${channelId}/oauth/start`), body);
  expect(start.status).toBe(200);
  const authorize = new URL(start.body.authorizeUrl as string);
  const res = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(res.headers.get('location')!);
  const done = await by.get(`${back.pathname.replace(/^\/api/, '')}${back.search}`);
  expect(done.status).toBe(302);
  return {
    location: done.headers.location as string,
    scopes: authorize.searchParams.get('scope')!.split(/[ ,]/),
  };
}

async function connectionOf(channelId: string) {
  const list = await owner.get(path('/channels'));
  return (
    list.body.items as {
      id: string;
      settings: Record<string, unknown>;
      connection: Record<string, unknown>;
    }[]
  ).find((c) => c.id === channelId)!;
}

async function choiceRow(channelId: string) {
  const { rows } = await t.db.query(`SELECT * FROM channel_oauth_choices WHERE channel_id = $1`, [
    channelId,
  ]);
  return rows[0] as
    | { ciphertext: Buffer | null; iv: Buffer | null; used_at: Date | null; accounts: unknown }
    | undefined;
}

/** Every token the fakes handed out, none of which may be readable where it is kept. */
const allTokens = () => [...meta.issued, ...linkedin.issued].map((i) => i.token);

function expectNoTokenIn(text: string): void {
  for (const token of allTokens()) expect(text).not.toContain(token);
}

const credentialsOf = async (channelId: string) =>
  (await t.app.get(ChannelConnectionsService).targetFor(channelId))!.credentials!;

describe('a Facebook channel without a page', () => {
  let channelId: string;

  it('comes back to the channels page with the pages the login manages to pick from, connecting nothing yet', async () => {
    channelId = await channel('facebook', 'Facebook Bäckerei');
    const pageTokensBefore = meta.issued.filter((i) => i.kind === 'page').length;
    const seen = meta.accountCalls.length;
    const { location } = await signIn(channelId);
    expect(location).toBe(`/w/${ws}/settings/channels?choose=${channelId}`);

    const choices = await owner.get(path(`/channels/${channelId}/oauth/choices`));
    expect(choices.status).toBe(200);
    expect(choices.body).toEqual({
      platform: 'facebook',
      expiresAt: new Date(clock.nowMs() + 15 * 60_000).toISOString(),
      accounts: [
        {
          id: FAKE_ACCOUNTS.facebookPage.id,
          name: FAKE_ACCOUNTS.facebookPage.name,
          detail: FAKE_ACCOUNTS.facebookPage.category,
        },
        {
          id: FAKE_ACCOUNTS.instagram.pageId,
          name: FAKE_ACCOUNTS.instagram.pageName,
          detail: FAKE_ACCOUNTS.instagram.pageCategory,
        },
      ],
    });
    // Listing asks for names only: no page token is handed out until one is picked.
    expect(meta.accountCalls.slice(seen).map((c) => c.query['fields'])).toEqual([
      'id,name,category,instagram_business_account{id,username}',
    ]);
    expect(meta.issued.filter((i) => i.kind === 'page')).toHaveLength(pageTokensBefore);
    expect((await connectionOf(channelId)).connection).toMatchObject({
      connected: false,
      status: 'not_connected',
    });

    // The waiting tokens are sealed: neither the row nor any answer holds one in plain text.
    const row = (await choiceRow(channelId))!;
    expect(row.ciphertext).not.toBeNull();
    expectNoTokenIn(
      `${JSON.stringify({ ...row, ciphertext: null })}${row.ciphertext!.toString('latin1')}`,
    );
    expectNoTokenIn(JSON.stringify(choices.body));
    expectNoTokenIn(JSON.stringify((await owner.get(path('/channels'))).body));
  });

  it('refuses an id that was not offered, changing nothing', async () => {
    const res = await owner.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: '104857600999',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'OAUTH_ACCOUNT_NOT_OFFERED',
      details: { accountId: '104857600999' },
    });
    expect((await choiceRow(channelId))!.ciphertext).not.toBeNull();
    expect((await connectionOf(channelId)).connection['connected']).toBe(false);
  });

  it('connects the picked page with its own token, names it, and discards the waiting tokens', async () => {
    const res = await owner.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: FAKE_ACCOUNTS.facebookPage.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.connection).toMatchObject({
      connected: true,
      status: 'connected',
      kind: 'oauth',
      accountName: FAKE_ACCOUNTS.facebookPage.name,
      verifiedAt: clock.now().toISOString(),
      expiresAt: null,
    });
    expect(res.body.settings).toEqual({ pageId: FAKE_ACCOUNTS.facebookPage.id });
    const creds = await credentialsOf(channelId);
    const kept = meta.issued.find((i) => i.token === creds['pageAccessToken']);
    expect(kept).toMatchObject({ kind: 'page', pageId: FAKE_ACCOUNTS.facebookPage.id });
    const row = (await choiceRow(channelId))!;
    expect(row).toMatchObject({ ciphertext: null, iv: null, used_at: clock.now() });
    expectNoTokenIn(JSON.stringify(res.body));
  });

  it('refuses a second pick and a second look, leaving the connection as it is', async () => {
    const before = await credentialsOf(channelId);
    const again = await owner.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: FAKE_ACCOUNTS.instagram.pageId,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('OAUTH_CHOICE_USED');
    expect((await owner.get(path(`/channels/${channelId}/oauth/choices`))).body.error.code).toBe(
      'OAUTH_CHOICE_USED',
    );
    expect(await credentialsOf(channelId)).toEqual(before);
    expect((await connectionOf(channelId)).settings).toEqual({
      pageId: FAKE_ACCOUNTS.facebookPage.id,
    });
  });

  it('offers the pages again when the page set is not one the login manages', async () => {
    const other = await channel('facebook', 'Facebook fremd', { pageId: '104857600999' });
    expect((await signIn(other)).location).toBe(`/w/${ws}/settings/channels?choose=${other}`);
    const choices = await owner.get(path(`/channels/${other}/oauth/choices`));
    expect(choices.body.accounts.map((a: { id: string }) => a.id)).toEqual([
      FAKE_ACCOUNTS.facebookPage.id,
      FAKE_ACCOUNTS.instagram.pageId,
    ]);
  });
});

describe('an Instagram channel without an account', () => {
  it('offers only the business accounts linked to a page, and connects the one picked with that page’s token', async () => {
    const channelId = await channel('instagram', 'Instagram Bäckerei');
    expect((await signIn(channelId)).location).toBe(
      `/w/${ws}/settings/channels?choose=${channelId}`,
    );
    const choices = await owner.get(path(`/channels/${channelId}/oauth/choices`));
    expect(choices.body).toMatchObject({
      platform: 'instagram',
      accounts: [
        {
          id: FAKE_ACCOUNTS.instagram.id,
          name: FAKE_ACCOUNTS.instagram.username,
          detail: FAKE_ACCOUNTS.instagram.pageName,
        },
      ],
    });
    const res = await owner.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: FAKE_ACCOUNTS.instagram.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.connection).toMatchObject({
      status: 'connected',
      accountName: FAKE_ACCOUNTS.instagram.username,
    });
    expect(res.body.settings).toEqual({ instagramUserId: FAKE_ACCOUNTS.instagram.id });
    const creds = await credentialsOf(channelId);
    expect(meta.issued.find((i) => i.token === creds['accessToken'])).toMatchObject({
      kind: 'page',
      pageId: FAKE_ACCOUNTS.instagram.pageId,
    });
  });
});

describe('a LinkedIn company page', () => {
  it('needs an author or the wish to connect a company page before the sign-in', async () => {
    const channelId = await channel('linkedin', 'LinkedIn ohne Autor');
    const res = await owner.post(path(`/channels/${channelId}/oauth/start`));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'CHANNEL_SETTINGS_INVALID',
      details: { issues: [{ path: 'settings.author' }] },
    });
  });

  it('lists the pages the member administers (approved administrator only) and connects the one picked', async () => {
    const channelId = await channel('linkedin', 'LinkedIn Firma');
    const seen = linkedin.accountCalls.length;
    const signedInAt = clock.nowMs();
    const { location, scopes } = await signIn(channelId, { linkedinAuthor: 'organization' });
    expect(scopes).toEqual([
      'w_organization_social',
      'r_organization_social',
      'rw_organization_admin',
    ]);
    expect(location).toBe(`/w/${ws}/settings/channels?choose=${channelId}`);

    // The documented finder and batch lookup, with the Rest.li and version headers.
    const calls = linkedin.accountCalls.slice(seen);
    expect(calls.map((c) => c.path)).toEqual(['/rest/organizationAcls', '/rest/organizations']);
    expect(calls[0]!.query).toMatchObject({
      q: 'roleAssignee',
      role: 'ADMINISTRATOR',
      state: 'APPROVED',
    });
    expect(calls[1]!.query).toEqual({
      ids: `List(${FAKE_ACCOUNTS.linkedinOrganization.id},${FAKE_ACCOUNTS.linkedinOrganization2.id})`,
    });
    for (const c of calls) {
      expect(c.headers['x-restli-protocol-version']).toBe('2.0.0');
      expect(c.headers['linkedin-version']).toMatch(/^\d{6}$/);
    }

    const choices = await owner.get(path(`/channels/${channelId}/oauth/choices`));
    expect(choices.body).toMatchObject({
      platform: 'linkedin',
      accounts: [
        {
          id: FAKE_ACCOUNTS.linkedinOrganization.id,
          name: FAKE_ACCOUNTS.linkedinOrganization.localizedName,
          detail: null,
        },
        {
          id: FAKE_ACCOUNTS.linkedinOrganization2.id,
          name: FAKE_ACCOUNTS.linkedinOrganization2.localizedName,
          detail: null,
        },
      ],
    });
    expect(choices.body.accounts).toHaveLength(2);

    clock.advance(5 * 60_000);
    const res = await owner.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: FAKE_ACCOUNTS.linkedinOrganization2.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.settings).toEqual({
      author: `urn:li:organization:${FAKE_ACCOUNTS.linkedinOrganization2.id}`,
    });
    expect(res.body.connection).toMatchObject({
      status: 'connected',
      accountName: FAKE_ACCOUNTS.linkedinOrganization2.localizedName,
      // The member's token runs from the sign-in, not from the pick.
      expiresAt: new Date(signedInAt + 60 * DAY).toISOString(),
    });
    const creds = await credentialsOf(channelId);
    expect(linkedin.issued.find((i) => i.token === creds['accessToken'])?.kind).toBe('code');
  });

  it('connects directly, as before, when the page set is one the member administers', async () => {
    const channelId = await channel('linkedin', 'LinkedIn gesetzt', {
      author: `urn:li:organization:${FAKE_ACCOUNTS.linkedinOrganization.id}`,
    });
    expect((await signIn(channelId)).location).toBe(
      `/w/${ws}/settings/channels?connected=${channelId}`,
    );
    expect(await choiceRow(channelId)).toBeUndefined();
  });
});

describe('a login that manages nothing', () => {
  it.each([
    ['facebook', 'Facebook leer'],
    ['instagram', 'Instagram leer'],
    ['linkedin', 'LinkedIn leer'],
  ] as const)('%s: says so and keeps nothing', async (platform, name) => {
    const fake = platform === 'linkedin' ? linkedin : meta;
    const channelId = await channel(platform, name);
    fake.managesNothing = true;
    try {
      const { location } = await signIn(
        channelId,
        platform === 'linkedin' ? { linkedinAuthor: 'organization' } : {},
      );
      expect(location).toBe(
        `/w/${ws}/settings/channels?oauthError=OAUTH_NO_ACCOUNTS&platform=${platform}`,
      );
    } finally {
      fake.managesNothing = false;
    }
    expect(await choiceRow(channelId)).toBeUndefined();
    expect((await connectionOf(channelId)).connection['connected']).toBe(false);
  });
});

describe('a choice that waited too long', () => {
  it('is refused after 15 minutes, and the daily check wipes its tokens', async () => {
    const channelId = await channel('facebook', 'Facebook spät');
    await signIn(channelId);
    clock.advance(15 * 60_000);
    const pick = await owner.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: FAKE_ACCOUNTS.facebookPage.id,
    });
    expect(pick.status).toBe(410);
    expect(pick.body.error).toMatchObject({
      code: 'OAUTH_CHOICE_EXPIRED',
      details: { expiredAt: clock.now().toISOString() },
    });
    expect((await owner.get(path(`/channels/${channelId}/oauth/choices`))).status).toBe(410);
    expect((await connectionOf(channelId)).connection['connected']).toBe(false);

    await t.app.get(ChannelConnectionsService).checkAll();
    expect((await choiceRow(channelId))!.ciphertext).toBeNull();
    expect((await owner.get(path(`/channels/${channelId}/oauth/choices`))).status).toBe(410);
  });
});

describe('someone else', () => {
  let channelId: string;
  let admin: Browser;

  beforeAll(async () => {
    channelId = await channel('facebook', 'Facebook geteilt');
    await signIn(channelId);
    admin = (await addMember(t, owner, ws, 'admin')).browser;
  });

  it('another admin of the workspace can neither see, pick nor cancel the owner’s choice', async () => {
    const look = await admin.get(path(`/channels/${channelId}/oauth/choices`));
    expect(look.status).toBe(403);
    expect(look.body.error.code).toBe('OAUTH_CHOICE_OTHER_USER');
    const pick = await admin.post(path(`/channels/${channelId}/oauth/choices`), {
      accountId: FAKE_ACCOUNTS.facebookPage.id,
    });
    expect(pick.status).toBe(403);
    expect(pick.body.error.code).toBe('OAUTH_CHOICE_OTHER_USER');
    expect((await admin.delete(path(`/channels/${channelId}/oauth/choices`))).status).toBe(403);
    expect((await choiceRow(channelId))!.ciphertext).not.toBeNull();
    expect((await connectionOf(channelId)).connection['connected']).toBe(false);
  });

  it('through another workspace the channel does not exist', async () => {
    const other = await owner.post('/v1/workspaces', { name: 'Kunde Süd' });
    expect(other.status).toBe(201);
    const res = await owner.post(
      `/v1/workspaces/${other.body.slug}/channels/${channelId}/oauth/choices`,
      { accountId: FAKE_ACCOUNTS.facebookPage.id },
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CHANNEL_NOT_FOUND');
    expect((await choiceRow(channelId))!.ciphertext).not.toBeNull();
  });

  it('the owner cancels: the waiting tokens are gone and there is nothing to pick', async () => {
    expect((await owner.delete(path(`/channels/${channelId}/oauth/choices`))).status).toBe(204);
    expect(await choiceRow(channelId)).toBeUndefined();
    const look = await owner.get(path(`/channels/${channelId}/oauth/choices`));
    expect(look.status).toBe(404);
    expect(look.body.error.code).toBe('OAUTH_CHOICE_NOT_FOUND');
  });
});

describe('the OpenAPI document', () => {
  it('describes listing, picking and cancelling, with the pick’s body and its refusals', async () => {
    const doc = (await owner.get('/docs/openapi.json')).body;
    const choices = doc.paths['/api/v1/workspaces/{ws}/channels/{id}/oauth/choices'];
    expect(Object.keys(choices).sort()).toEqual(['delete', 'get', 'post']);
    expect(choices.get.description).toContain('OAUTH_CHOICE_EXPIRED');
    expect(choices.post.description).toContain('OAUTH_CHOICE_USED');
    const schemaOf = (body: { content: Record<string, { schema: { $ref: string } }> }) =>
      doc.components.schemas[body.content['application/json']!.schema.$ref.split('/').pop()!];
    expect(schemaOf(choices.post.requestBody).properties.accountId.description).toBeTruthy();
    const start = doc.paths['/api/v1/workspaces/{ws}/channels/{id}/oauth/start'];
    expect(schemaOf(start.post.requestBody).properties.linkedinAuthor.enum).toEqual([
      'organization',
    ]);
  });
});

describe('the logs', () => {
  it('hold no token and no client secret', () => {
    const all = logLines.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(meta.clientSecret);
    expect(all).not.toContain(linkedin.clientSecret);
    expectNoTokenIn(all);
  });
});
