import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { FakeSandbox } from '@postplan/platforms/testing';
import { runMigrations } from '../src/database/data-source';
import { type Browser, type TestApp, setUpOwner, startTestApp } from './test-app';

/**
 * Worker processes, as `npm start` runs them (the built server with POSTPLAN_ROLE=worker),
 * against this file's database and the fake sandbox: many at once, one killed mid-send, and a
 * PostgreSQL server of their own restarted under them. The only waiting is for the work to be
 * done (and the restart's pause while the server is down).
 */
const root = join(__dirname, '../../..');
let t: TestApp;
let fake: FakeSandbox;
let owner: Browser;
let ws: string;
let wsId: string;
let ownerId: string;
let dbUrl: string;
const workers = new Set<ChildProcess>();

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['apps/api/scripts/build.mjs', 'api'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  fake = new FakeSandbox();
  await fake.start();
  t = await startTestApp({ POSTPLAN_SANDBOX_URL: fake.url });
  ({ owner, ws } = await setUpOwner(t));
  const me = (await owner.get('/v1/me')).body as {
    user: { id: string };
    workspaces: { id: string }[];
  };
  ownerId = me.user.id;
  wsId = me.workspaces[0]!.id;
  dbUrl = (t.db as unknown as { options: { connectionString: string } }).options.connectionString;
}, 120_000);

afterEach(async () => {
  await Promise.all([...workers].map((w) => stop(w, 'SIGTERM')));
  fake.delayMs = 0;
});

afterAll(async () => {
  await t.close();
  await fake.stop();
});

function startWorker(env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: '6',
      HOST: '127.0.0.1',
      PORT: '0',
      POSTPLAN_ROLE: 'worker',
      POSTPLAN_MIGRATE_ON_START: 'false',
      POSTPLAN_SECRET_KEY: randomBytes(32).toString('base64'),
      POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'postplan-worker-')),
      POSTPLAN_WEB_DIST: join(tmpdir(), 'postplan-no-web'),
      POSTPLAN_SANDBOX_URL: fake.url,
      POSTPLAN_PUBLISH_LEASE_SECONDS: '5',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (d: Buffer) =>
    process.stderr.write(`[worker ${child.pid}] ${d.toString()}`),
  );
  workers.add(child);
  child.on('exit', () => workers.delete(child));
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const { rows } = await t.db.query(
        `SELECT status, last_error_code, count(*) FROM publications GROUP BY 1, 2`,
      );
      throw new Error(
        `timed out waiting for ${what}; fake saw ${fake.callsByKey.size} keys; ${JSON.stringify(rows)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function sandboxChannels(n: number): Promise<string[]> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO channels (workspace_id, name, platform, color)
     SELECT $1, 'Sandbox ' || g, 'sandbox', '#059669' FROM generate_series(1, $2::int) g RETURNING id`,
    [wsId, n],
  );
  return rows.map((r) => r.id);
}

/** n approved posts, each with its publication due at `dueAt`, spread over the channels. */
async function seed(n: number, dueAt: Date, channels: string[], tag: string): Promise<void> {
  await t.db.query(
    `WITH p AS (
       INSERT INTO posts (workspace_id, status, title, text, planned_at, author_id, content_hash, approval, tags)
       SELECT $1, 'approved', 'Burst ' || g, 'Text ' || g, $3, $2, 'h', '{"contentHash":"h"}'::jsonb, ARRAY[$6]
         FROM generate_series(1, $4::int) g
       RETURNING id
     ), numbered AS (
       SELECT id, (row_number() OVER ()) % cardinality($5::uuid[]) + 1 AS c FROM p
     ), v AS (
       INSERT INTO post_variants (post_id, channel_id, position)
       SELECT id, ($5::uuid[])[c], 0 FROM numbered
     )
     INSERT INTO publications (workspace_id, post_id, channel_id, platform, status, planned_at, due_at,
                               next_attempt_at, content_hash)
     SELECT $1, id, ($5::uuid[])[c], 'sandbox', 'pending', $3, $3, $3, 'h' FROM numbered`,
    [wsId, ownerId, dueAt, n, channels, tag],
  );
}

