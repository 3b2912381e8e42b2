import { createHmac } from 'node:crypto';

/**
 * A person's id in one contest: "E-" and the first 16 hex digits of HMAC-SHA-256 over the person
 * key, keyed with the contest's own random key. Stable within the contest (entries merge, the
 * draw can name them), meaningless outside it.
 */
export function pseudonymOf(contestKey: Buffer, personKey: string): string {
  return `E-${createHmac('sha256', contestKey).update(personKey, 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * A winner as the workspace remembers them for "previous winners of the last N contests": keyed
 * with the server key and the workspace, so the stored value reveals no handle and cannot be
 * matched across workspaces.
 */
export function winnerHashOf(serverKey: Buffer, workspaceId: string, personKey: string): string {
  return createHmac('sha256', serverKey)
    .update(`postplan:contest-winner:${workspaceId}:${personKey}`, 'utf8')
    .digest('hex');
}
