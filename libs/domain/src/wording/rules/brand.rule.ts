import { applyCaseStyle } from '../brand/case-style';
import { brandMatcherFor } from '../brand/brand-matcher';
import { inflectLike } from '../brand/german-inflection';
import { type RuleContext, text } from '../core/rule-context';
import { type WordingFix } from '../core/types';
import { type Word } from '../text/words';
import { type BrandMatch } from '../brand/brand-matcher';
import { type BrandRule } from '../settings/settings.schema';
import {
  type Gender,
  genderFromSuffix,
  type GrammaticalNumber,
  nounPhraseBefore,
  pronounFollows,
  type Reading,
  readingsFor,
  rewriteNounPhrase,
} from '../grammar/german-agreement';
import { germanNounForms, inflectionClassOf } from '../brand/german-inflection';

/** Brand wording: banned terms and preferred terms, inflection-tolerant, with a one-click fix. */
export function brandRule(context: RuleContext): void {
  const { brandRules } = context.settings;
  if (brandRules.length === 0) return;
  const matcher = brandMatcherFor(brandRules);
  for (const match of matcher.match(context.text, wordsWithHashtags(context))) {
    const rule = brandRules[match.ruleIndex]!;
    const ruleId = rule.kind === 'banned' ? 'brand.banned' : 'brand.preferred';
    let fix: WordingFix | undefined;
    let replacement: string | undefined;
    let agreementNote: { de: string; en: string } | undefined;
    if (rule.replacement) {
      replacement = applyCaseStyle(
        match.matched,
        rule.term,
        inflectReplacement(rule.replacement, rule.term, match.slot),
      );
      const agreed =
        context.language === 'de' && isNoun(rule.term)
          ? agreeingFix(context.text, match, rule, replacement)
          : { kind: 'plain' as const };
      if (agreed.kind === 'rewrite') {
        replacement = agreed.replacement;
        fix = {
          start: agreed.start,
          end: match.end,
          replacement: agreed.replacement,
          label: text(
            `Durch „${agreed.replacement}“ ersetzen`,
            `Replace with “${agreed.replacement}”`,
          ),
        };
      } else if (agreed.kind === 'plain') {
        fix = {
          start: match.start,
          end: match.end,
          replacement,
          label: text(`Durch „${replacement}“ ersetzen`, `Replace with “${replacement}”`),
        };
      } else {
        agreementNote = agreementHint(agreed.options);
      }
    }
    context.report(ruleId, {
      severity: rule.severity,
      start: match.start,
      end: match.end,
      message: {
        de: withNote(
          rule.message?.de || defaultMessage('de', rule.kind, match.matched, replacement),
          agreementNote?.de,
        ),
        en: withNote(
          rule.message?.en || defaultMessage('en', rule.kind, match.matched, replacement),
          agreementNote?.en,
        ),
      },
      ...(fix ? { fix } : {}),
    });
  }
}

function inflectReplacement(replacement: string, term: string, slot: string): string {
  const replacementWords = replacement.split(/(\s+)/u);
  const termWords = term.split(/\s+/u);
  const last = replacementWords.length - 1;
  replacementWords[last] = inflectLike(
    replacementWords[last]!,
    termWords[termWords.length - 1]!,
    slot,
  );
  return replacementWords.join('');
}

function defaultMessage(
  language: 'de' | 'en',
  kind: 'banned' | 'preferred',
  matched: string,
  replacement: string | undefined,
): string {
  if (language === 'de') {
    if (kind === 'preferred') return `Wir schreiben „${replacement}“ statt „${matched}“.`;
    return replacement
      ? `„${matched}“ passt nicht zu unserer Markensprache. Schreib stattdessen „${replacement}“.`
      : `„${matched}“ passt nicht zu unserer Markensprache. Formuliere die Stelle ohne das Wort.`;
  }
  if (kind === 'preferred') return `We write “${replacement}”, not “${matched}”.`;
  return replacement
    ? `“${matched}” is not part of our brand wording. Write “${replacement}” instead.`
    : `“${matched}” is not part of our brand wording. Rephrase without it.`;
}

/** Hashtags are not prose, but a banned term in a hashtag is still on the brand. */
function wordsWithHashtags(context: RuleContext): Word[] {
  const hashtags = context.analysis.entities.filter((e) => e.kind === 'hashtag');
  if (hashtags.length === 0) return context.analysis.words;
  const bodies = hashtags.map((h) => ({ start: h.start + 1, end: h.end, text: h.value.slice(1) }));
  return [...context.analysis.words, ...bodies].sort((a, b) => a.start - b.start);
}

type AgreedFix =
  | { kind: 'plain' }
  | { kind: 'rewrite'; start: number; replacement: string }
  | { kind: 'hint'; options: string[] };

/** A German noun: the rule's term ends in a capitalised word. */
function isNoun(term: string): boolean {
  const last = term.split(/\s+/u).pop() ?? '';
  return /^\p{Lu}/u.test(last);
}