async function statusCounts(tag: string): Promise<Record<string, number>> {
  const { rows } = await t.db.query<{ status: string; n: string }>(
    `SELECT pub.status, count(*) AS n FROM publications pub JOIN posts p ON p.id = pub.post_id
      WHERE $1 = ANY(p.tags) GROUP BY 1`,
    [tag],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

async function keysOf(tag: string): Promise<string[]> {
  const { rows } = await t.db.query<{ id: string }>(
    `SELECT pub.id FROM publications pub JOIN posts p ON p.id = pub.post_id WHERE $1 = ANY(p.tags)`,
    [tag],
  );
  return rows.map((r) => r.id);
}

it('four worker processes, 10,000 publications due at one instant: 10,000 calls, none twice', async () => {
  fake.keepCalls = false;
  const channels = await sandboxChannels(100);
  await seed(10_000, new Date(Date.now() + 1000), channels, 'burst');
  // A long lease, not the 5 s the crash tests use: on a machine busy with other suites a
  // 5 s lease can run out while a call waits for the CPU, and the sandbox (idempotent) is then
  // called again on purpose. This test is about concurrent claims, which must never send twice;
  // an outcome that is never written would still show, as a second call once the lease ends.
  for (let i = 0; i < 4; i++) startWorker({ POSTPLAN_PUBLISH_LEASE_SECONDS: '60' });
  await until(
    'all published',
    async () => (await statusCounts('burst')).published === 10_000,
    240_000,
  );
  const keys = await keysOf('burst');
  expect(keys.filter((k) => fake.callsByKey.get(k) !== 1)).toEqual([]);
  expect(keys.every((k) => fake.posts.has(k))).toBe(true);
  expect(fake.duplicates()).toEqual([]);
}, 300_000);

it('a worker killed mid-send and restarted: no duplicate, no loss; in-flight rows are reconciled', async () => {
  const channels = await sandboxChannels(2);
  fake.delayMs = 1500;
  await seed(100, new Date(), channels, 'kill');
  const first = startWorker();
  const keys = await keysOf('kill');
  await until('calls in flight', () => keys.some((k) => fake.callsByKey.has(k)));
  await stop(first, 'SIGKILL');
  const inFlight = keys.filter((k) => fake.callsByKey.has(k));
  expect(inFlight.length).toBeGreaterThan(0);
  // The killed worker's rows (in flight, or claimed and not yet sent) are sending; nobody
  // holds them now.
  expect((await statusCounts('kill')).sending).toBeGreaterThanOrEqual(inFlight.length);
  fake.delayMs = 0;
  startWorker();
  await until('all published', async () => (await statusCounts('kill')).published === 100, 90_000);
  expect(keys.filter((k) => fake.callsByKey.get(k) !== 1)).toEqual([]);
  // Those in flight ran out of lease, became unconfirmed and were found by asking the platform.
  const { rows } = await t.db.query<{ n: string }>(
    `SELECT count(DISTINCT subject_id) AS n FROM audit_log
      WHERE action = 'publication.reconciled' AND subject_id = ANY($1::text[])`,
    [inFlight],
  );
  expect(Number(rows[0]!.n)).toBe(inFlight.length);
}, 120_000);

/** A PostgreSQL server of this test's own, that it can stop and start (see the child). */
async function restartablePostgres(): Promise<{
  url: string;
  send: (what: 'stop' | 'start') => Promise<void>;
  quit: () => Promise<void>;
}> {
  const child = spawn(process.execPath, [join(__dirname, 'restartable-postgres.child.mjs')], {
    cwd: root,
    env: { PATH: process.env.PATH, PG_PORT: String(await freePort()) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`the private PostgreSQL exited (${code})`)));
  });
  return {
    url,
    send: (what) =>
      new Promise((resolve) => {
        child.once('message', () => resolve());
        child.send(what);
      }),
    quit: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('quit');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

it('PostgreSQL restarted during a run: the workers reconnect and finish; nothing lost, nothing twice', async () => {
  // The shared server cannot be restarted under other test files: this test brings its own.
  const server = await restartablePostgres();
  const db = new Client({ connectionString: server.url });
  try {
    await runMigrations(server.url);
    await db.connect();
    const user = (
      await db.query<{ id: string }>(
        `INSERT INTO users (email, name) VALUES ('restart@example.com', 'Restart') RETURNING id`,
      )
    ).rows[0]!.id;
    const workspace = (
      await db.query<{ id: string }>(
        `INSERT INTO workspaces (slug, name, time_zone, locale, holiday_country)
         VALUES ('restart', 'Restart', 'Europe/Berlin', 'de', 'DE') RETURNING id`,
      )
    ).rows[0]!.id;
    const channels = (
      await db.query<{ id: string }>(
        `INSERT INTO channels (workspace_id, name, platform, color)
         SELECT $1, 'Sandbox ' || g, 'sandbox', '#059669' FROM generate_series(1, 20) g RETURNING id`,
        [workspace],
      )
    ).rows.map((r) => r.id);
    const keys = (
      await db.query<{ id: string }>(
        `WITH p AS (
           INSERT INTO posts (workspace_id, status, title, text, planned_at, author_id, content_hash, approval)
           SELECT $1, 'approved', 'Restart ' || g, 'Text ' || g, now(), $2, 'h', '{"contentHash":"h"}'::jsonb
             FROM generate_series(1, 2000) g
           RETURNING id, planned_at
         ), numbered AS (
           SELECT id, planned_at, (row_number() OVER ()) % cardinality($3::uuid[]) + 1 AS c FROM p
         ), v AS (
           INSERT INTO post_variants (post_id, channel_id, position)
           SELECT id, ($3::uuid[])[c], 0 FROM numbered
         )
         INSERT INTO publications (workspace_id, post_id, channel_id, platform, status, planned_at,
                                   due_at, next_attempt_at, content_hash)
         SELECT $1, id, ($3::uuid[])[c], 'sandbox', 'pending', planned_at, planned_at, planned_at, 'h'
           FROM numbered
         RETURNING id`,
        [workspace, user, channels],
      )
    ).rows.map((r) => r.id);
    await db.end();
    fake.delayMs = 5;
    startWorker({ DATABASE_URL: server.url });
    startWorker({ DATABASE_URL: server.url });
    await until('a third sent', () => keys.filter((k) => fake.callsByKey.has(k)).length > 600);
    await server.send('stop');
    // While the server is down the workers' calls finish and their outcomes wait to be written.
    await new Promise((r) => setTimeout(r, 1500));
    const sentWhileDown = keys.filter((k) => fake.callsByKey.has(k)).length;
    expect(sentWhileDown).toBeLessThan(keys.length);
    await server.send('start');
    const after = new Client({ connectionString: server.url });
    await after.connect();
    try {
      const published = async () =>
        Number(
          (
            await after.query<{ n: string }>(
              `SELECT count(*) AS n FROM publications WHERE status = 'published'`,
            )
          ).rows[0]!.n,
        );
      await until('all published after the restart', async () => (await published()) === 2_000);
      expect(keys.filter((k) => fake.callsByKey.get(k) !== 1)).toEqual([]);
      expect(keys.every((k) => fake.posts.has(k))).toBe(true);
    } finally {
      await after.end();
    }
  } finally {
    await Promise.all([...workers].map((w) => stop(w, 'SIGTERM')));
    await db.end().catch(() => undefined);
    await server.quit();
  }
}, 240_000);

it('2026-10-25 02:30 Europe/Berlin (+01:00) goes out once at 01:30 UTC, with the process in another TZ', async () => {
  const channel = (
    await owner.post(`/v1/workspaces/${ws}/channels`, { name: 'Sandbox DST', platform: 'sandbox' })
  ).body.id as string;
  await owner.put(`/v1/workspaces/${ws}/approval-policy`, {
    policy: { kind: 'none', selfApprovalRoles: [] },
  });
  // Without an offset this local time happens twice that night, so it needs one.
  const ambiguous = await owner.post(`/v1/workspaces/${ws}/posts`, {
    text: 'Zeitumstellung',
    plannedAt: '2026-10-25T02:30',
    variants: [{ channelId: channel }],
  });
  expect(ambiguous.body.error.code).toBe('LOCAL_TIME_AMBIGUOUS');
  const created = await owner.post(`/v1/workspaces/${ws}/posts`, {
    text: 'Zeitumstellung',
    plannedAt: '2026-10-25T02:30+01:00',
    variants: [{ channelId: channel }],
  });
  expect(created.status).toBe(201);
  expect(
    (await owner.post(`/v1/workspaces/${ws}/posts/${created.body.id}/submit`, {})).body.status,
  ).toBe('approved');
  const [pub] = (await owner.get(`/v1/workspaces/${ws}/posts/${created.body.id}/publications`)).body
    .items as { id: string; dueAt: string }[];
  expect(pub!.dueAt).toBe('2026-10-25T01:30:00.000Z');
  // Asynchronously: the fake platform answers from this process meanwhile.
  const child = spawn(process.execPath, [join(__dirname, 'publishing-dst.child.cjs')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      TZ: 'America/New_York',
      DATABASE_URL: dbUrl,
      POSTPLAN_SANDBOX_URL: fake.url,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  expect(stderr).toBe('');
  expect(JSON.parse(stdout.trim())).toEqual({
    tz: 'America/New_York',
    early: 0,
    onTime: 1,
    after: 0,
  });
  expect(fake.callsByKey.get(pub!.id)).toBe(1);
}, 90_000);
