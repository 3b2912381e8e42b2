// Whether the account endpoints tell a known address from an unknown one by their time:
// inviting, logging in and asking for a password reset, each alternating between addresses
// that have an account and addresses that do not. Prints median and p90 for both and their
// ratio (1.00 = no difference). Never fails on a figure.
import pg from 'pg';
import {
  benchDatabaseServer,
  fmt,
  freePort,
  percentile,
  startServer,
  waitForHealth,
  withDatabase,
} from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const DB = 'postplan_bench_accounts';

function cookieJar() {
  const jar = new Map();
  return {
    take(res) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, ...v] = pair.split('=');
        jar.set(k, v.join('='));
      }
    },
    headers() {
      return {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': jar.get('postplan_csrf') ?? '',
      };
    },
  };
}

async function timed(fn) {
  const t = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
}

function line(label, known, unknown) {
  const a = [...known].sort((x, y) => x - y);
  const b = [...unknown].sort((x, y) => x - y);
  const mk = percentile(a, 50);
  const mu = percentile(b, 50);
  console.log(
    `${label.padEnd(22)} known: median ${fmt(mk)}, p90 ${fmt(percentile(a, 90))} | unknown: median ${fmt(mu)}, p90 ${fmt(percentile(b, 90))} | ratio ${(mk / mu).toFixed(2)}`,
  );
}

export async function accountsBench() {
  const server = await benchDatabaseServer();
  const admin = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = withDatabase(server.url, DB);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Each request names its client address, so no throttle counts them all as one.
  const app = startServer({
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    POSTPLAN_TRUST_PROXY: '1',
  });
  try {
    await waitForHealth(base, 120_000);
    const owner = cookieJar();
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
    owner.take(setup);
    const post = (path, body, headers = {}) =>
      fetch(`${base}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    // Accounts that exist: invited once into a second workspace and registered.
    const known = [];
    for (let i = 0; i < ROUNDS; i++) {
      const email = `known-${i}@bench.example`;
      const inv = await post(
        `/v1/workspaces/bench/members`,
        { email, role: 'viewer' },
        owner.headers(),
      );
      const { inviteUrl } = await inv.json();
      const token = new URL(inviteUrl).pathname.split('/').pop();
      await post(`/v1/invitations/${token}/register`, {
        name: `Known ${i}`,
        password: 'known-person-pass-9',
      });
      known.push(email);
    }
    const other = await post(
      '/v1/workspaces',
      { name: 'Zweiter', slug: 'zweiter' },
      owner.headers(),
    );
    await other.arrayBuffer();

    const invite = { known: [], unknown: [] };
    const login = { known: [], unknown: [] };
    const reset = { known: [], unknown: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const kind of i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) {
        const email = kind === 'known' ? known[i] : `nobody-${i}@bench.example`;
        const ip = { 'x-forwarded-for': `198.18.${i % 250}.${kind === 'known' ? 1 : 2}` };
        invite[kind].push(
          (
            await timed(() =>
              post('/v1/workspaces/zweiter/members', { email, role: 'editor' }, owner.headers()),
            )
          ).ms,
        );
        login[kind].push(
          (await timed(() => post('/v1/auth/login', { email, password: 'wrong-password-x' }, ip)))
            .ms,
        );
        const r = await timed(() => post('/v1/auth/password-reset', { email }, ip));
        if (r.status !== 202) throw new Error(`reset request answered ${r.status}`);
        reset[kind].push(r.ms);
      }
    }
    console.log(`${ROUNDS} requests per kind, alternating known and unknown addresses`);
    line('invite (POST members)', invite.known, invite.unknown);
    line('login, wrong password', login.known, login.unknown);
    line('password reset request', reset.known, reset.unknown);
  } finally {
    await app.stop();
    const a = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await a.end();
    await server.stop();
  }
}