/** Which number a matched form has, by the ending the matcher recognised. */
function numberOfSlot(slot: string, lemma: string): GrammaticalNumber | null {
  if (
    slot === 'base' ||
    slot.startsWith('genitive') ||
    slot === 'feminine' ||
    slot === 'umlaut-feminine'
  )
    return 'sg';
  // "Kunden" and "Nachbarn" are plural or a weak singular ("dem Kunden").
  if ((slot === 'plural' && inflectionClassOf(lemma) === 'e') || slot === 'weak-n') return null;
  return 'pl';
}

/**
 * One-click fixes for German nouns keep the phrase grammatical: the article and adjectives take
 * the new noun's gender ("die leere Kiste" -> "der leere Kasten"). When the case cannot be read
 * from the sentence, or a pronoun later refers back to the noun, the finding keeps only a hint.
 */
function agreeingFix(
  source: string,
  match: BrandMatch,
  rule: BrandRule,
  replacementText: string,
): AgreedFix {
  const termLast = rule.term.split(/\s+/u).pop()!;
  const replacementWords = rule.replacement!.split(/(\s+)/u);
  const replacementLast = replacementWords[replacementWords.length - 1]!;
  const feminineSlot = match.slot.includes('feminine');
  const termGender: Gender | null = feminineSlot
    ? 'f'
    : (rule.termGender ?? genderFromSuffix(termLast));
  const newGender: Gender | null = rule.replacementGender ?? genderFromSuffix(replacementLast);
  const num = numberOfSlot(match.slot, termLast);
  const phrase = nounPhraseBefore(source, match.start);
  const singularPossible = num !== 'pl';
  // A German compound takes the gender of its last part: "Team" and "Community-Team" agree.
  const sameHead = sharesHead(termLast, replacementLast);
  const sameGender =
    !feminineSlot && (sameHead || (termGender !== null && termGender === newGender));
  if (sameGender && match.slot === 'base') return { kind: 'plain' };
  if (singularPossible && !sameGender && pronounFollows(source, match.end))
    return { kind: 'hint', options: [] };

  const casing = (noun: string) => applyCaseStyle(match.matched, rule.term, noun);
  const head = replacementWords.slice(0, -1).join('');
  const sameClass = inflectionClassOf(replacementLast) === inflectionClassOf(termLast);
  const nounFor = (reading: Reading): string | null => {
    if (reading.num === 'pl') {
      if (num === 'pl' && sameClass) return replacementText;
      if (num === 'pl' || num === null) {
        const plural = sameClass
          ? germanNounForms(replacementLast).find((f) => f.slot === match.slot)?.form
          : undefined;
        return plural ? casing(head + plural) : null;
      }
      return null;
    }
    return casing(head + singularForm(replacementLast, reading, newGender));
  };
  const rewrite = rewriteNounPhrase(source, phrase, match.start, readingsFor(termGender, num), {
    gender: newGender,
    nounFor,
  });
  if (rewrite.kind === 'rewrite') {
    // Keep the fix as small as the change: an unchanged article stays out of it.
    const prefix = source.slice(rewrite.start, match.start);
    const trimmed = rewrite.replacement.startsWith(prefix)
      ? { ...rewrite, start: match.start, replacement: rewrite.replacement.slice(prefix.length) }
      : rewrite;
    if (trimmed.start === match.start && trimmed.replacement === replacementText)
      return { kind: 'plain' };
    return trimmed;
  }
  return { kind: 'hint', options: rewrite.kind === 'ambiguous' ? rewrite.options : [] };
}

function sharesHead(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longer = x.length >= y.length ? x : y;
  const shorter = longer === x ? y : x;
  return shorter.length >= 3 && longer.endsWith(shorter);
}

/** The singular in a case: weak masculines take -n ("den Kunden"), m./n. genitives -s. */
function singularForm(noun: string, reading: Reading, gender: Gender | null): string {
  if (reading.kase === 'nom' || gender === 'f' || gender === null) return noun;
  const weak = gender === 'm' && noun.endsWith('e');
  if (weak) return `${noun}n`;
  if (reading.kase !== 'gen') return noun;
  return /(?:s|ß|x|z)$/u.test(noun) ? `${noun}es` : `${noun}s`;
}

function agreementHint(options: string[]): { de: string; en: string } {
  if (options.length > 0) {
    return text(
      `Artikel und Endungen hängen vom Satz ab: ${options.map((o) => `„${o}“`).join(' oder ')}.`,
      `The article and endings depend on the sentence: ${options.map((o) => `“${o}”`).join(' or ')}.`,
    );
  }
  return text(
    'Pass Artikel, Endungen und Pronomen an das neue Wort an.',
    'Adjust the article, endings and pronouns to the new word.',
  );
}

function withNote(message: string, note: string | undefined): string {
  return note ? `${message} ${note}` : message;
}
