// Calendar range read: 100,000 posts over three years, 10 channels, one workspace; a month
// window requested by 20 concurrent clients. Prints client and server (Server-Timing)
// latency percentiles, and for the cold path (cache off) the ratios against the database's own
// execution time and a plain `pg` loop running the same query in the same run.
import { createRequire } from 'node:module';
import pg from 'pg';
import {
  benchDatabaseServer,
  fmt,
  freePort,
  percentile,
  root,
  startServer,
  waitForHealth,
  withDatabase,
} from './lib.mjs';

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const CLIENTS = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const DB = 'postplan_bench_calendar';

export async function calendarBench() {
  const server = await benchDatabaseServer();
  const admin = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = withDatabase(server.url, DB);

  const port = await freePort();
  let base = `http://127.0.0.1:${port}`;
  let app = startServer({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1' });
  try {
    await waitForHealth(base, 120_000);
    const setup = await fetch(`${base}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'bench@example.com',
        name: 'Bench',
        password: 'bench-password-1',
        workspaceName: 'Bench',
        workspaceSlug: 'bench',
      }),
    });
    const cookies = setup.headers.getSetCookie().map((c) => c.split(';')[0]);
    const csrf = cookies.find((c) => c.startsWith('postplan_csrf='))?.split('=')[1];
    const tokenRes = await fetch(`${base}/api/v1/me/tokens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: cookies.join('; '),
        'x-csrf-token': csrf,
      },
      body: JSON.stringify({ name: 'bench' }),
    });
    const { token } = await tokenRes.json();

    const db = new pg.Client({ connectionString: url });
    db.on('error', () => {}); // the database is dropped at the end, connections and all
    await db.connect();
    const seeded = Date.now();
    await seed(db);
    console.log(
      `seeded ${POSTS.toLocaleString('en')} posts in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );

    const path = '/api/v1/workspaces/bench/posts?from=2026-06-01&to=2026-07-01';
    const auth = { authorization: `Bearer ${token}` };
    await load(base, path, auth, 'with the calendar cache (the default)', REQUESTS);
    await app.stop();
    const uncachedPort = await freePort();
    base = `http://127.0.0.1:${uncachedPort}`;
    app = startServer({
      DATABASE_URL: url,
      PORT: String(uncachedPort),
      HOST: '127.0.0.1',
      POSTPLAN_CALENDAR_CACHE_MB: '0',
      // As many connections as the plain pg loop below holds, so the ratio compares the
      // request path, not pool sizes (DATABASE_POOL_SIZE, default 10).
      DATABASE_POOL_SIZE: String(CLIENTS),
    });
    await waitForHealth(base, 120_000);
    const oneClient = await load(
      base,
      path,
      auth,
      'without the cache (POSTPLAN_CALENDAR_CACHE_MB=0), one client',
      Math.min(REQUESTS, 200),
      1,
    );
    const twenty = await load(
      base,
      path,
      auth,
      'without the cache (POSTPLAN_CALENDAR_CACHE_MB=0), 20 clients',
      Math.min(REQUESTS, 400),
      CLIENTS,
    );

    // The database on its own, for the query the server runs (it builds the whole answer).
    const { buildCalendarQuery } = createRequire(import.meta.url)(
      `${root}/dist/server/apps/api/src/modules/posts/posts.repository.js`,
    );
    const ws = (await db.query(`SELECT id, time_zone FROM workspaces WHERE slug = 'bench'`))
      .rows[0];
    const q = buildCalendarQuery(
      {
        workspaceId: ws.id,
        range: { from: new Date('2026-05-31T22:00:00Z'), to: new Date('2026-06-30T22:00:00Z') },
        limit: 10_000,
      },
      ws.time_zone,
    );
    if (process.env.BENCH_EXPLAIN) {
      const plan = await db.query(`EXPLAIN (ANALYZE, VERBOSE) ${q.text}`, q.values);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const dbTimes = [];
    for (let i = 0; i < 30; i++) {
      const plan = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values);
      dbTimes.push(plan.rows[0]['QUERY PLAN'][0]['Execution Time']);
    }
    await db.end();
    dbTimes.sort((a, b) => a - b);
    const dbP50 = percentile(dbTimes, 50);

    // A plain `pg` loop: the same query, the answer's text read, from 20 connections at once.
    const loopRequests = Math.min(REQUESTS, 400);
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const c = new pg.Client({ connectionString: url });
        c.on('error', () => {});
        await c.connect();
        return c;
      }),
    );
    let done = 0;
    const loopStarted = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        while (done < loopRequests) {
          done++;
          const r = await c.query(q.text, q.values);
          if (!r.rows[0].body) throw new Error('empty answer');
        }
      }),
    );
    const loopThroughput = loopRequests / ((performance.now() - loopStarted) / 1000);
    await Promise.all(clients.map((c) => c.end()));

    console.log(
      `\ndatabase alone (EXPLAIN ANALYZE of the server's query, ${oneClient.count} posts)  p50 ${fmt(dbP50)}  min ${fmt(dbTimes[0])}`,
    );
    console.log(
      `plain pg loop, same query, ${CLIENTS} connections, ${loopRequests} queries: ${loopThroughput.toFixed(0)} queries/s`,
    );
    console.log('\ncold path (cache off) against the database, in this run:');
    console.log(
      `  one client: server p50 ${fmt(oneClient.serverP50)} / database p50 ${fmt(dbP50)} = ${(oneClient.serverP50 / dbP50).toFixed(2)}x   target <= 1.5x`,
    );
    console.log(
      `  ${CLIENTS} clients: ${twenty.throughput.toFixed(0)} requests/s / pg loop ${loopThroughput.toFixed(0)} queries/s = ${(twenty.throughput / loopThroughput).toFixed(2)}x   target >= 0.5x`,
    );
  } finally {
    await app.stop();
    const a = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await a.end();
    await server.stop();
  }
}

