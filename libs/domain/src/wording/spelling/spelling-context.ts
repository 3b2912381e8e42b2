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

export function spellingContext(language: Language, checkers: SpellCheckers | undefined, wordList: readonly string[]): SpellingContext {
  const own = checkers?.[language] ? memoized(checkers[language]) : undefined;
  const otherLanguage: Language = language === 'de' ? 'en' : 'de';
  const other = checkers?.[otherLanguage] ? memoized(checkers[otherLanguage]) : undefined;
  const listed = wordSet(wordList);
  const available = [own, other].filter((c): c is SpellChecker => c !== undefined);
  const knownWord =
    available.length > 0 || wordList.length > 0
      ? (word: string) => listed.has(foldWord(word)) || available.some((c) => c.correct(word))
      : undefined;
  if (!own) return { checker: undefined, knownWord };
  const german = checkers?.de ? memoized(checkers.de) : undefined;

  const correctPart = (part: string): boolean => {
    if (listed.has(foldWord(part))) return true;
    if (own.correct(part)) return true;
    // Compounds are German: "Gewinnspiel" even in an English post about a German campaign.
    if (german && part.length >= 6 && splitCompound(part, (p) => german.correct(p) || listed.has(foldWord(p))) !== null) return true;
    // Anglicisms in German posts ("Community", "Sale") and German names in English ones.
    return other?.correct(part) ?? false;
  };

  const checker: SpellChecker = {
    correct(word) {
      const plain = word.replace(/[:*_·](?=in(?:nen)?$)/u, '').replace(/(\p{Ll})(In|Innen)$/u, (_m, last: string, suffix: string) => last + suffix.toLowerCase());
      if (correctPart(plain)) return true;
      const withoutGenitive = plain.replace(/['’]s$/u, '');
      if (withoutGenitive !== plain && correctPart(withoutGenitive)) return true;
      // Hyphenated compounds ("E-Mail-Adresse", "Social-Media-Team") are right when each part is.
      const parts = plain.split(/[-‐]/u).filter((p) => p.length > 0);
      return parts.length > 1 && parts.every((p) => p.length < 2 || correctPart(p));
    },
    suggest: (word) => own.suggest(word),
  };
  return { checker, knownWord };
}
