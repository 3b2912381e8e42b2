#!/usr/bin/env node
// `npm start`: builds what changed, starts the embedded PostgreSQL when DATABASE_URL is unset,
// and runs the API, which also serves the web app. Ctrl-C stops both.
// `npm run demo` (--demo) is the same with POSTPLAN_DEMO=true: a demo workspace, created once.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { dataDir, root, serverEntry } from './lib/paths.mjs';
import { startEmbeddedPostgres } from './lib/embedded-db.mjs';

const say = (m) => process.stdout.write(`[postplan] ${m}\n`);

async function main() {
  const build = spawn(process.execPath, [join(root, 'apps', 'api', 'scripts', 'build.mjs')], {
    stdio: 'inherit',
  });
  const built = await new Promise((r) => build.on('exit', r));
  if (built !== 0) process.exit(built ?? 1);

  const env = { ...process.env };
  if (process.argv.includes('--demo')) env.POSTPLAN_DEMO = 'true';
  let db;
  if (!env.DATABASE_URL) {
    say(`DATABASE_URL is unset: starting the embedded PostgreSQL (data in ${dataDir}/pg)`);
    db = await startEmbeddedPostgres({ dataDir });
    env.DATABASE_URL = db.url;
  }
  const server = spawn(process.execPath, ['--enable-source-maps', serverEntry], {
    stdio: 'inherit',
    env,
  });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const code = await new Promise((r) => server.on('exit', (c, s) => r(c ?? (s ? 0 : 1))));
  if (db) await db.stop();
  process.exit(code);
}

main().catch((e) => {
  process.stderr.write(`[postplan] could not start: ${e?.stack ?? e}\n`);
  process.exit(1);
});
