import { type FailureCounts } from './login-attempts.repository';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Wrong passwords for one account from one address before that pair must wait. */
export const PAIR_LIMIT = 5;
/** Wrong passwords for one account from all addresses (a spread-out guessing attack). */
export const ACCOUNT_LIMIT = 20;
/** Wrong passwords from one address for any account (credential stuffing). */
export const ADDRESS_LIMIT = 50;
/** Wrong passwords for one account from a browser that has logged into it before. */
export const DEVICE_LIMIT = 10;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Decides whether a login attempt may even be checked. Every block ends when its oldest
 * failure leaves the window, so nobody is locked out for good.
 *
 * A browser that has logged into this account before carries a signed device cookie that an
 * attacker cannot forge. It is judged by its own failures only (DEVICE_LIMIT): the pair, address
 * and account limits count what everyone else did, and an attacker behind the same address (an
 * office, a proxy without POSTPLAN_TRUST_PROXY) must not be able to lock the owner out with them.
 */
export function decideThrottle(
  counts: FailureCounts,
  now: Date,
  knownDevice: boolean,
): ThrottleDecision {
  const blockers: (Date | null)[] = [];
  if (knownDevice) {
    if (counts.device >= DEVICE_LIMIT) blockers.push(counts.oldest.device);
  } else {
    if (counts.pair >= PAIR_LIMIT) blockers.push(counts.oldest.pair);
    if (counts.address >= ADDRESS_LIMIT) blockers.push(counts.oldest.address);
    if (counts.account >= ACCOUNT_LIMIT) blockers.push(counts.oldest.account);
  }
  if (blockers.length === 0) return { allowed: true };
  const until = Math.max(...blockers.map((d) => (d ?? now).getTime() + THROTTLE_WINDOW_MS));
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
  };
}
