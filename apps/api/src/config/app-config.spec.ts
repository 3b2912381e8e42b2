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

  it('reads the key as base64 or hex, with its version and the previous keys', () => {
    const hex = 'ab'.repeat(32);
    const old = Buffer.alloc(32, 3).toString('base64');
    const c = loadConfig({
      ...base,
      POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      POSTPLAN_SECRET_KEY: hex,
      POSTPLAN_SECRET_KEY_VERSION: '3',
      POSTPLAN_SECRET_KEYS_PREVIOUS: `2:${old}, 1:${'cd'.repeat(32)}`,
    });
    expect(c.secretKey.equals(Buffer.from(hex, 'hex'))).toBe(true);
    expect(c.secretKeys.current).toBe(3);
    expect([...c.secretKeys.keys.keys()]).toEqual([3, 2, 1]);
    expect(c.secretKeys.keys.get(2)!.equals(Buffer.alloc(32, 3))).toBe(true);
    expect(messageOf({ ...base, POSTPLAN_SECRET_KEYS_PREVIOUS: `1:${old},oops` })).toMatch(
      /POSTPLAN_SECRET_KEYS_PREVIOUS: entry 2 must be VERSION:KEY/,
    );
    expect(messageOf({ ...base, POSTPLAN_SECRET_KEYS_PREVIOUS: `1:${old}` })).toMatch(
      /version 1 is used twice/,
    );
  });

  it('wants an OAuth client secret with its id, except for X', () => {
    expect(messageOf({ ...base, POSTPLAN_LINKEDIN_CLIENT_ID: 'abc' })).toMatch(
      /POSTPLAN_LINKEDIN_CLIENT_SECRET: is required/,
    );
    const c = loadConfig({
      ...base,
      POSTPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')),
      POSTPLAN_X_CLIENT_ID: 'x-client',
    });
    expect(c.oauthClients.x).toMatchObject({ clientId: 'x-client', clientSecret: undefined });
    expect(c.oauthClients.linkedin).toBeUndefined();
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
