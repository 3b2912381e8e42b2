// Export and import: a workspace with 100,000 posts over three years and 10 channels.
// Prints CSV and XLSX export throughput and the export's own RSS (the API process's peak during
// the download minus its RSS at rest, which holds every module and is no export's doing), beside
// PostgreSQL's own COPY ... TO STDOUT of the same rows; the ICS feed of a year (time, size) and
// its 304 answer to a repeated request with the ETag; and a 10,000-row import (dry run, import).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clearInterval, setInterval } from 'node:timers';
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
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const DB = 'postplan_bench_export';
// The posts start today: posts in the past would be drafts the review scheduler expires while
// the benchmark runs, moving the calendar version under the ETag and competing for the CPU.
const START = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
const END = new Date(START.getTime() + (3 * 365 + 3) * 86_400_000);
const day = (d) => d.toISOString().slice(0, 10);
const RANGE = `from=${day(START)}&to=${day(END)}`;

export async function exportBench() {
  const server = await benchDatabaseServer();
  const admin = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = withDatabase(server.url, DB);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startServer({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1' });
  try {
    await waitForHealth(base, 180_000);
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
      body: JSON.stringify({ name: 'bench', scopes: ['read', 'write'] }),
    });
    const { token } = await tokenRes.json();
    const auth = { authorization: `Bearer ${token}` };

    const db = new pg.Client({ connectionString: url });
    db.on('error', () => {});
    await db.connect();
    const seeded = Date.now();
    await seed(db);
    console.log(
      `seeded ${POSTS.toLocaleString('en')} posts in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const serverPids = processTree(app.child.pid);
    const idleRss = rssOf(serverPids);
    console.log(`API process RSS at rest: ${mb(idleRss)}`);

    // ---- spreadsheets, beside COPY
    const ws = (await db.query(`SELECT id FROM workspaces WHERE slug = 'bench'`)).rows[0];
    const { buildRowQuery } = createRequire(import.meta.url)(
      `${root}/dist/server/apps/api/src/modules/plan-exchange/export.repository.js`,
    );
    const q = buildRowQuery({
      workspaceId: ws.id,
      // The same bounds the API derives from RANGE (midnight in Europe/Berlin).
      from: new Date(START.getTime() - 3_600_000),
      to: new Date(END.getTime() - 3_600_000),
    });
    const copy = copyTime(url, inline(q));
    const rows = copy.lines;
    const inCampaigns = (
      await db.query(
        `SELECT count(*)::int AS n FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id
          WHERE p.campaign_id IS NOT NULL AND p.deleted_at IS NULL`,
      )
    ).rows[0].n;
    console.log(
      `\nPostgreSQL COPY (same query) TO STDOUT, median of ${RUNS}: ${rows.toLocaleString('en')} rows in ${fmt(copy.ms)}  ` +
        `(${rate(rows, copy.ms)} rows/s, ${mb(copy.bytes)})`,
    );
    for (const format of ['csv', 'xlsx']) {
      await download(`${base}/api/v1/workspaces/bench/exports/posts.${format}?${RANGE}`, auth); // warm-up
      const runs = [];
      // XLSX once: its figures are printed, not compared with a peer.
      for (let i = 0; i < (format === 'csv' ? RUNS : 1); i++) {
        runs.push(
          await measure(
            `${base}/api/v1/workspaces/bench/exports/posts.${format}?${RANGE}`,
            auth,
            serverPids,
          ),
        );
      }
      const r = median(runs);
      r.peakRss = Math.max(...runs.map((x) => x.peakRss));
      const sheets =
        format === 'xlsx'
          ? ` + ${inCampaigns.toLocaleString('en')} rows again on 12 campaign sheets`
          : '';
      console.log(
        `${format.toUpperCase()} export${format === 'csv' ? `, median of ${RUNS}` : ''}: ${rows.toLocaleString('en')} rows (${POSTS.toLocaleString('en')} posts)${sheets} in ${fmt(r.ms)}  ` +
          `${rate(rows, r.ms)} rows/s, ${mb(r.bytes)}, export's own RSS +${mb(r.peakRss - idleRss)} ` +
          `(API peak ${mb(r.peakRss)} = rest ${mb(idleRss)} + export)` +
          (format === 'csv'
            ? `   ${(r.ms / copy.ms).toFixed(2)}x COPY   goals: >= 100,000 rows/s, own RSS <= 150 MB, <= 3x COPY`
            : `   goal: own RSS <= 150 MB`),
      );
    }

    // ---- ICS feed
    const feed = await // Feeds are managed from a browser session only.
    (
      await fetch(`${base}/api/v1/workspaces/bench/calendar-feed`, {
        method: 'POST',
        headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf },
      })
    ).json();
    const feedPath = new URL(feed.url).pathname;
    await download(`${base}${feedPath}`, {});
    const f = await measure(`${base}${feedPath}`, {}, serverPids);
    const events = (f.text.match(/BEGIN:VEVENT/g) ?? []).length;
    console.log(
      `\nICS feed (90 days back, a year ahead): ${events.toLocaleString('en')} events, ${mb(f.bytes)} in ${fmt(f.ms)}, peak RSS ${mb(f.peakRss)} (+${mb(f.peakRss - idleRss)} over rest)`,
    );
    const etag = f.etag;
    const times = [];
    const client = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${feedPath}`, { headers: { 'if-none-match': etag } });
      await res.arrayBuffer();
      client.push(performance.now() - t0);
      if (res.status !== 304) {
        throw new Error(
          `expected 304 for ${etag}, got ${res.status} with ${res.headers.get('etag')}`,
        );
      }
      times.push(Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]));
    }
    times.sort((a, b) => a - b);
    client.sort((a, b) => a - b);
    console.log(
      `repeat with If-None-Match -> 304: server p50 ${fmt(percentile(times, 50))}  p99 ${fmt(percentile(times, 99))}  ` +
        `(client p50 ${fmt(percentile(client, 50))})   goal < 5 ms`,
    );

    // ---- import
    const lines = ['Date;Time;Text;Channel'];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(
        `2028-02-${day};${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')};Importierter Beitrag Nummer ${i} mit etwas Text;Channel ${1 + (i % 10)}`,
      );
    }
    const file = lines.join('\r\n');
    let t0 = performance.now();
    const job = await (
      await fetch(`${base}/api/v1/workspaces/bench/imports?name=bench.csv`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: file,
      })
    ).json();
    const uploadMs = performance.now() - t0;
    const mapping = JSON.stringify(job.suggestedMapping);
    t0 = performance.now();
    const dry = await (
      await fetch(`${base}/api/v1/workspaces/bench/imports/${job.id}/dry-run`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: mapping,
      })
    ).json();
    const dryMs = performance.now() - t0;
    if (!dry.report?.ok) throw new Error(`dry run: ${JSON.stringify(dry).slice(0, 500)}`);
    t0 = performance.now();
    const run = await fetch(`${base}/api/v1/workspaces/bench/imports/${job.id}/run`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: mapping,
    });
    const result = await run.json();
    const runMs = performance.now() - t0;
    if (run.status !== 201) throw new Error(`import: ${JSON.stringify(result).slice(0, 500)}`);
    console.log(
      `\nimport of ${IMPORT_ROWS.toLocaleString('en')} CSV rows (${mb(Buffer.byteLength(file))}): upload ${fmt(uploadMs)}, ` +
        `dry run ${fmt(dryMs)}, import ${fmt(runMs)} (${result.job.importedPosts.toLocaleString('en')} posts, one transaction)`,
    );
    await db.end();
  } finally {
    await app.stop();
    const a = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await a.end();
    await server.stop();
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rate = (rows, ms) => Math.round(rows / (ms / 1000)).toLocaleString('en');

/** The query with its parameters written in, for psql. */
function inline({ text, values }) {
  const lit = (v) =>
    v instanceof Date ? `'${v.toISOString()}'::timestamptz` : `'${String(v).replace(/'/g, "''")}'`;
  return text.replace(/\$(\d+)/g, (_, n) => lit(values[Number(n) - 1]));
}

/** Runs of COPY and of the CSV download; both report the median, so neither gets its luckiest run. */
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);

