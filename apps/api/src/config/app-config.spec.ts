import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/postplan' };

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig({ ...env, POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('names a missing DATABASE_URL', () => {
    expect(messageOf({})).toMatch(/DATABASE_URL: is required/);
  });

  it('names each variable that does not fit, and why', () => {
    const msg = messageOf({
      ...base,
      PORT: 'eighty',
      POSTPLAN_TIME_ZONE: 'Berlin',
      LOG_LEVEL: 'loud',
    });
    expect(msg).toMatch(/PORT:/);
    expect(msg).toMatch(/POSTPLAN_TIME_ZONE: must be an IANA time zone/);
    expect(msg).toMatch(/LOG_LEVEL:/);
  });

  it('wants the admin e-mail and password together', () => {
    expect(messageOf({ ...base, POSTPLAN_ADMIN_EMAIL: 'a@example.com' })).toMatch(
      /set both or neither/,
    );
  });

  it('never lets the clock be set in production', () => {
    expect(messageOf({ ...base, NODE_ENV: 'production', POSTPLAN_TEST_CLOCK: 'true' })).toMatch(
      /POSTPLAN_TEST_CLOCK: .*cannot be on with NODE_ENV=production/,
    );
    const c = loadConfig({ ...base, POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });
    expect(c.testClock).toBe(false);
  });

  it('rejects a secret key that is not 32 bytes', () => {
    expect(messageOf({ ...base, POSTPLAN_SECRET_KEY: 'c2hvcnQ=' })).toMatch(
      /POSTPLAN_SECRET_KEY: must be 32 bytes/,
    );
  });

  it('generates a key file once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const first = loadConfig({ ...base, POSTPLAN_DATA_DIR: dir });
    const second = loadConfig({ ...base, POSTPLAN_DATA_DIR: dir });
    expect(first.secretKey).toHaveLength(32);
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(
      Buffer.from(readFileSync(join(dir, 'secret.key'), 'utf8').trim(), 'base64').equals(
        first.secretKey,
      ),
    ).toBe(true);
  });

  it('reads the webhook allow-list, and names the variable and entry that do not fit', () => {
    const c = loadConfig({
      ...base,
      POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      POSTPLAN_WEBHOOK_ALLOW: '127.0.0.1:4000, hooks.internal.example',
    });
    expect(c.webhookAllow).toEqual([
      expect.objectContaining({ kind: 'range', port: 4000 }),
      { kind: 'host', host: 'hooks.internal.example', port: null },
    ]);
    expect(
      messageOf({ ...base, POSTPLAN_WEBHOOK_ALLOW: 'hooks.internal.example,10.0.0.0/33' }),
    ).toMatch(/^ {2}POSTPLAN_WEBHOOK_ALLOW: entry 2 "10\.0\.0\.0\/33" is not a valid CIDR range/m);
  });

  it('fills defaults for a minimal environment', () => {
    const c = loadConfig({ ...base, POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      role: 'all',
      migrateOnStart: true,
      admin: undefined,
      webhookAllow: [],
    });
  });
});
