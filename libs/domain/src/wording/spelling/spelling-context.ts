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

const wordListSets = new WeakMap<readonly string[], Map<string, Set<string>>>();
const EMPTY: readonly string[] = [];

/**
 * The words the checker accepts besides the dictionaries: the workspace's word list, and the
 * names it knows (members, channels, brand terms), split into words ("Café Oberau" -> both).
 * Cached per word list, then per set of names, so the same objects keep the verdicts warm.
 */
function wordSet(words: readonly string[], names: readonly string[] = EMPTY): Set<string> {
  let byNames = wordListSets.get(words);
  if (!byNames) {
    byNames = new Map();
    wordListSets.set(words, byNames);
  }
  const key = names.join('\u0000');
  let set = byNames.get(key);
  if (!set) {
    const nameWords = names.flatMap((n) => n.match(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu) ?? []);
    set = new Set([...SOCIAL_VOCABULARY, ...words, ...nameWords].map(foldWord));
    if (byNames.size > 20) byNames.clear();
    byNames.set(key, set);
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
  names: readonly string[] = EMPTY,
): SpellingContext {
  const own = checkers?.[language] ? memoized(checkers[language]) : undefined;
  const otherLanguage: Language = language === 'de' ? 'en' : 'de';
  const other = checkers?.[otherLanguage] ? memoized(checkers[otherLanguage]) : undefined;
  const listed = wordSet(wordList, names);
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
    suggest: (word) => {
      const typed = word.normalize('NFC');
      const ranked = rankSuggestions(typed, own.suggest(typed));
      return /^\p{Lu}/u.test(typed) ? ranked.filter((s) => isCloseToName(typed, s)) : ranked;
    },
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

/** Neighbouring keys on a German (QWERTZ) keyboard: a slip of the finger, not another word. */
const QWERTZ_ROWS = ['1234567890ß', 'qwertzuiopü', 'asdfghjklöä', 'yxcvbnm'];
function keyNeighbours(a: string, b: string): boolean {
  const pos = (ch: string) => {
    for (let row = 0; row < QWERTZ_ROWS.length; row++) {
      const col = QWERTZ_ROWS[row]!.indexOf(ch);
      if (col >= 0) return { row, col };
    }
    return null;
  };
  const pa = pos(a);
  const pb = pos(b);
  if (pa === null || pb === null) return false;
  if (pa.row === pb.row) return Math.abs(pa.col - pb.col) === 1;
  if (Math.abs(pa.row - pb.row) !== 1) return false;
  // Each row sits half a key to the right of the one above: a key touches the two below it.
  const [upper, lower] = pa.row < pb.row ? [pa, pb] : [pb, pa];
  return lower.col === upper.col || lower.col === upper.col - 1;
}

/**
 * A capitalised word may well be a name (a place, a person, a product) that no dictionary knows.
 * It gets a suggestion only when the suggestion is what a typing slip looks like: the same
 * first letter and one letter left out, doubled, swapped with its neighbour or hit on the key
 * next to it. "Tich" -> "Tisch" passes; "Oberau" -> "Obfrau" (e and f are not neighbours) and
 * "Lukas" -> "Ukas" (a different first letter) do not.
 */
export function isCloseToName(typed: string, suggestion: string): boolean {
  const a = typed.toLowerCase();
  const b = suggestion.toLowerCase();
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length + 1 === b.length) return isSubsequence(a, b); // a letter left out
  if (a.length === b.length + 1) {
    // An extra letter: only a doubled one ("Tissch") or one next to its neighbour key.
    for (let i = 0; i < a.length; i++) {
      if (a.slice(0, i) + a.slice(i + 1) !== b) continue;
      const extra = a[i]!;
      if (extra === a[i - 1] || extra === a[i + 1]) return true;
      if (
        (a[i - 1] && keyNeighbours(extra, a[i - 1]!)) ||
        (a[i + 1] && keyNeighbours(extra, a[i + 1]!))
      )
        return true;
    }
    return false;
  }
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 2) {
    const [i, j] = diffs as [number, number];
    return j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  return diffs.length === 1 && keyNeighbours(a[diffs[0]!]!, b[diffs[0]!]!);
}
