import { type RuleContext, text } from '../core/rule-context';

/**
 * A contest post must link its rules (Teilnahmebedingungen): the platforms' promotion policies
 * and German law expect the terms to be one tap away. `rulesPaths` are the public rules
 * addresses' paths ("/c/<token>/rules"); any host counts, so a configured domain or a shortener
 * that keeps the path both pass.
 */
export function contestRule(context: RuleContext, rulesPaths: readonly string[]): void {
  if (rulesPaths.length === 0) return;
  const urls = context.analysis.entities.filter((e) => e.kind === 'url');
  const linked = urls.some((u) => rulesPaths.some((p) => u.value.includes(p)));
  if (linked) return;
  const firstLineEnd = context.text.search(/\r?\n/);
  context.report('contest.rules-link', {
    start: 0,
    end: firstLineEnd === -1 ? context.text.length : firstLineEnd,
    message: text(
      'Dieser Beitrag gehört zu einem Gewinnspiel, verlinkt aber nicht dessen Teilnahmebedingungen.',
      'This post belongs to a contest but does not link its rules.',
    ),
  });
}
