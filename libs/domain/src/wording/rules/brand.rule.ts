import { applyCaseStyle } from '../brand/case-style';
import { brandMatcherFor } from '../brand/brand-matcher';
import { inflectLike } from '../brand/german-inflection';
import { type RuleContext, text } from '../core/rule-context';
import { type WordingFix } from '../core/types';
import { type Word } from '../text/words';

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
    if (rule.replacement) {
      replacement = applyCaseStyle(
        match.matched,
        rule.term,
        inflectReplacement(rule.replacement, rule.term, match.slot),
      );
      fix = {
        start: match.start,
        end: match.end,
        replacement,
        label: text(`Durch „${replacement}“ ersetzen`, `Replace with “${replacement}”`),
      };
    }
    context.report(ruleId, {
      severity: rule.severity,
      start: match.start,
      end: match.end,
      message: {
        de: rule.message?.de || defaultMessage('de', rule.kind, match.matched, replacement),
        en: rule.message?.en || defaultMessage('en', rule.kind, match.matched, replacement),
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
