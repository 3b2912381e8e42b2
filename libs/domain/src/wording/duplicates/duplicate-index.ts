import {
  bandKeys,
  BANDS,
  decodeSignature,
  encodeSignature,
  estimateSimilarity,
  SIGNATURE_VERSION,
  signText,
  type TextSignature,
} from './minhash';

export type DuplicateDocument = {
  id: string;
  channelId: string;
  at: Date | string | number;
  text: string;
};

/** What the API stores per post variant, so the index can be rebuilt without re-hashing texts. */
export type StoredSignature = {
  id: string;
  channelId: string;
  at: Date | string | number;
  version: number;
  /** From `encodeSignature`: base64, 512 bytes. */
  signature: string;
  fingerprint: string;
};

export type DuplicateMatch = {
  id: string;
  channelId: string;
  at: Date;
  /** Estimated Jaccard similarity of the two texts' word 3-grams, 0..1. */
  similarity: number;
  /** Same text after normalisation (case, spacing, punctuation, links). */
  identical: boolean;
};

export type DuplicateQueryOptions = {
  minSimilarity?: number;
  /** Leave out the post being edited. */
  excludeId?: string;
  limit?: number;
};

type Entry = {
  id: string;
  channelId: string;
  at: number;
  minhash: Uint32Array;
  fingerprint: string;
  keys: number[];
};

/**
 * Near-duplicate lookup over recent posts with MinHash and LSH banding: a query touches only
 * the posts that share a band with it instead of comparing against every post. Pure and
 * synchronous: the API keeps one per workspace in memory (rebuilt from stored signatures at
 * start) or builds one per request from the last 30 days.
 */
export class DuplicateIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly bands: Map<number, Set<string>>[] = Array.from(
    { length: BANDS },
    () => new Map<number, Set<string>>(),
  );

  static sign(text: string): TextSignature {
    return signText(text);
  }

  /** The row to store for a post variant (see StoredSignature). */
  static toStored(doc: DuplicateDocument): StoredSignature {
    const signature = signText(doc.text);
    return {
      id: doc.id,
      channelId: doc.channelId,
      at: toDate(doc.at).toISOString(),
      version: signature.version,
      signature: encodeSignature(signature),
      fingerprint: signature.fingerprint,
    };
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds or replaces a post. Empty texts (only links or emoji) are not indexed. */
  add(doc: DuplicateDocument): void {
    const signature = signText(doc.text);
    if (signature.empty) {
      this.remove(doc.id);
      return;
    }
    this.insert(
      doc.id,
      doc.channelId,
      toDate(doc.at).getTime(),
      signature.minhash,
      signature.fingerprint,
    );
  }

  /** Adds a post from its stored signature. Signatures of another version are refused. */
  addStored(stored: StoredSignature): void {
    if (stored.version !== SIGNATURE_VERSION) {
      throw new Error(
        `Signature version ${stored.version} cannot be compared with version ${SIGNATURE_VERSION}; re-sign the text`,
      );
    }
    this.insert(
      stored.id,
      stored.channelId,
      toDate(stored.at).getTime(),
      decodeSignature(stored.signature),
      stored.fingerprint,
    );
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    entry.keys.forEach((key, band) => {
      const bucket = this.bands[band]!.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.bands[band]!.delete(key);
    });
    return this.entries.delete(id);
  }

  /** Drops posts older than `before`, for an index kept in memory over days. */
  pruneBefore(before: Date | string | number): number {
    const limit = toDate(before).getTime();
    let removed = 0;
    for (const entry of [...this.entries.values()])
      if (entry.at < limit && this.remove(entry.id)) removed++;
    return removed;
  }

  /**
   * Posts similar to `text`, most similar first. `channelId` and `since` narrow the search to one
   * channel and a time window; leave them out to search everything.
   */
  query(
    text: string,
    channelId?: string,
    since?: Date | string | number,
    options: DuplicateQueryOptions = {},
  ): DuplicateMatch[] {
    const signature = signText(text);
    if (signature.empty) return [];
    const minSimilarity = options.minSimilarity ?? 0.7;
    const sinceMs = since === undefined ? -Infinity : toDate(since).getTime();
    const seen = new Set<string>();
    const matches: DuplicateMatch[] = [];
    bandKeys(signature.minhash).forEach((key, band) => {
      for (const id of this.bands[band]!.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const entry = this.entries.get(id)!;
        if (id === options.excludeId) continue;
        if (channelId !== undefined && entry.channelId !== channelId) continue;
        if (entry.at < sinceMs) continue;
        const identical = entry.fingerprint === signature.fingerprint;
        const similarity = identical ? 1 : estimateSimilarity(signature.minhash, entry.minhash);
        if (similarity >= minSimilarity)
          matches.push({
            id,
            channelId: entry.channelId,
            at: new Date(entry.at),
            similarity,
            identical,
          });
      }
    });
    matches.sort((a, b) => b.similarity - a.similarity || b.at.getTime() - a.at.getTime());
    return options.limit === undefined ? matches : matches.slice(0, options.limit);
  }

  private insert(
    id: string,
    channelId: string,
    at: number,
    minhash: Uint32Array,
    fingerprint: string,
  ): void {
    this.remove(id);
    const keys = bandKeys(minhash);
    keys.forEach((key, band) => {
      let bucket = this.bands[band]!.get(key);
      if (!bucket) {
        bucket = new Set();
        this.bands[band]!.set(key, bucket);
      }
      bucket.add(id);
    });
    this.entries.set(id, { id, channelId, at, minhash, fingerprint, keys });
  }
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`"${String(value)}" is not a date`);
  return date;
}
