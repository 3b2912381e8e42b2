import { type Span } from './graphemes';
import { type TextEntity } from './entities';

export type Word = Span & { text: string };

/**
 * A word is letters, combining marks and digits, joined by apostrophes ("geht's", "don't"),
 * hyphens ("E-Mail-Adresse") and the gender signs before -in/-innen ("Kund:innen", "Kund*in").
 * \b is ASCII-only in JavaScript, so word ends are spelt out with Unicode classes.
 */
const WORD =
  /[\p{L}\p{M}\p{N}]+(?:(?:['’\-‐]|[:*_·](?=in(?:nen)?(?![\p{L}\p{M}\p{N}])))[\p{L}\p{M}\p{N}]+)*/gu;

export function extractWords(text: string, entities: readonly TextEntity[]): Word[] {
  const words: Word[] = [];
  let entityIndex = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    while (entityIndex < entities.length && entities[entityIndex]!.end <= start) entityIndex++;
    const entity = entities[entityIndex];
    if (entity && entity.start < end && entity.end > start) continue;
    words.push({ start, end, text: match[0] });
  }
  return words;
}

export function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (/\p{L}/u.test(ch)) n++;
  return n;
}

export function hasLetter(word: string): boolean {
  return /\p{L}/u.test(word);
}
