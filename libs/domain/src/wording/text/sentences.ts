import { type Span } from './graphemes';
import { type Word } from './words';

export type Sentence = Span & { words: Word[] };

// Abbreviations whose period does not end a sentence. Single letters ("z. B.", "d. h.", "e.g.")
// are handled generally.
const ABBREVIATIONS = new Set([
  'bzw',
  'ca',
  'usw',
  'etc',
  'evtl',
  'ggf',
  'inkl',
  'zzgl',
  'vgl',
  'bspw',
  'sog',
  'ugs',
  'dt',
  'engl',
  'dr',
  'prof',
  'nr',
  'str',
  'tel',
  'abs',
  'hr',
  'fr',
  'jan',
  'feb',
  'mär',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez',
  'mio',
  'mrd',
  'min',
  'max',
  'std',
  'mr',
  'mrs',
  'ms',
  'vs',
  'st',
  'no',
  'approx',
  'incl',
  'dept',
  'est',
]);

const TERMINATOR = /[.!?…]/u;
const CLOSERS = /["'“”„»«’)\]]/u;

/**
 * Splits prose into sentences at . ! ? … followed by white space, and at line breaks (social
 * posts use lines as sentences). Abbreviations and ordinals ("am 3. Oktober") do not split.
 */
export function splitSentences(text: string, words: readonly Word[]): Sentence[] {
  const boundaries: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      boundaries.push(i);
      continue;
    }
    if (!TERMINATOR.test(ch)) continue;
    let end = i + 1;
    while (end < text.length && (TERMINATOR.test(text[end]!) || CLOSERS.test(text[end]!))) end++;
    if (end < text.length && !/\s/u.test(text[end]!)) {
      i = end - 1;
      continue;
    }
    if (ch === '.' && end === i + 1 && periodBelongsToWord(text, i)) continue;
    boundaries.push(end);
    i = end - 1;
  }
  boundaries.push(text.length);

  const sentences: Sentence[] = [];
  let from = 0;
  let wordIndex = 0;
  for (const boundary of boundaries) {
    let start = from;
    let end = boundary;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    from = boundary;
    if (end <= start) continue;
    const sentenceWords: Word[] = [];
    while (wordIndex < words.length && words[wordIndex]!.start < end) {
      const word = words[wordIndex]!;
      if (word.start >= start) sentenceWords.push(word);
      wordIndex++;
    }
    sentences.push({ start, end, words: sentenceWords });
  }
  return sentences;
}

function periodBelongsToWord(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start--;
  const token = text.slice(start, dot);
  if (token.length === 0) return false;
  if (/^\p{L}$/u.test(token)) return true;
  if (/^\d{1,2}$/u.test(token)) return /^\s+\p{L}/u.test(text.slice(dot + 1, dot + 4)); // ordinal
  return ABBREVIATIONS.has(token.toLowerCase());
}
