import { DuplicateIndex, encodeSignature, SIGNATURE_VERSION } from '@postplan/domain';

/**
 * What the duplicate index stores per post variant, and the LSH band keys it is looked up by.
 *
 * The domain's DuplicateIndex bands its 128 MinHash slots in memory; to ask PostgreSQL the same
 * question we store one key per band. A key is the band's number in the high bits and a 32-bit
 * hash of the band's slots in the low bits, so keys of different bands never meet. Two texts
 * sharing a key are only candidates: the DuplicateIndex then compares all 128 slots.
 *
 * The derivation is stored data: changing it means emptying wording_signatures (the API signs
 * every missing variant again at start).
 */
export const LSH_BANDS = 32;

export type SignedText = {
  version: number;
  /** 512 bytes, null when the text has nothing to compare (only emoji or punctuation). */
  signature: Buffer | null;
  fingerprint: string | null;
  /** bigint keys as decimal strings, for PostgreSQL. */
  bandKeys: string[];
};

export function signForIndex(text: string): SignedText {
  const signed = DuplicateIndex.sign(text);
  if (signed.empty)
    return { version: SIGNATURE_VERSION, signature: null, fingerprint: null, bandKeys: [] };
  return {
    version: signed.version,
    signature: Buffer.from(encodeSignature(signed), 'base64'),
    fingerprint: signed.fingerprint,
    bandKeys: bandKeys(signed.minhash),
  };
}

export function bandKeys(minhash: Uint32Array): string[] {
  const rows = minhash.length / LSH_BANDS;
  if (!Number.isInteger(rows))
    throw new Error(`${minhash.length} slots do not split into ${LSH_BANDS} bands`);
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    // FNV-1a over the band's slots, byte by byte: stable across processes and releases.
    let h = 0x811c9dc5;
    for (let row = 0; row < rows; row++) {
      const slot = minhash[band * rows + row]!;
      for (let shift = 0; shift < 32; shift += 8) {
        h ^= (slot >>> shift) & 0xff;
        h = Math.imul(h, 0x01000193);
      }
    }
    keys.push(((BigInt(band) << 32n) | BigInt(h >>> 0)).toString());
  }
  return keys;
}
