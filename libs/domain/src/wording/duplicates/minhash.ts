import { fnv1a, normalizeForDuplicates, shingleHashes } from './normalize';

/**
 * MinHash (Broder 1997): for each of K hash functions keep the smallest hash over a post's
 * shingles. The share of equal slots in two signatures estimates the Jaccard similarity of their
 * shingle sets. LSH banding (Leskovec, Rajaraman, Ullman: Mining of Massive Datasets, ch. 3)
 * groups the K slots into B bands of R rows; two posts become candidates when one band agrees.
 *
 * With K = 128, B = 32, R = 4 a pair with similarity 0.7 is a candidate with probability
 * 1 - (1 - 0.7^4)^32 > 0.9998, at 0.5 with 0.87, at 0.2 with 0.05: few false candidates,
 * practically no missed near-duplicates. Candidates are then compared on all 128 slots.
 */
export const SIGNATURE_VERSION = 1;
export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;

// Fixed seeds: stored signatures must stay comparable across releases. Changing them means a
// new SIGNATURE_VERSION and re-hashing stored posts.
const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    seeds[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a full-avalanche mix, so each seed gives an independent-looking hash. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type TextSignature = {
  version: number;
  /** 128 unsigned 32-bit minima. */
  minhash: Uint32Array;
  /** Hash of the whole normalised text: equal means identical for a reader. */
  fingerprint: string;
  empty: boolean;
};

export function signText(text: string): TextSignature {
  const normalized = normalizeForDuplicates(text);
  const shingles = shingleHashes(normalized);
  const minhash = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]!;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(shingle ^ SEEDS[i]!);
      if (h < minhash[i]!) minhash[i] = h;
    }
  }
  const fingerprint = `${fnv1a(normalized).toString(16).padStart(8, '0')}${fnv1a(normalized, 0x01234567).toString(16).padStart(8, '0')}`;
  return { version: SIGNATURE_VERSION, minhash, fingerprint, empty: shingles.length === 0 };
}

const RECENT_LIMIT = 64;
const recentSignatures = new Map<string, TextSignature>();

/**
 * signText for texts seen again and again: a post's variants are checked against each other, so
 * without this a post with n channels would sign its texts n² times. Keeps the 64 newest texts;
 * callers must not mutate the signature they get.
 */
export function signTextRecent(text: string): TextSignature {
  const known = recentSignatures.get(text);
  if (known) {
    recentSignatures.delete(text);
    recentSignatures.set(text, known);
    return known;
  }
  const signature = signText(text);
  recentSignatures.set(text, signature);
  if (recentSignatures.size > RECENT_LIMIT) {
    recentSignatures.delete(recentSignatures.keys().next().value as string);
  }
  return signature;
}

export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/** One key per band: the band index and a hash of its rows. */
export function bandKeys(minhash: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS; row++) {
      h ^= minhash[band * ROWS + row]!;
      h = Math.imul(h, 0x01000193);
      h = mix(h);
    }
    keys.push(h >>> 0);
  }
  return keys;
}

/** Serialised form for storage (PostgreSQL bytea or text): base64 of 512 little-endian bytes. */
export function encodeSignature(signature: Pick<TextSignature, 'minhash'>): string {
  const bytes = new Uint8Array(SIGNATURE_SIZE * 4);
  const view = new DataView(bytes.buffer);
  signature.minhash.forEach((value, i) => view.setUint32(i * 4, value, true));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeSignature(encoded: string): Uint32Array {
  const binary = atob(encoded);
  if (binary.length !== SIGNATURE_SIZE * 4)
    throw new Error(
      `A MinHash signature has ${SIGNATURE_SIZE * 4} bytes, this one ${binary.length}`,
    );
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const minhash = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) minhash[i] = view.getUint32(i * 4, true);
  return minhash;
}
