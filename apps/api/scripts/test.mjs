#!/usr/bin/env node
// `npm test`: the whole suite, as a newcomer runs it on a machine with only Node and npm.
//   unit         Jest, beside the code
//   integration  Jest against a real PostgreSQL: DATABASE_URL, or the embedded server
//   e2e          Playwright driving Debian's Chromium through the built app
// Usage: node scripts/test.mjs [unit|integration|e2e ...]; without arguments, all three.
// Without a Chromium the browser tests are skipped with a plain message, unless CI=true.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-db.mjs';
import { dataDir, root } from './lib/paths.mjs';

const kinds = process.argv.slice(2);
const want = (k) => kinds.length === 0 || kinds.includes(k);
const ci = process.env.CI === 'true' || process.env.CI === '1';
const say = (m) => process.stdout.write(`\n[test] ${m}\n`);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const reports = mkdtempSync(join(tmpdir(), 'postplan-test-'));

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, ...env },
      cwd: root,
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

/** Adds a run's counts to the closing tally; a run that failed outside any test counts as one failure. */
function tally(code, { passed, failed, skipped }) {
  totals.passed += passed;
  totals.failed += failed > 0 || code === 0 ? failed : 1;
  totals.skipped += skipped;
  return code;
}

async function jest(projects, env) {
  const out = join(reports, `jest-${projects.join('-')}.json`);
  const code = await run(
    bin('jest'),
    // --forceExit: a hook that times out (say, an app still starting) leaves that app's pool
    // open, and Jest would then wait for it forever instead of reporting the failure.
    [
      ...projects.flatMap((p) => ['--selectProjects', p]),
      '--json',
      `--outputFile=${out}`,
      '--ci',
      '--forceExit',
    ],
    env,
  );
  const r = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  return tally(code, {
    passed: r?.numPassedTests ?? 0,
    failed: (r?.numFailedTests ?? 0) + (r?.numRuntimeErrorTestSuites ?? 0),
    skipped: (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0),
  });
}

async function playwright(env) {
  const chromium = findChromium();
  if (!chromium) {
    const msg =
      'No Chromium found (set CHROMIUM_PATH, or on Debian/Ubuntu: apt-get install chromium); the browser tests are skipped.';
    if (ci) {
      say(`${msg} With CI=true this is a failure.`);
      totals.failed += 1;
      return 1;
    }
    say(msg);
    return 0;
  }
  const build = await run(
    process.execPath,
    [join(root, 'apps', 'api', 'scripts', 'build.mjs')],
    env,
  );
  if (build !== 0) return tally(build, { passed: 0, failed: 1, skipped: 0 });
  const out = join(reports, 'playwright.json');
  const code = await run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], {
    ...env,
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const stats = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')).stats : undefined;
  return tally(code, {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  });
}

async function main() {
  const codes = [];
  if (want('unit')) {
    say('unit tests');
    codes.push(await jest(['unit'], {}));
  }
  if (want('integration') || want('e2e')) {
    let db;
    const env = {};
    if (process.env.DATABASE_URL) {
      say(`integration and browser tests against DATABASE_URL`);
    } else {
      say('DATABASE_URL is unset: starting the embedded PostgreSQL for the tests');
      db = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'test'),
        database: 'postplan_test',
      });
      env.DATABASE_URL = db.url;
    }
    try {
      if (want('integration')) {
        say('integration tests (real PostgreSQL)');
        codes.push(await jest(['integration'], env));
      }
      if (want('e2e')) {
        say('browser tests (Playwright + Chromium)');
        codes.push(await playwright(env));
      }
    } finally {
      await db?.stop();
    }
  }
  rmSync(reports, { recursive: true, force: true });
  const failed = codes.some((c) => c !== 0) || totals.failed > 0;
  process.stdout.write(
    `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
  );
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
