/**
 * The engine never loads dictionaries itself: it runs in the browser and in Node, and building a
 * Hunspell checker takes most of a second. Callers inject one checker per language.
 */
export type SpellChecker = {
  correct(word: string): boolean;
  suggest(word: string): string[];
};

export type SpellCheckers = { de?: SpellChecker; en?: SpellChecker };

const BOUND = 50_000;
const memos = new WeakMap<
  SpellChecker,
  { correct: Map<string, boolean>; suggest: Map<string, string[]> }
>();

/**
 * Answers are cached per checker instance: the editor re-checks the same words on every
 * keystroke, and Hunspell's suggestions cost milliseconds each. The cache is dropped wholesale
 * when it grows past its bound; a post's words are re-learnt within one check.
 */
export function memoized(checker: SpellChecker): SpellChecker {
  let memo = memos.get(checker);
  if (!memo) {
    memo = { correct: new Map(), suggest: new Map() };
    memos.set(checker, memo);
  }
  const { correct, suggest } = memo;
  return {
    correct(word) {
      let answer = correct.get(word);
      if (answer === undefined) {
        if (correct.size > BOUND) correct.clear();
        answer = checker.correct(word);
        correct.set(word, answer);
      }
      return answer;
    },
    suggest(word) {
      let answer = suggest.get(word);
      if (answer === undefined) {
        if (suggest.size > BOUND / 10) suggest.clear();
        answer = checker.suggest(word);
        suggest.set(word, answer);
      }
      return answer;
    },
  };
}

/** Capitalises the first letter the way German nouns are written inside a compound's dictionary entry. */
export function capitalize(word: string): string {
  const first = word.codePointAt(0);
  if (first === undefined) return word;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + word.slice(head.length);
}
