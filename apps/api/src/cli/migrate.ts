import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config';
import { runMigrations } from '../database/data-source';

/** `npm run migrate`: applies pending migrations and exits, for deployments that separate the two. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await runMigrations(config.databaseUrl);
  process.stdout.write(
    applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(
    `${e instanceof ConfigError ? e.message : e instanceof Error ? e.stack : String(e)}\n`,
  );
  process.exit(1);
});
