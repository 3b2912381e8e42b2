/**
 * Grapheme clusters are what a person sees as one character (a family emoji, a flag, an "é"
 * written as e + combining accent). Intl.Segmenter exists in every supported browser and in Node.
 */

export type Span = { start: number; end: number };
export type Grapheme = Span & { segment: string };

let segmenter: Intl.Segmenter | undefined;

/**
 * Between two Latin-1 characters (below U+0100: ASCII, umlauts, ß) there is always a grapheme
 * boundary except inside CR LF: every other rule of UAX #29 that joins characters needs one from
 * further up (a combining mark, ZWJ, a variation selector, a regional indicator, Hangul). So
 * Latin-1 stretches, nearly all of a German or English post, are split by hand, and only the
 * stretches around other text go through Intl.Segmenter, which costs about a microsecond per
 * character.
 */
export function graphemesOf(text: string): Grapheme[] {
  const result: Grapheme[] = [];
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end > runStart) segmentRun(text, runStart, end, result);
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    if (code < 0x100 && next < 0x100 && !(code === 13 && next === 10)) {
      // text[i] ends a run here; a preceding non-ASCII stretch (with text[i]) goes to the segmenter.
      if (runStart < i) {
        flushRun(i + 1);
      } else {
        result.push({ start: i, end: i + 1, segment: text[i]! });
      }
      runStart = i + 1;
    }
  }
  flushRun(text.length);
  return result;
}

function segmentRun(text: string, start: number, end: number, into: Grapheme[]): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
    into.push({ start: start + index, end: start + index + segment.length, segment });
  }
}

// Keycap sequences (1️⃣) and flags are emoji without being Extended_Pictographic.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
// Text-presentation symbols such as © or ™ are pictographic but read as text unless FE0F follows.
const TEXT_DEFAULT = /^[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA]$/u;

export function isEmojiGrapheme(segment: string): boolean {
  if (!EMOJI.test(segment)) return false;
  return !TEXT_DEFAULT.test(segment);
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
