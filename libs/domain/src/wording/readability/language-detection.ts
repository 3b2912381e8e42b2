import { type Language } from '../core/types';
import { type Word } from '../text/words';

// The most frequent function words of each language: they occur in almost every sentence and
// hardly ever in the other language, so a handful are enough to tell German from English.
const GERMAN = new Set(
  'der die das und ist nicht ein eine einen einem zu mit auf für im den dem des von wir ihr sie es ich du auch sich noch bei aus wie was oder wenn nur jetzt hier euch uns unser unsere dein deine mehr schon sind war wird werden haben hat kann können mal gibt heute morgen viel viele alle neue neuen zum zur vom über nach'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and is are to of for with on you your we our it this that be have has not or what how now here at from by can just more new all get today join us my me they their was were been about'.split(
    ' ',
  ),
);

export type LanguageGuess = {
  language: Language;
  confident: boolean;
  scores: Record<Language, number>;
};

/**
 * Counts function words; umlauts and ß add to German. "Confident" needs three hits and a clear
 * lead, so a two-word post or a list of hashtags falls back to the configured language.
 */
export function detectLanguage(words: readonly Word[], fallback: Language = 'de'): LanguageGuess {
  let de = 0;
  let en = 0;
  for (const word of words) {
    const lower = word.text.toLowerCase();
    if (GERMAN.has(lower)) de++;
    if (ENGLISH.has(lower)) en++;
    if (/[äöüß]/u.test(lower)) de += 0.5;
  }
  const scores = { de, en };
  if (de === en) return { language: fallback, confident: false, scores };
  const language: Language = de > en ? 'de' : 'en';
  const top = Math.max(de, en);
  const other = Math.min(de, en);
  return { language, confident: top >= 3 && top >= other * 2, scores };
}
