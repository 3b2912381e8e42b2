import { sha256, sha256Hex, toHex } from '../review/sha256.util';

/**
 * The contest draw, algorithm "fisher-yates-sha256-v1". Everything here is specified in
 * docs/contests.md closely enough to re-implement it in any language; change nothing without a
 * new algorithm version, or published draws stop verifying.
 */
export const DRAW_ALGORITHM = 'fisher-yates-sha256-v1';
export type DrawAlgorithmId = typeof DRAW_ALGORITHM;

/** Ascending by UTF-16 code unit; tickets are ASCII, so this is byte order too. */
export function sortTickets(tickets: readonly string[]): string[] {
  return [...tickets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The text the commitment covers: the sorted tickets joined with "\n" (no trailing newline). */
export function ticketListText(sortedTickets: readonly string[]): string {
  return sortedTickets.join('\n');
}

/** SHA-256 (hex) of the sorted ticket list: the commitment published before the draw. */
export function ticketListHash(sortedTickets: readonly string[]): string {
  return sha256Hex(ticketListText(sortedTickets));
}

/** The public value as it enters the seed: trimmed and in Unicode NFC. */
export function normalisePublicValue(value: string): string {
  return value.trim().normalize('NFC');
}

/**
 * seed = SHA-256(UTF-8("fisher-yates-sha256-v1\n" + listHash + "\n" + secret + "\n" + publicValue)),
 * with listHash and secret as lowercase hex. The list hash binds the seed to the committed list;
 * the secret was fixed (as its hash) before the public value existed; the public value was chosen
 * after the commitment, so nobody could aim the seed at a list.
 */
export function drawSeed(input: { listHash: string; secret: string; publicValue: string }): string {
  const text = [
    DRAW_ALGORITHM,
    input.listHash.toLowerCase(),
    input.secret.toLowerCase(),
    normalisePublicValue(input.publicValue),
  ].join('\n');
  return sha256Hex(text);
}

/** SHA-256 (hex) of the secret's 32 bytes, the secret given as 64 hex digits. */
export function secretHash(secretHex: string): string {
  return toHex(sha256(hexToBytes(secretHex)));
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('Not an even-length hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * A deterministic stream of 32-bit words: block k is SHA-256(seed bytes || k as 4-byte
 * big-endian), k = 0, 1, 2, ...; each block gives eight words, read big-endian in order.
 */
export class Sha256CounterStream {
  private readonly seed: Uint8Array;
  private counter = 0;
  private words: number[] = [];

  constructor(seedHex: string) {
    this.seed = hexToBytes(seedHex);
    if (this.seed.length !== 32) throw new Error('The seed is 32 bytes (64 hex digits)');
  }

  nextWord(): number {
    if (this.words.length === 0) this.refill();
    return this.words.shift() as number;
  }

  /**
   * A uniform integer in [0, n) by rejection sampling: with limit = 2^32 - (2^32 mod n), words at
   * or above the limit are skipped, the first word below it gives word mod n. n = 1 reads no word.
   */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new Error(`Bad bound ${n}`);
    if (n === 1) return 0;
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const word = this.nextWord();
      if (word < limit) return word % n;
    }
  }

  private refill(): void {
    if (this.counter > 0xffffffff) throw new Error('Stream exhausted');
    const block = new Uint8Array(this.seed.length + 4);
    block.set(this.seed);
    new DataView(block.buffer).setUint32(this.seed.length, this.counter);
    this.counter += 1;
    const digest = sha256(block);
    const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
    for (let i = 0; i < 8; i++) this.words.push(view.getUint32(i * 4));
  }
}

/** The person a ticket belongs to: everything before the first "/" ("E-ab12/2" -> "E-ab12"). */
export function ticketOwner(ticket: string): string {
  const slash = ticket.indexOf('/');
  return slash === -1 ? ticket : ticket.slice(0, slash);
}

/**
 * The draw order: Fisher-Yates (Durstenfeld, forward) over the sorted tickets. For i = 0, 1, ...:
 * j = i + below(n - i), swap positions i and j; position i is then final. A ticket whose owner
 * already holds a position is passed over, so each person appears once. It stops when `count`
 * people are placed or the tickets run out.
 */
export function drawOrder(
  sortedTickets: readonly string[],
  seedHex: string,
  count: number,
): string[] {
  const tickets = [...sortedTickets];
  const stream = new Sha256CounterStream(seedHex);
  const placed: string[] = [];
  const seen = new Set<string>();
  const n = tickets.length;
  for (let i = 0; i < n && placed.length < count; i++) {
    const j = i + stream.below(n - i);
    const picked = tickets[j] as string;
    tickets[j] = tickets[i] as string;
    tickets[i] = picked;
    const owner = ticketOwner(picked);
    if (!seen.has(owner)) {
      seen.add(owner);
      placed.push(owner);
    }
  }
  return placed;
}

export type DrawInputs = {
  tickets: readonly string[];
  secret: string;
  publicValue: string;
  winners: number;
  alternates: number;
};

export type DrawOutcome = {
  algorithm: DrawAlgorithmId;
  listHash: string;
  secretHash: string;
  seed: string;
  order: string[];
  winners: string[];
  alternates: string[];
};

/** The whole draw from its inputs: what the API stores and what a verifier recomputes. */
export function runDraw(input: DrawInputs): DrawOutcome {
  const sorted = sortTickets(input.tickets);
  const listHash = ticketListHash(sorted);
  const seed = drawSeed({ listHash, secret: input.secret, publicValue: input.publicValue });
  const order = drawOrder(sorted, seed, input.winners + input.alternates);
  return {
    algorithm: DRAW_ALGORITHM,
    listHash,
    secretHash: secretHash(input.secret),
    seed,
    order,
    winners: order.slice(0, input.winners),
    alternates: order.slice(input.winners),
  };
}
