import { foldWord } from '../brand/brand-matcher';
import { type RuleContext, text } from '../core/rule-context';
import { DEFAULT_CTA_PHRASES } from '../engagement/cta-phrases';
import { type Language } from '../core/types';
import { insideAny } from '../text/entities';

/** Posts that ask something or invite an action get more replies; a hint when a post does neither. */
export function engagementRule(context: RuleContext): void {
  const { analysis, settings, language } = context;
  if (!settings.engagementEnabled || analysis.words.length === 0) return;
  if (hasQuestion(context)) return;
  const prose = ` ${analysis.words.map((w) => foldWord(w.text)).join(' ')} `;
  const phrases = [...foldedDefaults(language), ...settings.ctaPhrases[language].map(foldPhrase)];
  if (phrases.some((phrase) => prose.includes(phrase))) return;
  const last = analysis.sentences[analysis.sentences.length - 1]!;
  context.report('engagement.no-question', {
    start: last.start,
    end: last.end,
    message: text(
      'Der Post stellt keine Frage und fordert zu nichts auf. Ende mit einer Frage („Was meint ihr?“) oder einer Aufforderung („Schreibt es in die Kommentare“), damit mehr Leute antworten.',
      'The post asks nothing and invites no action. End with a question (“What do you think?”) or a call to action (“Tell us in the comments”) to get more replies.',
    ),
  });
}

const defaults: Partial<Record<Language, string[]>> = {};

function foldedDefaults(language: Language): string[] {
  return (defaults[language] ??= DEFAULT_CTA_PHRASES[language].map(foldPhrase));
}

/** A phrase as it appears in the space-joined folded words of a post: " link in bio ". */
function foldPhrase(phrase: string): string {
  return ` ${foldWord(phrase)
    .replace(/[^\p{L}\p{N}'’\s-]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()} `;
}

function hasQuestion(context: RuleContext): boolean {
  const { text: source, analysis } = context;
  for (let i = source.indexOf('?'); i >= 0; i = source.indexOf('?', i + 1)) {
    if (!insideAny({ start: i, end: i + 1 }, analysis.entities)) return true;
  }
  return source.includes('¿');
}
