import { randomBytes } from 'node:crypto';
import { redactPathSecrets } from '../../logging';
import {
  ACCESS_TTL_MS,
  accessUntil,
  deviceCookieFor,
  isKnownDevice,
  isWellFormedToken,
  signAccess,
  verifyAccess,
} from './link-access';

const key = randomBytes(32);
const link = { id: '8b0c0a0e-56f1-4d53-9a55-0d7b1f1b2c3d', passwordHash: '$argon2id$v=19$abc' };
const now = new Date('2026-11-20T10:00:00Z');

describe('link tokens', () => {
  it('accepts exactly the shape of 32 random bytes in base64url', () => {
    expect(isWellFormedToken(randomBytes(32).toString('base64url'))).toBe(true);
    expect(isWellFormedToken(randomBytes(31).toString('base64url'))).toBe(false);
    expect(isWellFormedToken(`${randomBytes(32).toString('base64url').slice(0, 42)}/`)).toBe(false);
    expect(isWellFormedToken('')).toBe(false);
  });
});

describe('the access cookie', () => {
  const until = accessUntil(now, new Date('2027-01-01T00:00:00Z'));
  const value = signAccess(key, link, until);

  it('opens the link it was made for until it ends', () => {
    expect(until.getTime() - now.getTime()).toBe(ACCESS_TTL_MS);
    expect(verifyAccess(key, link, value, now)).toBe(true);
    expect(verifyAccess(key, link, value, new Date(until.getTime() - 1))).toBe(true);
    expect(verifyAccess(key, link, value, until)).toBe(false);
  });

  it('does not open another link, survive a new password or another server key', () => {
    expect(
      verifyAccess(key, { ...link, id: '00000000-0000-4000-8000-000000000000' }, value, now),
    ).toBe(false);
    expect(verifyAccess(key, { ...link, passwordHash: '$argon2id$other' }, value, now)).toBe(false);
    expect(verifyAccess(randomBytes(32), link, value, now)).toBe(false);
  });

  it('refuses a forged end and garbage', () => {
    const [, mac] = value.split('.');
    expect(verifyAccess(key, link, `${until.getTime() + 3_600_000}.${mac}`, now)).toBe(false);
    for (const bad of [undefined, '', '.', 'abc', `${until.getTime()}`, `${value}.x`]) {
      expect(verifyAccess(key, link, bad, now)).toBe(false);
    }
  });

  it('never outlives the link', () => {
    const linkEnd = new Date(now.getTime() + 60_000);
    expect(accessUntil(now, linkEnd)).toEqual(linkEnd);
  });
});

describe('the device cookie', () => {
  it('marks a browser that unlocked this link, and only this link', () => {
    const cookie = deviceCookieFor(key, link.id);
    expect(isKnownDevice(key, link.id, cookie)).toBe(true);
    expect(isKnownDevice(key, 'another-link', cookie)).toBe(false);
    expect(isKnownDevice(key, link.id, undefined)).toBe(false);
    expect(isKnownDevice(key, link.id, 'nonce.forged')).toBe(false);
  });
});

describe('request logs', () => {
  it('never show a link token, neither of the page nor of the API', () => {
    const token = randomBytes(32).toString('base64url');
    expect(redactPathSecrets(`/r/${token}`)).toBe('/r/[redacted]');
    expect(redactPathSecrets(`/api/v1/review/${token}/posts/abc/approve?x=1`)).toBe(
      '/api/v1/review/[redacted]/posts/abc/approve?x=1',
    );
    expect(redactPathSecrets('/api/v1/workspaces/agentur/review-links')).toBe(
      '/api/v1/workspaces/agentur/review-links',
    );
  });
});
