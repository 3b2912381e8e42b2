import { type LengthUnit, type Platform } from '../core/types';
import { extractEntities, type TextEntity } from '../text/entities';
import {
  codePointLength,
  type Grapheme,
  graphemesOf,
  isEmojiGrapheme,
  utf8Length,
} from '../text/graphemes';
import { PLATFORM_PROFILES } from './platform-profiles';
import { measureForX } from './x-length';

export type LengthOptions = {
  /** A channel's own limit (a Mastodon instance's, an X Premium account's). */
  characterLimit?: number;
  /** Telegram: measure against the caption limit. */
  asCaption?: boolean;
  /** Entities and graphemes of the text, when the caller has them already. */
  entities?: readonly TextEntity[];
  graphemes?: readonly Grapheme[];
};

export type Measurement = {
  used: number;
  limit: number | null;
  unit: LengthUnit;
  /** Offset in the original text where the part over the limit begins. */
  overflowStart: number | null;
  bytes?: { used: number; limit: number; overflowStart: number | null };
};

/**
 * Counts the way each platform counts. Every unit is measured on the NFC form of each grapheme,
 * so a text typed with combining accents (NFD, as macOS file names and some keyboards produce)
 * counts the same as its composed form, and offsets stay in the caller's text.
 */
export function measureText(
  text: string,
  platform: Platform,
  options: LengthOptions = {},
): Measurement {
  const profile = PLATFORM_PROFILES[platform];
  const baseLimit =
    options.asCaption && profile.captionLimit ? profile.captionLimit : profile.textLimit;
  const limit = options.characterLimit ?? baseLimit;

  if (platform === 'x') {
    const x = measureForX(text, limit ?? 280);
    return { used: x.used, limit: x.limit, unit: 'weighted', overflowStart: x.overflowStart };
  }

  const graphemes = options.graphemes ?? graphemesOf(text);
  const skipTo = countingShortcuts(platform, options.entities ?? extractEntities(text));
  let used = 0;
  let overflowStart: number | null = null;
  let bytes = 0;
  let bytesOverflow: number | null = null;
  for (let i = 0; i < graphemes.length; i++) {
    const g = graphemes[i]!;
    const shortcut = skipTo.get(g.start);
    let weight: number;
    let groupEnd = i;
    if (shortcut) {
      weight = shortcut.weight;
      while (groupEnd + 1 < graphemes.length && graphemes[groupEnd + 1]!.start < shortcut.end)
        groupEnd++;
    } else {
      weight = isAsciiChar(g.segment)
        ? 1
        : weigh(g.segment.normalize('NFC'), profile.unit, profile.emojiAsUtf8Bytes === true);
    }
    used += weight;
    if (limit !== null && overflowStart === null && used > limit) overflowStart = g.start;
    if (profile.byteLimit) {
      for (let k = i; k <= groupEnd; k++) {
        const segment = graphemes[k]!.segment;
        bytes += isAsciiChar(segment) ? 1 : utf8Length(segment.normalize('NFC'));
      }
      if (bytesOverflow === null && bytes > profile.byteLimit) bytesOverflow = g.start;
    }
    i = groupEnd;
  }
  const result: Measurement = { used, limit, unit: profile.unit, overflowStart };
  if (profile.byteLimit)
    result.bytes = { used: bytes, limit: profile.byteLimit, overflowStart: bytesOverflow };
  return result;
}

function isAsciiChar(segment: string): boolean {
  return segment.length === 1 && segment.charCodeAt(0) < 0x80;
}

function weigh(segment: string, unit: LengthUnit, emojiAsBytes: boolean): number {
  if (emojiAsBytes && isEmojiGrapheme(segment)) return utf8Length(segment);
  switch (unit) {
    case 'graphemes':
      return 1;
    case 'characters':
      return codePointLength(segment);
    case 'utf16':
      return segment.length;
    case 'bytes':
      return utf8Length(segment);
    case 'weighted':
      return codePointLength(segment);
  }
}

/**
 * Mastodon replaces every http(s) URL by 23 characters and counts a remote mention
 * (@user@instance) without its domain, as its server and composer do.
 */
function countingShortcuts(
  platform: Platform,
  entities: readonly TextEntity[],
): Map<number, { end: number; weight: number }> {
  const shortcuts = new Map<number, { end: number; weight: number }>();
  const urlWeight = PLATFORM_PROFILES[platform].urlWeight;
  if (urlWeight === undefined) return shortcuts;
  for (const e of entities) {
    if (e.kind === 'url' && /^https?:\/\//iu.test(e.value))
      shortcuts.set(e.start, { end: e.end, weight: urlWeight });
    if (e.kind === 'mention') {
      const second = e.value.indexOf('@', 1);
      if (second > 0)
        shortcuts.set(e.start, {
          end: e.end,
          weight: graphemesOf(e.value.slice(0, second)).length,
        });
    }
  }
  return shortcuts;
}
