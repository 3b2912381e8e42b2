import { capitalize } from './spell-checker';

// Linking elements (Fugenelemente) between the parts of a German compound: Weihnacht-s-markt,
// Kunde-n-service, Kind-er-garten, Hund-e-hütte.
const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e'];
const MIN_PART = 3;
const MAX_PART = 24;

/**
 * Splits a German compound into known words (Sommerschlussverkauf -> Sommer, Schluss, Verkauf),
 * preferring the fewest parts. Hunspell's German dictionary forms compounds with flags nspell does
 * not implement, so without this every compound not listed verbatim would be "misspelt".
 * Returns null when no split into known words exists.
 */
export function splitCompound(word: string, isKnown: (word: string) => boolean): string[] | null {
  const lower = word.toLowerCase();
  const n = lower.length;
  if (n < MIN_PART * 2) return null;
  // best[i]: fewest parts covering lower[0, i); from[i]: where that last part started.
  const best: number[] = new Array<number>(n + 1).fill(Infinity);
  const from: number[] = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let j = i + MIN_PART; j <= Math.min(n, i + MAX_PART); j++) {
      const part = lower.slice(i, j);
      if (!isKnownPart(part, isKnown)) continue;
      for (const link of j === n ? [''] : LINKS) {
        if (link && lower.slice(j, j + link.length) !== link) continue;
        const next = j + link.length;
        if (next > n || (next < n && n - next < MIN_PART)) continue;
        if (best[i]! + 1 < best[next]!) {
          best[next] = best[i]! + 1;
          from[next] = i;
        }
      }
    }
  }
  if (best[n] === Infinity || best[n]! < 2) return null;
  const parts: string[] = [];
  for (let at = n; at > 0; at = from[at]!) parts.unshift(word.slice(from[at], at));
  return parts;
}

function isKnownPart(part: string, isKnown: (word: string) => boolean): boolean {
  return isKnown(capitalize(part)) || isKnown(part);
}
