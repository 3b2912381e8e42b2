import { createHash } from 'node:crypto';

/**
 * A record key for a publication: a TID (the 13-character, sortable base-32 form of a
 * microsecond timestamp and a 10-bit clock id, which is what Bluesky requires for posts),
 * derived from the publication id and its planned time. The same publication always gets
 * the same key, so a retry writes to the same record and cannot post twice.
 */

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

function s32(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = S32[Number(rest & 31n)]! + out;
    rest >>= 5n;
  }
  return out;
}

export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** A TID from microseconds since the epoch and a clock id (0-1023). */
export function tidFrom(microseconds: bigint, clockId: number): string {
  const value = ((microseconds & ((1n << 53n) - 1n)) << 10n) | BigInt(clockId & 1023);
  return s32(value, 13);
}

/**
 * The key for one publication. The timestamp part is the planned minute plus up to a second
 * of microseconds taken from a hash of the publication id, and the clock id is 10 more bits
 * of that hash: two publications planned for the same instant on one account collide with a
 * chance of about one in a billion, and a collision is caught (the record read back differs).
 */
export function publicationRecordKey(publicationId: string, plannedAt: string): string {
  const planned = Date.parse(plannedAt);
  const ms = Number.isNaN(planned) ? 0 : planned;
  const digest = createHash('sha256').update(publicationId).digest();
  const spread = BigInt(digest.readUInt32BE(0) % 1_000_000);
  const clockId = digest.readUInt16BE(4) & 1023;
  return tidFrom(BigInt(ms) * 1000n + spread, clockId);
}
