import { type RuleContext, text } from '../core/rule-context';
import { type WordingFix } from '../core/types';

// Hunspell's suggestions cost milliseconds per word; a post full of typos (or in the wrong
// language) should not stall the editor. Later words are flagged without suggestions.
const MAX_SUGGESTED_WORDS = 3;
const MAX_SUGGESTIONS = 3;

/**
 * Spelling with the injected checker. URLs, hashtags, mentions and e-mail addresses are not
 * words (the analysis leaves them out); acronyms, words with digits and CamelCase product names
 * ("PostPlan", "iPhone") are skipped because dictionaries cannot know them.
 */
export function spellingRule(context: RuleContext): void {
  const checker = context.spelling;
  if (!checker) return;
  let suggested = 0;
  for (const word of context.analysis.words) {
    if (!isCheckable(word.text) || checker.correct(word.text)) continue;
    const suggestions =
      suggested < MAX_SUGGESTED_WORDS && word.text.length <= 20
        ? checker.suggest(word.text).slice(0, MAX_SUGGESTIONS)
        : [];
    if (suggestions.length > 0) suggested++;
    const fixes: WordingFix[] = suggestions.map((s) => ({
      start: word.start,
      end: word.end,
      replacement: s,
      label: text(`„${s}“`, `“${s}”`),
    }));
    const alternativesDe = suggestions.map((s) => `„${s}“`).join(', ');
    const alternativesEn = suggestions.map((s) => `“${s}”`).join(', ');
    context.report('spelling.unknown-word', {
      start: word.start,
      end: word.end,
      message:
        suggestions.length > 0
          ? text(
              `„${word.text}“ steht in keinem Wörterbuch. Meintest du ${alternativesDe}? Ist das Wort richtig, nimm es in die Wortliste auf.`,
              `“${word.text}” is in no dictionary. Did you mean ${alternativesEn}? If the word is right, add it to the word list.`,
            )
          : text(
              `„${word.text}“ steht in keinem Wörterbuch. Prüfe die Schreibweise oder nimm das Wort in die Wortliste auf.`,
              `“${word.text}” is in no dictionary. Check the spelling or add the word to the word list.`,
            ),
      ...(fixes.length > 0 ? { fix: fixes } : {}),
    });
  }
}

/** Most words: one optional capital, then lower-case letters. A plain regex decides them fast. */
const PLAIN_WORD = /^[A-ZÄÖÜ]?[a-zäöüß]+$/;

function isCheckable(word: string): boolean {
  if (word.length < 2) return false;
  if (PLAIN_WORD.test(word)) return true;
  if (/\p{N}/u.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (letters === letters.toUpperCase()) return false; // acronym or shouting (style rule)
  // CamelCase inside the word, except the capital I of gendered forms (KundInnen).
  const inner = word.slice(1).replace(/\p{Ll}(?:In|Innen)$/u, '');
  return !/\p{Lu}/u.test(inner.replace(/[-‐'’]\p{Lu}/gu, ''));
}
