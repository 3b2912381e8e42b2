/**
 * The draw "fisher-yates-sha256-v1" recomputed in the browser with WebCrypto, from the published
 * inputs alone, written from the algorithm's description in docs/contests.md and not from the
 * server's code: if the two ever disagree, the verification page says so.
 */
export const VERIFIED_ALGORITHM = 'fisher-yates-sha256-v1';

export type PublishedDraw = {
  algorithm: string;
  /** The eligible tickets as published (the commitment covers them sorted). */
  eligible: string[];
  listHash: string;
  secretHash: string;
  secret: string;
  publicValue: string;
  seed: string;
  /** Winners and alternates in draw order, as published. */
  order: string[];
};

export type BrowserCheck = {
  listHash: string;
  listHashMatches: boolean;
  secretHashMatches: boolean;
  seed: string;
  seedMatches: boolean;
  order: string[];
  orderMatches: boolean;
  /** Every check agrees with what was published. */
  confirmed: boolean;
};

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOf(hexText: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hexText)) throw new Error('not hex');
  const out = new Uint8Array(hexText.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hexText.slice(2 * i, 2 * i + 2), 16);
  return out;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', data);
}

/** Byte order on ASCII tickets: compare by UTF-16 code unit, never by locale. */
function sorted(tickets: string[]): string[] {
  return [...tickets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** 32-bit words from SHA-256(seed || counter as 4 bytes big-endian), counter 0, 1, 2, … */
class WordStream {
  private counter = 0;
  private words: number[] = [];
  constructor(private readonly seed: Uint8Array<ArrayBuffer>) {}

  private async refill() {
    const block = new Uint8Array(this.seed.length + 4);
    block.set(this.seed);
    new DataView(block.buffer).setUint32(this.seed.length, this.counter++);
    const view = new DataView(await sha256(block));
    for (let i = 0; i < 8; i++) this.words.push(view.getUint32(i * 4));
  }

  /** Uniform in [0, n): words at or above 2^32 - (2^32 mod n) are rejected; n = 1 reads none. */
  async below(n: number): Promise<number> {
    if (n === 1) return 0;
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      if (this.words.length === 0) await this.refill();
      const word = this.words.shift()!;
      if (word < limit) return word % n;
    }
  }
}

/** The person behind a ticket: what comes before the first "/". */
function owner(ticket: string): string {
  const slash = ticket.indexOf('/');
  return slash === -1 ? ticket : ticket.slice(0, slash);
}

export async function recomputeDraw(published: PublishedDraw): Promise<BrowserCheck> {
  const tickets = sorted(published.eligible);
  const listHash = hex(await sha256(encoder.encode(tickets.join('\n'))));
  let secretHashMatches = false;
  try {
    secretHashMatches =
      hex(await sha256(bytesOf(published.secret))) === published.secretHash.toLowerCase();
  } catch {
    secretHashMatches = false;
  }
  const seedText = [
    VERIFIED_ALGORITHM,
    listHash,
    published.secret.toLowerCase(),
    published.publicValue.trim().normalize('NFC'),
  ].join('\n');
  const seed = hex(await sha256(encoder.encode(seedText)));

  // Fisher-Yates, forward, over the sorted tickets; each person is placed once.
  const stream = new WordStream(bytesOf(seed));
  const wanted = published.order.length;
  const order: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tickets.length && order.length < wanted; i++) {
    const j = i + (await stream.below(tickets.length - i));
    const picked = tickets[j]!;
    tickets[j] = tickets[i]!;
    tickets[i] = picked;
    const person = owner(picked);
    if (!seen.has(person)) {
      seen.add(person);
      order.push(person);
    }
  }

  const listHashMatches = listHash === published.listHash.toLowerCase();
  const seedMatches = seed === published.seed.toLowerCase();
  const orderMatches =
    order.length === published.order.length && order.every((e, i) => e === published.order[i]);
  return {
    listHash,
    listHashMatches,
    secretHashMatches,
    seed,
    seedMatches,
    order,
    orderMatches,
    confirmed:
      published.algorithm === VERIFIED_ALGORITHM &&
      listHashMatches &&
      secretHashMatches &&
      seedMatches &&
      orderMatches,
  };
}
