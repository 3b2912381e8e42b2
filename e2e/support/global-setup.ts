import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..', '..');
const say = (message: string) => process.stdout.write(`[e2e] ${message}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitForHealth(
  baseUrl: string,
  server: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The app exited with code ${server.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/**
 * One fresh database and one app process for the whole run: create postplan_e2e_<random> on
 * the PostgreSQL server in DATABASE_URL, start `node apps/api/scripts/start.mjs` on a free port, wait for
 * /api/health. The returned function (Playwright's global teardown) stops it and drops the database.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `postplan_e2e_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
  say(`database ${database} created`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: withDatabase(serverUrl, database),
    PORT: String(port),
    HOST: '127.0.0.1',
    // Journeys set the app's clock instead of waiting on the wall clock (docs/testing.md).
    POSTPLAN_TEST_CLOCK: 'true',
  };
  // The first-run setup page is one of the journeys, so no admin is created at start.
  delete env.POSTPLAN_ADMIN_EMAIL;
  delete env.POSTPLAN_ADMIN_PASSWORD;
  delete env.POSTPLAN_DEMO;

  const log: string[] = [];
  const server = spawn(process.execPath, [join(root, 'apps', 'api', 'scripts', 'start.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const teardown = async () => {
    await stop(server);
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    say(`app stopped, database ${database} dropped`);
  };

  try {
    await waitForHealth(baseUrl, server, 180_000);
  } catch (error) {
    process.stderr.write(log.join(''));
    await teardown();
    throw error;
  }
  say(`app ready at ${baseUrl}`);
  // Workers inherit the environment of the runner, which is how the journeys find the app.
  process.env.POSTPLAN_E2E_URL = baseUrl;
  return teardown;
}