async function load(base, path, auth, label, requests, concurrency = CLIENTS) {
  const firstRes = await fetch(base + path, { headers: auth });
  const first = await firstRes.json();
  if (!firstRes.ok) throw new Error(`the calendar read failed: ${JSON.stringify(first)}`);
  const monthCount = first.items.length;
  for (let i = 0; i < 20; i++) await (await fetch(base + path, { headers: auth })).arrayBuffer(); // warm-up

  const client = [];
  const serverSide = [];
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < requests) {
        sent++;
        const t0 = performance.now();
        const res = await fetch(base + path, { headers: auth });
        await res.arrayBuffer();
        client.push(performance.now() - t0);
        const timing = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
        if (timing) serverSide.push(Number(timing[1]));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  client.sort((a, b) => a - b);
  serverSide.sort((a, b) => a - b);
  console.log(
    `\n${label}: ${monthCount} posts per response, ${concurrency} concurrent clients, ${requests} requests`,
  );
  console.log(`  throughput: ${(requests / seconds).toFixed(0)} requests/s`);
  console.log(
    `  server time (Server-Timing)   p50 ${fmt(percentile(serverSide, 50))}  p99 ${fmt(percentile(serverSide, 99))}   target p50 <= 10 ms, p99 <= 50 ms`,
  );
  console.log(
    `  client time (incl. queueing)  p50 ${fmt(percentile(client, 50))}  p99 ${fmt(percentile(client, 99))}`,
  );
  return {
    count: monthCount,
    throughput: requests / seconds,
    serverP50: percentile(serverSide, 50),
  };
}

/** Three years of posts (2025-2027), each to one or two of ten channels, in one statement each. */
async function seed(db) {
  const ws = (
    await db.query(
      `SELECT w.id, m.user_id FROM workspaces w JOIN memberships m ON m.workspace_id = w.id`,
    )
  ).rows[0];
  await db.query(
    `INSERT INTO channels (workspace_id, name, platform, color)
     SELECT $1, 'Channel ' || i, (ARRAY['x','bluesky','mastodon','threads','linkedin','instagram','facebook','telegram','pinterest','manual'])[i], '#336699'
       FROM generate_series(1, 10) i`,
    [ws.id],
  );
  await db.query(
    `INSERT INTO posts (workspace_id, status, title, text, planned_at, tags, author_id)
     SELECT $1, CASE WHEN i % 4 = 0 THEN 'idea' ELSE 'draft' END, 'Post ' || i,
            repeat('Wie gefällt euch unser neues Produkt? ', 1 + i % 5),
            timestamptz '2025-01-01 00:00Z' + (i * (interval '3 years' / $2::int)),
            ARRAY['tag' || (i % 7)], $3
       FROM generate_series(1, $2::int) i`,
    [ws.id, POSTS, ws.user_id],
  );
  await db.query(
    `INSERT INTO post_variants (post_id, channel_id, position, text)
     SELECT p.id, c.id, 0, NULL
       FROM (SELECT id, row_number() OVER (ORDER BY planned_at, id) AS n FROM posts) p
       JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM channels) c ON c.n = 1 + p.n % 10`,
  );
  await db.query(
    `INSERT INTO post_variants (post_id, channel_id, position, text)
     SELECT p.id, c.id, 1, 'Angepasster Text für diesen Kanal'
       FROM (SELECT id, row_number() OVER (ORDER BY planned_at, id) AS n FROM posts) p
       JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM channels) c ON c.n = 1 + (p.n + 3) % 10
      WHERE p.n % 2 = 0`,
  );
  await db.query('ANALYZE');
}
