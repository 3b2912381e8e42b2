import { hmac, randomSecret, safeEqual } from '../../common/auth/secrets';

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
