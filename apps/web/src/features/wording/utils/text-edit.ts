import { findingKey, type UiFinding, type UiFix } from './findings';

/** The one region two texts differ in: [from, oldEnd) in the old text became [from, newEnd). */
export type EditRegion = { from: number; oldEnd: number; newEnd: number };

/**
 * The changed region between two versions of a text, from their common prefix and suffix. A
 * keystroke, a paste or an applied fix is one region; for several scattered changes it spans them
 * all, which only makes the mapping below more cautious.
 */
export function editRegion(before: string, after: string): EditRegion | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let from = 0;
  while (from < max && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  while (
    tail < max - from &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  // Never split a surrogate pair: the engine's offsets never do.
  if (from > 0 && isHighSurrogate(before.charCodeAt(from - 1))) from--;
  return { from, oldEnd: before.length - tail, newEnd: after.length - tail };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_#@'’-]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/**
 * Moves a range of the old text onto the new one. A range the edit touched is dropped (null),
 * and so is one whose word got longer: "Helo" flagged in "Helo welt" is no finding for "Heloo".
 * The exception is an edit strictly inside a range of several words (a long sentence).
 */
export function mapRange(
  range: { start: number; end: number },
  before: string,
  after: string,
  region: EditRegion,
): { start: number; end: number } | null {
  const delta = region.newEnd - region.oldEnd;
  let start: number;
  let end: number;
  if (range.end <= region.from) {
    start = range.start;
    end = range.end;
  } else if (range.start >= region.oldEnd) {
    start = range.start + delta;
    end = range.end + delta;
  } else if (
    region.from > range.start &&
    region.oldEnd < range.end &&
    /\s/.test(before.slice(range.start, range.end))
  ) {
    // Typing inside a sentence or a whole post flagged as such (too long, a duplicate) keeps the
    // finding over the grown or shrunk range until the next check says otherwise.
    return { start: range.start, end: range.end + delta };
  } else {
    return null;
  }
  if (after.slice(start, end) !== before.slice(range.start, range.end)) return null;
  const sameBoundaries =
    isWordChar(before[range.start - 1]) === isWordChar(after[start - 1]) &&
    isWordChar(before[range.end]) === isWordChar(after[end]);
  return sameBoundaries ? { start, end } : null;
}

/**
 * Findings computed for `before`, placed onto `after`. This is what keeps underlines steady while
 * a new check is on its way: the previous answer stays, moved along with the text, and only the
 * findings the edit touched disappear until the next answer.
 */
export function mapFindings(
  findings: readonly UiFinding[],
  before: string,
  after: string,
): UiFinding[] {
  const region = editRegion(before, after);
  if (!region) return [...findings];
  const mapped: UiFinding[] = [];
  for (const finding of findings) {
    const range = mapRange(finding, before, after, region);
    if (!range) continue;
    const fixes: UiFix[] = [];
    for (const fix of finding.fixes) {
      const fixRange = mapRange(fix, before, after, region);
      if (fixRange) fixes.push({ ...fix, ...fixRange });
    }
    // A finding whose fixes no longer fit is still worth showing; its fixes are not.
    const moved = { ...finding, ...range, fixes };
    mapped.push({ ...moved, key: findingKey(moved) });
  }
  return mapped;
}

/** The text after a fix, and where the cursor goes: right after the replacement. */
export function applyFix(text: string, fix: UiFix): { text: string; cursor: number } {
  return {
    text: text.slice(0, fix.start) + fix.replacement + text.slice(fix.end),
    cursor: fix.start + fix.replacement.length,
  };
}
