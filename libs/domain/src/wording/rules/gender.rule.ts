import { type RuleContext, text } from '../core/rule-context';
import { type WordingFix } from '../core/types';
import { findGenderedForms, formInStyle, STYLE_NAMES } from '../gender/gender-forms';
import { GENERIC_MASCULINE, neutralForStem, neutralKindOf } from '../gender/generic-masculine';
import {
  casesAfterPreposition,
  determinerReadings,
  nounPhraseBefore,
} from '../grammar/german-agreement';
import { insideAny } from '../text/entities';

/** Gender-inclusive wording in the workspace's chosen style; German posts only. */
export function genderRule(context: RuleContext): void {
  const style = context.settings.genderStyle;
  if (style === 'off' || context.language !== 'de') return;
  const chosen = STYLE_NAMES[style];

  for (const form of findGenderedForms(context.text)) {
    if (form.style === style || insideAny(form, context.analysis.entities)) continue;
    const original = context.text.slice(form.start, form.end);
    const neutral = style === 'neutral' && form.plural ? neutralForStem(form.stem) : undefined;
    const replacement =
      style === 'neutral'
        ? neutral
          ? (neutralInPlace(context.text, form.start, neutral, false) ?? undefined)
          : undefined
        : formInStyle(form.stem, form.plural, style);
    const found = STYLE_NAMES[form.style];
    context.report('gender.style', {
      start: form.start,
      end: form.end,
      message: replacement
        ? text(
            `„${original}“ ist mit ${found.de} gegendert; ihr schreibt mit ${chosen.de}: „${replacement}“.`,
            `“${original}” uses the ${found.en} style; your workspace uses ${chosen.en}: “${replacement}”.`,
          )
        : text(
            `„${original}“ ist mit ${found.de} gegendert; ihr schreibt mit ${chosen.de}. Formuliere neutral, z. B. mit einem Partizip („Teilnehmende“).`,
            `“${original}” uses the ${found.en} style; your workspace uses ${chosen.en}. Rephrase neutrally, e.g. with a participle (“Teilnehmende”).`,
          ),
      ...(replacement ? { fix: replaceWith(form.start, form.end, replacement) } : {}),
    });
  }

  for (const word of context.analysis.words) {
    const entry = GENERIC_MASCULINE.get(word.text);
    if (!entry || isPairForm(context.text, word.start, word.end)) continue;
    const fixes: WordingFix[] = [];
    if (style !== 'neutral')
      fixes.push(replaceWith(word.start, word.end, formInStyle(entry.stem, true, style)));
    const neutral = entry.neutral
      ? neutralInPlace(context.text, word.start, entry.neutral, entry.dative)
      : null;
    if (neutral) fixes.push(replaceWith(word.start, word.end, neutral));
    if (fixes.length === 0)
      fixes.push(replaceWith(word.start, word.end, `${entry.stem}innen und ${word.text}`));
    const suggestions = fixes.map((f) => `„${f.replacement}“`).join(' oder ');
    const suggestionsEn = fixes.map((f) => `“${f.replacement}”`).join(' or ');
    // A collective is singular: it needs the sentence rephrased, so it is a hint, not a fix.
    const rephrase =
      entry.neutral && !neutral
        ? text(
            ` Oder formuliere den Satz mit „${entry.neutral}“ um (Einzahl: Artikel und Verb ändern sich).`,
            ` Or rephrase the sentence with “${entry.neutral}” (singular: article and verb change).`,
          )
        : text('', '');
    context.report('gender.generic-masculine', {
      start: word.start,
      end: word.end,
      message: text(
        `„${word.text}“ meint nur Männer sprachlich mit. Schreib ${suggestions}.${rephrase.de}`,
        `“${word.text}” is the generic masculine. Write ${suggestionsEn}.${rephrase.en}`,
      ),
      fix: fixes.length === 1 ? fixes[0]! : fixes,
    });
  }
}

function replaceWith(start: number, end: number, replacement: string): WordingFix {
  return {
    start,
    end,
    replacement,
    label: text(`„${replacement}“ einsetzen`, `Use “${replacement}”`),
  };
}

/** "Kundinnen und Kunden" already names everyone; the masculine half is not generic there. */
function isPairForm(source: string, start: number, end: number): boolean {
  const before = source.slice(Math.max(0, start - 40), start);
  const after = source.slice(end, end + 40);
  return (
    /\p{L}+innen\s+(?:und|oder|&|bzw\.)\s+$/u.test(before) ||
    /^\s+(?:und|oder|&|bzw\.)\s+\p{L}+innen(?![\p{L}])/u.test(after)
  );
}

/**
 * The neutral word as it must read in this place, or null when it cannot stand in for a plural
 * by itself. Participles decline like adjectives: weak after a determiner ("unsere
 * Mitarbeitenden", "alle Teilnehmenden"), strong otherwise ("Liebe Mitarbeitende"), -n in the
 * dative ("mit Mitarbeitenden"). Plural nouns take -n in the dative ("mit Fachleuten").
 */
export function neutralInPlace(
  source: string,
  start: number,
  neutral: string,
  dativeForm: boolean,
): string | null {
  const kind = neutralKindOf(neutral);
  if (kind === 'collective') return null;
  const phrase = nounPhraseBefore(source, start);
  const det = phrase.determiner?.parsed ?? null;
  const pluralReadings = det ? determinerReadings(det).filter((r) => r.num === 'pl') : [];
  const byPreposition = casesAfterPreposition(phrase.preposition);
  const dative =
    dativeForm ||
    (pluralReadings.length > 0 && pluralReadings.every((r) => r.kase === 'dat')) ||
    (byPreposition !== null && byPreposition.every((c) => c === 'dat'));
  if (kind === 'plural') return dative && !neutral.endsWith('n') ? `${neutral}n` : neutral;
  const weak = det !== null && det.kind !== 'strong-quantifier';
  return weak || dative ? `${neutral}n` : neutral;
}
