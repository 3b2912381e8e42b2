import { type RuleContext, text } from '../core/rule-context';
import { readingEase } from '../readability/reading-ease';
import { splitCompound } from '../spelling/compounds';
import { capitalize } from '../spelling/spell-checker';
import { hasLetter, letterCount } from '../text/words';

/**
 * Long sentences and very long compounds, the two things that make social posts hard to read on
 * a phone. The overall score only speaks up for posts long enough for the formula to mean
 * something (Flesch calibrated it on passages of 100 words).
 */
export function readabilityRule(context: RuleContext): void {
  const { language, settings, analysis } = context;
  const maxWords = settings.maxSentenceWords[language];
  for (const sentence of analysis.sentences) {
    const count = sentence.words.filter((w) => hasLetter(w.text)).length;
    if (count <= maxWords) continue;
    context.report('readability.long-sentence', {
      start: sentence.start,
      end: sentence.end,
      message: text(
        `Satz mit ${count} Wörtern – teile ihn in zwei. Auf dem Handy lesen sich Sätze bis ${maxWords} Wörter am besten.`,
        `Sentence of ${count} words – split it in two. On a phone, sentences of up to ${maxWords} words read best.`,
      ),
    });
  }

  for (const word of analysis.words) {
    for (const part of partsOf(word.text, word.start)) {
      const letters = letterCount(part.text);
      if (letters <= settings.maxWordLetters) continue;
      const hyphenated = context.knownWord ? hyphenate(part.text, context.knownWord) : undefined;
      context.report('readability.long-word', {
        start: part.start,
        end: part.start + part.text.length,
        message: hyphenated
          ? text(
              `„${part.text}“ hat ${letters} Buchstaben. Ein Bindestrich macht es lesbarer: „${hyphenated}“.`,
              `“${part.text}” has ${letters} letters. A hyphen makes it easier to read: “${hyphenated}”.`,
            )
          : text(
              `„${part.text}“ hat ${letters} Buchstaben. Gliedere es mit einem Bindestrich oder umschreibe es.`,
              `“${part.text}” has ${letters} letters. Break it up with a hyphen or rephrase it.`,
            ),
        ...(hyphenated
          ? {
              fix: {
                start: part.start,
                end: part.start + part.text.length,
                replacement: hyphenated,
                label: text(`„${hyphenated}“ schreiben`, `Write “${hyphenated}”`),
              },
            }
          : {}),
      });
    }
  }

  const readability = readingEase(analysis.sentences, language);
  const minimum = settings.minReadingEase[language];
  if (readability && readability.words >= 40 && readability.score < minimum) {
    const first = analysis.sentences[0]!;
    const last = analysis.sentences[analysis.sentences.length - 1]!;
    const formula = language === 'de' ? 'Flesch-Lesbarkeit nach Amstad' : 'Flesch reading ease';
    context.report('readability.score', {
      start: first.start,
      end: last.end,
      message: text(
        `${formula}: ${readability.score} (schwer). Kürzere Sätze (jetzt ${readability.averageSentenceLength} Wörter im Schnitt) und kürzere Wörter machen den Post leichter.`,
        `${formula}: ${readability.score} (difficult). Shorter sentences (now ${readability.averageSentenceLength} words on average) and shorter words make the post easier.`,
      ),
    });
  }
}

/** A hyphenated word is judged part by part: "Kundenzufriedenheits-Befragung" is already broken up. */
function partsOf(word: string, start: number): { text: string; start: number }[] {
  if (!word.includes('-') && !word.includes('‐')) return [{ text: word, start }];
  const parts: { text: string; start: number }[] = [];
  let offset = 0;
  for (const piece of word.split(/([-‐])/u)) {
    if (piece !== '-' && piece !== '‐' && piece.length > 0)
      parts.push({ text: piece, start: start + offset });
    offset += piece.length;
  }
  return parts;
}

/** Puts one hyphen at the compound seam nearest the middle: Kundenzufriedenheits-Befragung. */
function hyphenate(word: string, isKnown: (w: string) => boolean): string | undefined {
  const parts = splitCompound(word, isKnown);
  if (!parts || parts.length < 2) return undefined;
  let best = 1;
  let bestDistance = Infinity;
  let offset = 0;
  for (let i = 1; i < parts.length; i++) {
    offset += parts[i - 1]!.length;
    const distance = Math.abs(word.length / 2 - offset);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return `${parts.slice(0, best).join('')}-${capitalize(parts.slice(best).join('').toLowerCase())}`;
}
