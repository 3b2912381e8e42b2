import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  createTelegramAdapter,
  FAKE_TELEGRAM_TOKEN,
  type FakeTelegram,
  startFakeTelegram,
} from '@postplan/platforms';
import { loadConfig } from '../src/config/app-config';
import { CredentialCipher } from '../src/modules/channels/connections/credential-cipher';
import { rotateCredentials } from '../src/modules/channels/connections/rotate-credentials';
import { PlatformAdapters } from '../src/modules/publishing/platform-adapters';
import { PublishingEngine } from '../src/modules/publishing/publishing.engine';
import { addMember, Browser, type TestApp, OWNER, setUpOwner, startTestApp } from './test-app';

/**
 * Channel credentials through the API: checked with the platform before anything is stored,
 * stored only as AES-256-GCM ciphertext, never answered, never logged, and still usable after
 * the key is rotated.
 */
const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('hex');
const WRONG_TOKEN = '654321:AAE-not-the-right-token_9876543210';
const TOKEN_SECRET_PART = FAKE_TELEGRAM_TOKEN.split(':')[1]!;

let fake: FakeTelegram;
let t: TestApp;
let owner: Browser;
let ws: string;
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});

const path = (p = '') => `/v1/workspaces/${ws}${p}`;

function pointAtFake(app: TestApp): void {
  app.app.get(PlatformAdapters).register(createTelegramAdapter({ apiRoot: fake.url }));
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  t = await startTestApp(
    { POSTPLAN_SECRET_KEY: OLD_KEY, LOG_LEVEL: 'debug' },
    { logStream: { write: (l: string) => void logStream.write(l) } },
  );
  pointAtFake(t);
  ({ owner, ws } = await setUpOwner(t));
  const policy = await owner.put(path('/approval-policy'), {
    policy: { kind: 'none', selfApprovalRoles: [] },
  });
  expect(policy.status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

async function telegramChannel(name = 'News'): Promise<string> {
  const res = await owner.post(path('/channels'), { name, platform: 'telegram' });
  expect(res.status).toBe(201);
  expect(res.body.connection).toMatchObject({ connected: false, status: 'not_connected' });
  return res.body.id as string;
}

async function credentialRows(): Promise<
  { channel_id: string; key_version: number; iv: Buffer; auth_tag: Buffer; ciphertext: Buffer }[]
> {
  return (await t.db.query(`SELECT * FROM channel_credentials ORDER BY channel_id`)).rows;
}

async function publishOnce(
  app: TestApp,
  by: Browser,
  channelId: string,
  text: string,
  plannedAt: string,
): Promise<{ status: string; lastError: unknown }> {
  const created = await by.post(path('/posts'), {
    title: text,
    text,
    plannedAt,
    variants: [{ channelId }],
  });
  expect(created.status).toBe(201);
  const submitted = await by.post(path(`/posts/${created.body.id}/submit`), {
    version: created.body.version,
  });
  expect(submitted.body.status).toBe('approved');
  await app.app.get(PublishingEngine).processDue(new Date(new Date(plannedAt).getTime() + 1000));
  const pubs = await by.get(path(`/posts/${created.body.id}/publications`));
  return pubs.body.items[0] as { status: string; lastError: unknown };
}

describe('connecting a Telegram channel with its bot token', () => {
  it('stores nothing when the platform refuses the token, and says why', async () => {
    const id = await telegramChannel('Refused');
    const res = await owner.post(path(`/channels/${id}/connect`), {
      settings: { chatId: '@postplan_news' },
      credentials: { botToken: WRONG_TOKEN },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CHANNEL_VERIFY_FAILED');
    expect(res.body.error.details).toEqual({
      platformCode: 'TOKEN_REVOKED',
      errorClass: 'permanent',
    });
    expect(JSON.stringify(res.body)).not.toContain(WRONG_TOKEN.split(':')[1]);
    const { rows } = await t.db.query(`SELECT settings FROM channels WHERE id = $1`, [id]);
    expect(rows[0].settings).toEqual({});
    expect(await credentialRows()).toEqual([]);
  });

  it('refuses malformed settings and tokens before asking the platform', async () => {
    const id = await telegramChannel('Malformed');
    const calls = fake.calls.length;
    const bad = await owner.post(path(`/channels/${id}/connect`), {
      settings: { chatId: 'not a chat' },
      credentials: { botToken: FAKE_TELEGRAM_TOKEN },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('CHANNEL_SETTINGS_INVALID');
    expect(bad.body.error.details.issues[0].path).toBe('settings.chatId');
    const badToken = await owner.post(path(`/channels/${id}/connect`), {
      settings: { chatId: '@postplan_news' },
      credentials: { botToken: 'nope' },
    });
    expect(badToken.body.error.code).toBe('CHANNEL_CREDENTIALS_INVALID');
    expect(fake.calls.length).toBe(calls);
  });

  it('connects, shows the account but never the token, and keeps only ciphertext', async () => {
    const id = await telegramChannel('Postplan News');
    const res = await owner.post(path(`/channels/${id}/connect`), {
      settings: { chatId: '@postplan_news' },
      credentials: { botToken: FAKE_TELEGRAM_TOKEN },
    });
    expect(res.status).toBe(200);
    expect(res.body.connection).toMatchObject({
      connected: true,
      status: 'connected',
      kind: 'form',
      accountName: 'Postplan News',
      expiresAt: null,
    });
    expect(res.body.connection.verifiedAt).toEqual(expect.any(String));
    expect(res.body.settings).toEqual({ chatId: '@postplan_news' });
    const list = await owner.get(path('/channels'));
    for (const body of [res.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain(TOKEN_SECRET_PART);
    }
    const [row] = (await credentialRows()).filter((r) => r.channel_id === id);
    expect(row!.key_version).toBe(1);
    expect(row!.iv).toHaveLength(12);
    expect(row!.auth_tag).toHaveLength(16);
    expect(row!.ciphertext.toString('latin1')).not.toContain(TOKEN_SECRET_PART);
    const dump = await t.db.query(`SELECT row_to_json(c)::text AS j FROM channel_credentials c`);
    for (const r of dump.rows as { j: string }[]) expect(r.j).not.toContain(TOKEN_SECRET_PART);

    const pub = await publishOnce(t, owner, id, 'Hallo Telegram', '2030-03-01T10:00:00+01:00');
    expect(pub).toMatchObject({ status: 'published', lastError: null });
    expect(fake.delivered.some((d) => d.chatId === '@postplan_news')).toBe(true);
  });

  it('another workspace cannot connect or even see the channel', async () => {
    const id = await telegramChannel('Ours');
    const other = await setUpOtherWorkspace();
    const res = await other.browser.post(`/v1/workspaces/${other.ws}/channels/${id}/connect`, {
      settings: { chatId: '@postplan_news' },
      credentials: { botToken: FAKE_TELEGRAM_TOKEN },
    });
    expect(res.status).toBe(404);
    expect((await credentialRows()).some((r) => r.channel_id === id)).toBe(false);
  });
});

async function setUpOtherWorkspace(): Promise<{ browser: Browser; ws: string }> {
  const created = await owner.post('/v1/workspaces', {
    name: `Andere ${randomBytes(2).toString('hex')}`,
    timeZone: 'Europe/Berlin',
  });
  expect(created.status).toBe(201);
  return { browser: owner, ws: created.body.slug as string };
}

describe('changing channels', () => {
  it('lets only owners and admins connect, and an editor sees no secret either', async () => {
    const id = await telegramChannel('Nur Admins');
    const editor = await addMember(t, owner, ws, 'editor');
    const res = await editor.browser.post(path(`/channels/${id}/connect`), {
      settings: { chatId: '@postplan_news' },
      credentials: { botToken: FAKE_TELEGRAM_TOKEN },
    });
    expect(res.status).toBe(403);
    expect((await credentialRows()).some((r) => r.channel_id === id)).toBe(false);
    const seen = await editor.browser.get(path('/channels'));
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toContain(TOKEN_SECRET_PART);
  });

  it('checks settings against the platform when they are edited alone', async () => {
    const id = await telegramChannel('Einstellungen');
    const bad = await owner.patch(path(`/channels/${id}`), { settings: { chatId: 'kein chat' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('CHANNEL_SETTINGS_INVALID');
    const ok = await owner.patch(path(`/channels/${id}`), {
      name: 'Umbenannt',
      settings: { chatId: '-1009876543210' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Umbenannt', settings: { chatId: '-1009876543210' } });
  });

  it('removes a channel with its connection, but not while publications wait on it', async () => {
    const id = await telegramChannel('Weg damit');
    const connected = await owner.post(path(`/channels/${id}/connect`), {
      settings: { chatId: '@postplan_news' },
      credentials: { botToken: FAKE_TELEGRAM_TOKEN },
    });
    expect(connected.status).toBe(200);
    const created = await owner.post(path('/posts'), {
      text: 'Wartet noch',
      plannedAt: '2031-05-01T10:00:00+02:00',
      variants: [{ channelId: id }],
    });
    await owner.post(path(`/posts/${created.body.id}/submit`), { version: created.body.version });
    const refused = await owner.delete(path(`/channels/${id}`));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CHANNEL_IN_USE', details: { waiting: 1 } });
    expect((await credentialRows()).some((r) => r.channel_id === id)).toBe(true);

    const post = await owner.get(path(`/posts/${created.body.id}`));
    await owner.delete(path(`/posts/${created.body.id}`), {
      'If-Match': String(post.body.version),
    });
    const removed = await owner.delete(path(`/channels/${id}`));
    expect(removed.status).toBe(204);
    expect((await credentialRows()).some((r) => r.channel_id === id)).toBe(false);
    expect(
      (await owner.get(path('/channels'))).body.items.some((c: { id: string }) => c.id === id),
    ).toBe(false);
  });
});

describe('rotating the key', () => {
  it('re-encrypts every row under the new key, and publishing goes on with only the new key', async () => {
    const before = await credentialRows();
    expect(before.length).toBeGreaterThan(0);
    const rotatingConfig = loadConfig({
      DATABASE_URL: t.databaseUrl,
      POSTPLAN_SECRET_KEY: NEW_KEY,
      POSTPLAN_SECRET_KEY_VERSION: '2',
      POSTPLAN_SECRET_KEYS_PREVIOUS: `1:${OLD_KEY}`,
      POSTPLAN_DATA_DIR: '/nonexistent-unused',
    });
    // Two rows per batch: more than one batch, each its own transaction.
    const result = await rotateCredentials(
      t.db,
      new CredentialCipher(rotatingConfig.secretKeys),
      2,
    );
    expect(result).toEqual({ rewritten: before.length, remaining: [] });
    const after = await credentialRows();
    expect(after.map((r) => r.key_version)).toEqual(before.map(() => 2));
    for (const [i, r] of after.entries()) {
      expect(r.ciphertext.equals(before[i]!.ciphertext)).toBe(false);
      expect(r.iv.equals(before[i]!.iv)).toBe(false);
    }
    // Again: nothing left to do.
    expect(
      (await rotateCredentials(t.db, new CredentialCipher(rotatingConfig.secretKeys), 2)).rewritten,
    ).toBe(0);

    // A server that knows only the new key publishes through the rotated row.
    const next = await startTestApp(
      { POSTPLAN_SECRET_KEY: NEW_KEY, POSTPLAN_SECRET_KEY_VERSION: '2', LOG_LEVEL: 'debug' },
      { sameDatabaseAs: t, logStream: { write: (l: string) => void logStream.write(l) } },
    );
    try {
      pointAtFake(next);
      const login = new Browser(next.server);
      const signedIn = await login.post('/v1/auth/login', {
        email: OWNER.email,
        password: OWNER.password,
      });
      expect(signedIn.status).toBe(200);
      const channelId = (
        await next.db.query(
          `SELECT c.id FROM channels c JOIN channel_credentials cc ON cc.channel_id = c.id
          WHERE c.name = 'Postplan News'`,
        )
      ).rows[0].id as string;
      const pub = await publishOnce(
        next,
        login,
        channelId,
        'Nach dem Schlüsselwechsel',
        '2030-03-02T10:00:00+01:00',
      );
      expect(pub).toMatchObject({ status: 'published', lastError: null });
    } finally {
      await next.close();
    }
  });
});

describe('the logs', () => {
  it('never carry a token, through connect, refusal and publishing', () => {
    const all = logLines.join('');
    expect(logLines.length).toBeGreaterThan(10);
    expect(all).not.toContain(TOKEN_SECRET_PART);
    expect(all).not.toContain(WRONG_TOKEN.split(':')[1]);
  });
});
