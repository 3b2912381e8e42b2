// Runs the built engine in a process whose TZ differs from the test's, at chosen instants
// around 2026-10-25 01:30 UTC (02:30 CET, the second 02:30 of that night in Berlin).
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const dist = join(__dirname, '../../../dist/server/apps/api/src');
const { loadConfig } = require(join(dist, 'config/app-config.js'));
const { createApp } = require(join(dist, 'app.factory.js'));
const { PublishingEngine } = require(join(dist, 'modules/publishing/publishing.engine.js'));

async function main() {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_SIZE: '2',
    LOG_LEVEL: 'silent',
    POSTPLAN_ROLE: 'api',
    POSTPLAN_MIGRATE_ON_START: 'false',
    POSTPLAN_SECRET_KEY: randomBytes(32).toString('base64'),
    POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'postplan-dst-')),
    POSTPLAN_WEB_DIST: join(tmpdir(), 'postplan-no-web'),
    POSTPLAN_SANDBOX_URL: process.env.POSTPLAN_SANDBOX_URL,
  });
  const app = await createApp(config);
  const engine = app.get(PublishingEngine);
  const early = await engine.processDue(new Date('2026-10-25T01:29:59.999Z'));
  const onTime = await engine.processDue(new Date('2026-10-25T01:30:00.000Z'));
  const after = await engine.processDue(new Date('2026-10-25T02:30:00.000Z'));
  await app.close();
  process.stdout.write(
    JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, early, onTime, after }) +
      '\n',
  );
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
