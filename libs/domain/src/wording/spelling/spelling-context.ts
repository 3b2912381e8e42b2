import { type Language } from '../core/types';
import { foldWord } from '../brand/brand-matcher';
import { splitCompound } from './compounds';
import { SOCIAL_VOCABULARY } from './social-vocabulary';
import { memoized, type SpellChecker, type SpellCheckers } from './spell-checker';

export type SpellingContext = {
  /** Checker for the post's language: word list, dictionary, German compounds, then the other language. */
  checker: SpellChecker | undefined;
  /** Is this a word in any language we have a checker for (hashtag splitting)? Plain dictionary only. */
  knownWord: ((word: string) => boolean) | undefined;
};

const wordListSets = new WeakMap<readonly string[], Set<string>>();

function wordSet(words: readonly string[]): Set<string> {
  let set = wordListSets.get(words);
  if (!set) {
    set = new Set([...SOCIAL_VOCABULARY, ...words].map(foldWord));
    wordListSets.set(words, set);
  }
  return set;
}

const VERDICT_BOUND = 50_000;
/** Verdicts of the composite check, per set of checkers, language and word list. */
const verdictCaches = new WeakMap<
  SpellCheckers,
  Map<Language, WeakMap<Set<string>, Map<string, boolean>>>
>();

function verdictCache(
  checkers: SpellCheckers,
  language: Language,
  listed: Set<string>,
): Map<string, boolean> {
  let byLanguage = verdictCaches.get(checkers);
  if (!byLanguage) {
    byLanguage = new Map();
    verdictCaches.set(checkers, byLanguage);
  }
  let byList = byLanguage.get(language);
  if (!byList) {
    byList = new WeakMap();
    byLanguage.set(language, byList);
  }
  let verdicts = byList.get(listed);
  if (!verdicts) {
    verdicts = new Map();
    byList.set(listed, verdicts);
  }
  return verdicts;
}

export function spellingContext(
  language: Language,
  checkers: SpellCheckers | undefined,
  wordList: readonly string[],
): SpellingContext {
  const own = checkers?.[language] ? memoized(checkers[language]) : undefined;
  const otherLanguage: Language = language === 'de' ? 'en' : 'de';
  const other = checkers?.[otherLanguage] ? memoized(checkers[otherLanguage]) : undefined;
  const listed = wordSet(wordList);
  const available = [own, other].filter((c): c is SpellChecker => c !== undefined);
  const knownWord =
    available.length > 0 || wordList.length > 0
      ? (word: string) => listed.has(foldWord(word)) || available.some((c) => c.correct(word))
      : undefined;
  if (!own || !checkers) return { checker: undefined, knownWord };
  const german = checkers.de ? memoized(checkers.de) : undefined;

  const correctPart = (part: string): boolean => {
    if (listed.has(foldWord(part))) return true;
    if (own.correct(part)) return true;
    // Compounds are German: "Gewinnspiel" even in an English post about a German campaign.
    if (
      german &&
      part.length >= 6 &&
      splitCompound(part, (p) => german.correct(p) || listed.has(foldWord(p))) !== null
    )
      return true;
    // Anglicisms in German posts ("Community", "Sale") and German names in English ones.
    return other?.correct(part) ?? false;
  };

  const isCorrect = (typed: string): boolean => {
    // Dictionaries are NFC; an "ö" typed as o + combining diaeresis is the same word.
    const word = typed.normalize('NFC');
    const plain = word
      .replace(/[:*_·](?=in(?:nen)?$)/u, '')
      .replace(
        /(\p{Ll})(In|Innen)$/u,
        (_m, last: string, suffix: string) => last + suffix.toLowerCase(),
      );
    if (correctPart(plain)) return true;
    const withoutGenitive = plain.replace(/['’]s$/u, '');
    if (withoutGenitive !== plain && correctPart(withoutGenitive)) return true;
    // Hyphenated compounds ("E-Mail-Adresse", "Social-Media-Team") are right when each part is.
    const parts = plain.split(/[-‐]/u).filter((p) => p.length > 0);
    return parts.length > 1 && parts.every((p) => p.length < 2 || correctPart(p));
  };

  // The same words come back in every post and on every keystroke: keep each verdict, for as
  // long as the checkers and the word list stay the same objects.
  const verdicts = verdictCache(checkers, language, listed);
  const checker: SpellChecker = {
    correct(typed) {
      let verdict = verdicts.get(typed);
      if (verdict === undefined) {
        if (verdicts.size > VERDICT_BOUND) verdicts.clear();
        verdict = isCorrect(typed);
        verdicts.set(typed, verdict);
      }
      return verdict;
    },
    suggest: (word) => rankSuggestions(word.normalize('NFC'), own.suggest(word.normalize('NFC'))),
  };
  return { checker, knownWord };
}

/**
 * Hunspell lists suggestions in the order its strategies found them, which puts "Eich" before
 * "Tisch" for "Tich". People mostly drop or swap a letter and rarely the first one, so rank by
 * edit distance, then same first letter, then "the typo is the word with letters left out".
 */
export function rankSuggestions(word: string, suggestions: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const keyed = suggestions.map((s, order) => {
    const candidate = s.toLowerCase();
    return {
      s,
      distance: editDistance(lower, candidate),
      otherStart: candidate[0] === lower[0] ? 0 : 1,
      notOmission: isSubsequence(lower, candidate) ? 0 : 1,
      order,
    };
  });
  keyed.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.otherStart - b.otherStart ||
      a.notOmission - b.notOmission ||
      a.order - b.order,
  );
  return keyed.map((k) => k.s);
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (short[i] === long[j]) i++;
  return i === short.length;
}
