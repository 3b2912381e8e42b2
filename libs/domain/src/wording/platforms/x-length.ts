// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the untyped packages' declarations must travel with this file into the web and API builds, which do not include libs/domain's .d.ts files
/// <reference path="./vendor-modules.d.ts" />
import { configs, parseTweet } from 'twitter-text';
import { graphemesOf } from '../text/graphemes';

export type XLength = { used: number; limit: number; overflowStart: number | null };

/**
 * X's own library computes the weighted length (URLs 23, CJK and emoji 2, after NFC), so our
 * count is X's count. Its range is computed on the NFC text; we map it back to the editor's text.
 */
export function measureForX(
  text: string,
  limit = configs.defaults.maxWeightedTweetLength,
): XLength {
  const config =
    limit === configs.defaults.maxWeightedTweetLength
      ? configs.defaults
      : { ...configs.defaults, maxWeightedTweetLength: limit };
  const parsed = parseTweet(text, config);
  if (parsed.weightedLength <= limit)
    return { used: parsed.weightedLength, limit, overflowStart: null };
  // twitter-text reports the last valid index in the NFC text shifted by the whole normalisation
  // difference, which is right only when all decomposed characters come before it; undo the shift
  // and map precisely.
  const normalizedLength = text.normalize('NFC').length;
  const lastValidNfc = parsed.validRangeEnd - (text.length - normalizedLength);
  return {
    used: parsed.weightedLength,
    limit,
    overflowStart: nfcOffsetToOriginal(text, lastValidNfc + 1),
  };
}

/**
 * Normalisation never reorders across grapheme clusters, so walking the original text cluster by
 * cluster and normalising each one lines the two strings up. An offset inside a cluster rounds
 * down to the cluster's start: the whole cluster overflows.
 */
export function nfcOffsetToOriginal(original: string, nfcOffset: number): number {
  const normalized = original.normalize('NFC');
  if (normalized === original) return Math.min(nfcOffset, original.length);
  let nfcPosition = 0;
  for (const g of graphemesOf(original)) {
    const length = g.segment.normalize('NFC').length;
    if (nfcPosition + length > nfcOffset) return g.start;
    nfcPosition += length;
  }
  return original.length;
}
