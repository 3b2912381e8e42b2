import 'reflect-metadata';
import { Pool } from 'pg';
import { ConfigError, loadConfig } from '../config/app-config';
import { CredentialCipher } from '../modules/channels/connections/credential-cipher';
import { rotateCredentials } from '../modules/channels/connections/rotate-credentials';

/**
 * `npm run rotate-secrets`: re-encrypts every stored channel credential under the current
 * POSTPLAN_SECRET_KEY (version POSTPLAN_SECRET_KEY_VERSION), reading old rows with the keys in
 * POSTPLAN_SECRET_KEYS_PREVIOUS. Run it after deploying the new key; afterwards the old key can
 * be dropped (docs/security.md).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const batch = Number(process.argv.find((a) => a.startsWith('--batch='))?.slice(8) ?? 100);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
    throw new ConfigError('--batch must be a whole number from 1 to 10000');
  }
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
  try {
    const result = await rotateCredentials(pool, new CredentialCipher(config.secretKeys), batch);
    process.stdout.write(
      `Re-encrypted ${result.rewritten} channel credential(s) under key version ${config.secretKeys.current}.\n`,
    );
    if (result.remaining.length) {
      process.stdout.write(
        `Still under older keys (another rotation holds them; run again): ${result.remaining
          .map((r) => `version ${r.keyVersion}: ${r.rows}`)
          .join(', ')}\n`,
      );
      process.exitCode = 2;
    }
  } finally {
    await pool.end();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    `${e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