const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];

function copyTime(url, sql) {
  const oneLine = sql.replace(/\s+/g, ' ');
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      'psql',
      [url, '-X', '-q', '-c', `COPY (${oneLine}) TO STDOUT WITH (FORMAT csv)`],
      {
        maxBuffer: 1024 * 1024 * 1024,
      },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
    const out = r.stdout;
    let lines = 0;
    let quoted = false;
    for (const byte of out) {
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) lines++;
    }
    runs.push({ ms, bytes: out.length, lines });
  }
  return median(runs);
}

async function download(url, headers) {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Downloads while sampling the API process tree's RSS every 10 ms. */
async function measure(url, headers, pids) {
  let peakRss = rssOf(pids);
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(pids));
  }, 10);
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  clearInterval(timer);
  peakRss = Math.max(peakRss, rssOf(pids));
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return {
    ms,
    bytes: body.length,
    peakRss,
    etag: res.headers.get('etag'),
    text: body.toString('utf8'),
  };
}

function processTree(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${all[i]}/task`)) {
        const kids = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim();
        if (kids) all.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // gone
    }
  }
  // The node process that serves HTTP is the largest; start.mjs itself is a thin parent.
  return all;
}

/** The RSS of the largest process in the tree (the API server). */
function rssOf(pids) {
  let max = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]) * 1024);
    } catch {
      // gone
    }
  }
  return max;
}

/** Three years of posts from today, each to one or two of ten channels, as in the calendar bench. */
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
            $4::timestamptz + interval '1 hour' + (i * (interval '3 years' / $2::int)),
            ARRAY['tag' || (i % 7)], $3
       FROM generate_series(1, $2::int) i`,
    [ws.id, POSTS, ws.user_id, START],
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
  // Every tenth post in one of twelve campaigns: the XLSX writes their rows again, a sheet each.
  await db.query(
    `INSERT INTO campaigns (workspace_id, name, color, starts_on, ends_on, owner_id)
     SELECT $1, 'Kampagne ' || i, '#7c3aed', $3::date, $3::date + 1100, $2 FROM generate_series(1, 12) i`,
    [ws.id, ws.user_id, START],
  );
  await db.query(
    `UPDATE posts p SET campaign_id = c.id
       FROM (SELECT id, row_number() OVER (ORDER BY planned_at, id) AS n FROM posts) x,
            (SELECT id, row_number() OVER (ORDER BY name) AS n FROM campaigns) c
      WHERE p.id = x.id AND x.n % 10 = 0 AND c.n = 1 + (x.n / 10) % 12`,
  );
  await db.query('ANALYZE');
}
