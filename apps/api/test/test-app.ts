import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { type Clock } from '../src/common/clock/clock';
import { loadConfig } from '../src/config/app-config';
import { adminUrl, templateDb, testDbPrefix } from './db-names';

export type TestApp = {
  app: INestApplication;
  server: Parameters<typeof request>[0];
  /** Direct access to this file's database, to check what a request changed (or did not). */
  db: Pool;
  /** This app's database, for a second app on the same data (see `sameDatabaseAs`). */
  databaseUrl: string;
  close: () => Promise<void>;
};

/**
 * The real AppModule on a database of this test file's own, cloned from the migrated template:
 * real PostgreSQL, real migrations, files isolated from each other.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    /** The app's clock (a ManualClock), for tests that move time instead of waiting for it. */
    clock?: Clock;
    /** A second app (other settings) on the first one's database instead of a new one. */
    sameDatabaseAs?: TestApp;
    /** Receives every log line the app writes (set LOG_LEVEL in `env` to see them). */
    logStream?: { write(line: string): void };
  } = {},
): Promise<TestApp> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set; run integration tests through `npm test`.');
  let url: URL;
  if (options.sameDatabaseAs) {
    url = new URL(options.sameDatabaseAs.databaseUrl);
  } else {
    const name = `${testDbPrefix()}${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl(base) });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
    } finally {
      await admin.end();
    }
    url = new URL(base);
    url.pathname = `/${name}`;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: 'silent',
    POSTPLAN_SECRET_KEY: randomBytes(32).toString('base64'),
    POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'postplan-test-')),
    POSTPLAN_MIGRATE_ON_START: 'false',
    POSTPLAN_TRUST_PROXY: '1',
    // Background jobs (expiry, mail) run only where a test calls them, at a time it chooses.
    POSTPLAN_ROLE: 'api',
    POSTPLAN_WEB_DIST: join(tmpdir(), 'postplan-no-web'),
    ...env,
  });
  const app = await createApp(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  const db = new Pool({ connectionString: url.toString(), max: 2 });
  return {
    app,
    server: app.getHttpServer() as Parameters<typeof request>[0],
    db,
    databaseUrl: url.toString(),
    // The database stays until the global teardown drops every database of this run, once all
    // workers have exited: dropping it here with FORCE would kill connections a closing app may
    // still hold, and the resulting error would surface in another file's test.
    close: async () => {
      await app.close();
      await db.end();
    },
  };
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A browser-like client: keeps the session cookie and echoes the CSRF token on changes. */
export class Browser {
  private cookies = new Map<string, string>();
  ip = '203.0.113.10';

  constructor(private readonly server: TestApp['server']) {}

  get csrf(): string | undefined {
    return this.cookies.get('postplan_csrf');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forget(name: string): void {
    this.cookies.delete(name);
  }

  send(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}) {
    let req = request(this.server)[method](`/api${path}`).set('X-Forwarded-For', this.ip);
    if (this.cookies.size)
      req = req.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (method !== 'get' && this.csrf) req = req.set('X-CSRF-Token', this.csrf);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const sent = body === undefined ? req : req.send(body as object);
    return sent.then((res) => {
      for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
        const [pair, ...attrs] = line.split(';');
        const [k, ...v] = pair!.split('=');
        const value = v.join('=');
        const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
        if (expired) this.cookies.delete(k!.trim());
        else this.cookies.set(k!.trim(), value);
      }
      return res;
    });
  }

  get(path: string, headers?: Record<string, string>) {
    return this.send('get', path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.send('post', path, body ?? {}, headers);
  }
  patch(path: string, body: unknown, headers?: Record<string, string>) {
    return this.send('patch', path, body, headers);
  }
  put(path: string, body: unknown, headers?: Record<string, string>) {
    return this.send('put', path, body, headers);
  }
  delete(path: string, headers?: Record<string, string>) {
    return this.send('delete', path, undefined, headers);
  }
}

export const OWNER = {
  email: 'owner@example.com',
  name: 'Olga Owner',
  password: 'owner-password-1',
};

/** First-run setup through the API; returns the owner's logged-in browser and the workspace slug. */
export async function setUpOwner(
  t: TestApp,
  workspaceName = 'Agentur Nord',
): Promise<{ owner: Browser; ws: string }> {
  const owner = new Browser(t.server);
  const res = await owner.post('/v1/setup', {
    ...OWNER,
    workspaceName,
    timeZone: 'Europe/Berlin',
    locale: 'de',
  });
  if (res.status !== 201)
    throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { owner, ws: (res.body as { workspaces: { slug: string }[] }).workspaces[0]!.slug };
}

/** The secret of an invitation or reset link (its last path segment). */
export function linkToken(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

/**
 * Invites a new address, and has the invitee set their own password from the handed-over link:
 * the only way an account joins now. Returns the invitee's own signed-in browser. The invitation
 * mail is marked as delivered by hand, so tests that count mail see only their own.
 */
export async function addMember(
  t: TestApp,
  by: Browser,
  ws: string,
  role: string,
  email = `${role}-${randomBytes(3).toString('hex')}@example.com`,
): Promise<{ browser: Browser; userId: string }> {
  const password = 'member-password-1';
  const invited = await by.post(`/v1/workspaces/${ws}/members`, { email, role });
  if (invited.status !== 201)
    throw new Error(`inviting ${role} failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  await t.db.query(
    `UPDATE account_emails SET status = 'skipped', skip_reason = 'handed_over', secret = NULL
      WHERE to_address = $1 AND status = 'pending'`,
    [email],
  );
  const browser = new Browser(t.server);
  browser.ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  const token = linkToken((invited.body as { inviteUrl: string }).inviteUrl);
  const joined = await browser.post(`/v1/invitations/${token}/register`, {
    name: `${role} person`,
    password,
  });
  if (joined.status !== 201)
    throw new Error(`joining as ${role} failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  return { browser, userId: (joined.body as { user: { id: string } }).user.id };
}

export async function count(t: TestApp, table: string): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]!.n);
}
