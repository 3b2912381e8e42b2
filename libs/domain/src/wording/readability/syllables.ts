import { type Language } from '../core/types';

// German vowel pairs spoken as one syllable (diphthongs and long vowels). Any other pair of vowels
// is two syllables: Ak-ti-on, The-a-ter, Ja-nu-ar.
const GERMAN_ONE_SYLLABLE_PAIRS = new Set([
  'aa',
  'ee',
  'oo',
  'ie',
  'ei',
  'ai',
  'au',
  'eu',
  'äu',
  'ey',
  'ay',
  'ou',
]);
const GERMAN_VOWELS = 'aeiouyäöü';

/** Runs for every word of every check, so it walks the characters without building strings. */
export function countGermanSyllables(word: string): number {
  const lower = word.toLowerCase();
  const w = /[^ -~]/u.test(lower) ? lower.normalize('NFC') : lower;
  let syllables = 0;
  let i = 0;
  while (i < w.length) {
    const c = w[i]!;
    // "qu" is a consonant cluster (Quel-le), not a vowel u.
    if (c === 'q' && w[i + 1] === 'u') {
      i += 2;
      continue;
    }
    if (!GERMAN_VOWELS.includes(c)) {
      i++;
      continue;
    }
    syllables++;
    const next = w[i + 1];
    i += next !== undefined && GERMAN_ONE_SYLLABLE_PAIRS.has(c + next) ? 2 : 1;
  }
  return Math.max(1, syllables);
}

/**
 * English spelling hides syllables behind silent letters. This follows the usual heuristic of
 * readability tools: vowel groups, minus a silent final -e/-es/-ed, plus the vowel pairs that are
 * spoken as two syllables (me-di-a, vi-de-o, go-ing, i-de-a).
 */
export function countEnglishSyllables(word: string): number {
  const original = word.toLowerCase().replace(/[^a-z]/gu, '');
  if (original.length <= 3) return 1;
  let w = original;
  if (/ed$/u.test(w) && !/[td]ed$/u.test(w)) w = w.slice(0, -2);
  else if (/es$/u.test(w) && !/(?:[sxzcg]|ch|sh)es$/u.test(w)) w = w.slice(0, -2);
  else if (/[^aeiouy]e$/u.test(w) && !/[^aeiouy]le$/u.test(w)) w = w.slice(0, -1);
  w = w.replace(/^y/u, '');
  const groups = w.match(/[aeiouy]+/gu)?.length ?? 0;
  const hiatus =
    original.match(/(?<![tsc])i[aou]|eo(?!p)|[^q]ua|ea$|ie[rt]|ience|oe[mt]|[aeiou]ing|crea/gu)
      ?.length ?? 0;
  return Math.max(1, groups + hiatus);
}

export function countSyllables(word: string, language: Language): number {
  return language === 'de' ? countGermanSyllables(word) : countEnglishSyllables(word);
}
