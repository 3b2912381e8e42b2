import { type Language } from '../core/types';
import { type Sentence } from '../text/sentences';
import { hasLetter } from '../text/words';
import { countSyllables } from './syllables';

export type Readability = {
  language: Language;
  /** Reading ease 0 (very hard) to 100 (very easy): Amstad for German, Flesch for English. */
  score: number;
  band:
    | 'very-easy'
    | 'easy'
    | 'fairly-easy'
    | 'standard'
    | 'fairly-difficult'
    | 'difficult'
    | 'very-difficult';
  sentences: number;
  words: number;
  syllables: number;
  averageSentenceLength: number;
  averageSyllablesPerWord: number;
};

/**
 * Amstad (1978) re-fitted Flesch's (1948) formula for German, whose words are longer:
 *   de: 180 - ASL - 58.5 * ASW        en: 206.835 - 1.015 * ASL - 84.6 * ASW
 * with ASL = words per sentence and ASW = syllables per word. Both use Flesch's bands.
 */
export function readingEase(
  sentences: readonly Sentence[],
  language: Language,
): Readability | undefined {
  let words = 0;
  let syllables = 0;
  let countedSentences = 0;
  for (const sentence of sentences) {
    const prose = sentence.words.filter((w) => hasLetter(w.text));
    if (prose.length === 0) continue;
    countedSentences++;
    words += prose.length;
    for (const word of prose) syllables += countSyllables(word.text, language);
  }
  if (words === 0) return undefined;
  const asl = words / countedSentences;
  const asw = syllables / words;
  const raw = language === 'de' ? 180 - asl - 58.5 * asw : 206.835 - 1.015 * asl - 84.6 * asw;
  const score = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
  return {
    language,
    score,
    band: bandOf(score),
    sentences: countedSentences,
    words,
    syllables,
    averageSentenceLength: Math.round(asl * 10) / 10,
    averageSyllablesPerWord: Math.round(asw * 100) / 100,
  };
}

function bandOf(score: number): Readability['band'] {
  if (score >= 90) return 'very-easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly-easy';
  if (score >= 60) return 'standard';
  if (score >= 50) return 'fairly-difficult';
  if (score >= 30) return 'difficult';
  return 'very-difficult';
}
