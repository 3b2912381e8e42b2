const URL_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/giu;

/**
 * What makes two posts "the same text" for a reader: case, spacing, punctuation, emoji and the
 * exact link (tracking parameters, shorteners) do not. Hashtags count as their words.
 */
export function normalizeForDuplicates(text: string): string {
  return text
    .normalize('NFKC')
    .replace(URL_LIKE, ' url ')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** 32-bit FNV-1a: fast, stable across processes and JavaScript engines (signatures are stored). */
export function fnv1a(value: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Word pairs ("shingles") of the normalised text, hashed. Reordering sentences keeps most
 * shingles; changing a word changes two. Pairs rather than the usual triples because posts are
 * short: with triples one changed word in a 25-word post already drops the similarity to 0.77.
 */
export function shingleHashes(normalized: string, size = 2): Uint32Array {
  if (normalized.length === 0) return new Uint32Array(0);
  const tokens = normalized.split(' ');
  const shingles = new Set<number>();
  if (tokens.length < size) shingles.add(fnv1a(tokens.join(' ')));
  else
    for (let i = 0; i + size <= tokens.length; i++)
      shingles.add(fnv1a(tokens.slice(i, i + size).join(' ')));
  return Uint32Array.from(shingles);
}
