import { tooManyAttempts } from '../errors/app-error';
import { hmac, randomSecret, safeEqual, sha256 } from './secrets';

/*
 * Links that open with a token and may carry a password: review links (a client decides) and
 * share links (a stakeholder reads the plan). Both check a token, a password and an unlock
 * cookie the same way; only their rows, codes and what they show differ.
 */

/** 32 random bytes in base64url: exactly 43 characters from the URL-safe alphabet. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** After entering the password, a browser may see the link for this long (at most). */
export const ACCESS_TTL_MS = 4 * 3_600_000;

/** Proof that this browser entered the link's password; httpOnly, sent only to the link's API. */
export const ACCESS_COOKIE = 'postplan_review_access';
/** Marks a browser that has unlocked this link before: exempt from the link-wide lockout. */
export const DEVICE_COOKIE = 'postplan_review_device';

/** The API path of one link: its cookies are sent there and nowhere else. */
export function linkApiPath(token: string): string {
  return `/api/v1/review/${token}`;
}

/**
 * The access cookie's value: its end and a MAC over link, end and the stored password hash.
 * Nothing about it is kept on the server; a new password (new hash) ends every unlock at once,
 * and revocation and expiry are checked on every request anyway.
 */
export function signAccess(
  key: Buffer,
  link: { id: string; passwordHash: string },
  until: Date,
): string {
  const end = String(until.getTime());
  return `${end}.${hmac(key, `review-access.${link.id}.${end}.${link.passwordHash}`)}`;
}

export function verifyAccess(
  key: Buffer,
  link: { id: string; passwordHash: string },
  value: string | undefined,
  now: Date,
): boolean {
  const [end, mac, ...rest] = value?.split('.') ?? [];
  if (!end || !mac || rest.length > 0 || !/^\d{1,16}$/.test(end)) return false;
  if (Number(end) <= now.getTime()) return false;
  return safeEqual(mac, hmac(key, `review-access.${link.id}.${end}.${link.passwordHash}`));
}

/** The end of an unlock: a few hours, never beyond the link's own expiry. */
export function accessUntil(now: Date, linkExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + ACCESS_TTL_MS, linkExpiresAt.getTime()));
}

export function deviceCookieFor(key: Buffer, linkId: string): string {
  const nonce = randomSecret(12);
  return `${nonce}.${hmac(key, `review-device.${linkId}.${nonce}`)}`;
}

export function isKnownDevice(key: Buffer, linkId: string, value: string | undefined): boolean {
  return knownDeviceId(key, linkId, value) !== null;
}

/** The id of a browser that unlocked this link before (its cookie's nonce), or null. */
export function knownDeviceId(
  key: Buffer,
  linkId: string,
  value: string | undefined,
): string | null {
  const [nonce, mac, ...rest] = value?.split('.') ?? [];
  return nonce &&
    mac &&
    rest.length === 0 &&
    safeEqual(mac, hmac(key, `review-device.${linkId}.${nonce}`))
    ? nonce
    : null;
}

/** What every token link stores about access; a missing expiry never ends. */
export type TokenLink = {
  id: string;
  password_hash: string | null;
  revoked_at: Date | null;
  expires_at: Date | null;
};

/**
 * The link behind a token while it is valid. A malformed, unknown or revoked token answers
 * exactly like an unknown one, so nothing is said about links that exist.
 */
export async function openLink<L extends TokenLink>(
  token: string,
  nowMs: number,
  findByTokenHash: (tokenHash: Buffer) => Promise<L | null>,
  refuse: { notFound: () => Error; expired: () => Error },
): Promise<L> {
  if (!isWellFormedToken(token)) throw refuse.notFound();
  const link = await findByTokenHash(sha256(token));
  if (!link || link.revoked_at) throw refuse.notFound();
  if (link.expires_at && link.expires_at.getTime() <= nowMs) throw refuse.expired();
  return link;
}

/** Whether this browser may see the link: it has no password, or the browser entered it. */
export function isUnlocked(
  key: Buffer,
  link: TokenLink,
  accessCookie: string | undefined,
  now: Date,
): boolean {
  if (link.password_hash === null) return true;
  return verifyAccess(key, { id: link.id, passwordHash: link.password_hash }, accessCookie, now);
}

/** The answer to a throttled password guess, in minutes a person can read. */
export function tooManyWrongPasswords(retryAfterSeconds: number) {
  return tooManyAttempts(
    `Too many wrong passwords. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    retryAfterSeconds,
  );
}

/** After the right password: the unlock (until `until`) and the known-browser cookie. */
export function unlockCookies(
  key: Buffer,
  link: { id: string; passwordHash: string },
  until: Date,
): { access: string; device: string } {
  return { access: signAccess(key, link, until), device: deviceCookieFor(key, link.id) };
}
