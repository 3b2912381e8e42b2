import { Client } from 'pg';
import { runMigrations } from '../src/database/data-source';
import { randomBytes } from 'node:crypto';
import { adminUrl, templateDb } from './db-names';

/**
 * Migrates once into a template database; each test file then clones it (see test-app.ts),
 * so files run in parallel on databases of their own with the real schema.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'Integration tests need DATABASE_URL; run them through `npm test`, which provides one.',
    );
  }
  process.env.POSTPLAN_TEST_RUN = randomBytes(4).toString('hex');
  const TEMPLATE_DB = templateDb();
  const admin = new Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await runMigrations(templateUrl.toString());
}
