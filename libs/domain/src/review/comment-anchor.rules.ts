import { type ReviewFailure, reviewFailure } from './review-error.model';

/**
 * Where a comment points: the quoted words of one text (the base text or a channel's variant;
 * the comment row says which) with a little context either side and the position they had.
 * Positions are UTF-16 code unit offsets, the unit of JavaScript strings and of the editor.
 */
export type TextAnchor = {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

export type AnchorRange = { start: number; end: number };
export type ReanchorResult = AnchorRange | { outdated: true };

/** Enough to tell one "und" from another in a social post, short enough to survive edits nearby. */
export const ANCHOR_CONTEXT_LENGTH = 32;

/**
 * A match whose surroundings resemble the old context less than this is more likely the same
 * words in another sentence than the commented ones, unless the quote is long enough to be
 * telling by itself.
 */
const MIN_CONTEXT_SIMILARITY = 0.5;
const SELF_EVIDENT_QUOTE_LENGTH = 12;
/** Extra characters looked at around a candidate, so an insertion next to the quote is absorbed. */
const CONTEXT_SLACK = 8;
const MAX_FINE_CANDIDATES = 64;

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const splitsPair = (text: string, i: number): boolean =>
  i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

export function createAnchor(
  text: string,
  start: number,
  end: number,
  contextLength = ANCHOR_CONTEXT_LENGTH,
): TextAnchor | ReviewFailure {
  const valid =
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    start < end;
  if (!valid || splitsPair(text, start) || splitsPair(text, end)) {
    return reviewFailure(
      'ANCHOR_RANGE_INVALID',
      'Select at least one character of the text to comment on',
      {
        start,
        end,
        length: text.length,
      },
    );
  }
  // Context edges move inwards rather than cut an emoji in half: a lone surrogate cannot be
  // stored in PostgreSQL's jsonb.
  let from = Math.max(0, start - contextLength);
  if (splitsPair(text, from)) from += 1;
  let to = Math.min(text.length, end + contextLength);
  if (splitsPair(text, to)) to -= 1;
  return {
    quote: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
    start,
    end,
  };
}

/** Longest common subsequence length: in-order matching characters, robust to small edits. */
function lcsLength(a: string, b: string): number {
  let previous = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * Finds the anchor's quote in a later version of the text. Only exact occurrences count (a
 * comment on words that were rewritten is outdated, not moved); among them the one whose
 * surroundings match the old context best wins, then the one nearest the old position.
 */
export function reanchor(anchor: TextAnchor, text: string): ReanchorResult {
  if (anchor.quote === '') return { outdated: true };
  const contextLength = anchor.prefix.length + anchor.suffix.length;
  const windows = (start: number): [string, string] => {
    const end = start + anchor.quote.length;
    return [
      text.slice(Math.max(0, start - anchor.prefix.length - CONTEXT_SLACK), start),
      text.slice(end, end + anchor.suffix.length + CONTEXT_SLACK),
    ];
  };
  // A cheap score (untouched context next to the quote) orders all occurrences; the finer,
  // edit-tolerant score is computed for the best few only, so a one-letter quote in a long
  // text cannot make this quadratic.
  const ranked = occurrences(text, anchor.quote)
    .map((start) => {
      const [before, after] = windows(start);
      const exact =
        commonSuffixLength(anchor.prefix, before) + commonPrefixLength(anchor.suffix, after);
      return { start, exact, distance: Math.abs(start - anchor.start) };
    })
    .sort((x, y) => y.exact - x.exact || x.distance - y.distance)
    .slice(0, MAX_FINE_CANDIDATES);
  let best: { start: number; context: number; distance: number } | null = null;
  for (const { start, exact, distance } of ranked) {
    const [before, after] = windows(start);
    const context =
      exact === contextLength
        ? exact
        : lcsLength(anchor.prefix, before) + lcsLength(anchor.suffix, after);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { start, context, distance };
    }
  }
  if (!best) return { outdated: true };
  const similarity = contextLength === 0 ? 1 : best.context / contextLength;
  if (similarity < MIN_CONTEXT_SIMILARITY && anchor.quote.length < SELF_EVIDENT_QUOTE_LENGTH) {
    return { outdated: true };
  }
  return { start: best.start, end: best.start + anchor.quote.length };
}

export type AppliedSuggestion = { ok: true; text: string; range: AnchorRange };

/**
 * Applies a reviewer's proposed replacement to the current text. If the quoted words are gone
 * the suggestion is refused rather than applied to whatever now stands there.
 */
export function applySuggestion(
  text: string,
  anchor: TextAnchor,
  replacement: string,
): AppliedSuggestion | ReviewFailure {
  const found = reanchor(anchor, text);
  if ('outdated' in found) {
    return reviewFailure(
      'SUGGESTION_OUTDATED',
      `The suggested change no longer fits: "${anchor.quote}" is not in the text any more`,
      { quote: anchor.quote },
    );
  }
  return {
    ok: true,
    text: text.slice(0, found.start) + replacement + text.slice(found.end),
    range: { start: found.start, end: found.start + replacement.length },
  };
}
