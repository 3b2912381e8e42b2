/**
 * LinkedIn's "little text format" for post commentary: | { } @ [ ] ( ) < > # \ * _ ~ are
 * reserved and must be escaped with a backslash to be plain text, or LinkedIn cuts the post
 * at the first unescaped one and still answers 201 (learn.microsoft.com/linkedin/marketing/
 * community-management/shares/little-text-format). Everything is escaped, URLs included
 * (LinkedIn links a URL in the text it shows, after the escapes are gone); hashtags become
 * the hashtag template so they stay clickable.
 */

const RESERVED = /[|{}@[\]()<>#\\*_~]/g;
const URL = /\bhttps?:\/\/[^\s<>"]+/giu;
// A hashtag as LinkedIn shows one: letters, digits and underscores after "#", one letter at least.
const HASHTAG = /(?<![\p{L}\p{N}_&/#])#(?=[\p{L}\p{M}\p{N}_]*\p{L})([\p{L}\p{M}\p{N}_]+)/gu;

export function escapeLittleText(text: string): string {
  return text.replace(RESERVED, (ch) => `\\${ch}`);
}

/** Plain text (as a person wrote it) to LinkedIn commentary. */
export function toLittleText(text: string): string {
  const urls = [...text.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let out = '';
  let at = 0;
  for (const m of text.matchAll(HASHTAG)) {
    const start = m.index;
    // A "#" inside a URL (a fragment) is part of the URL, not a hashtag.
    if (urls.some((u) => start >= u.start && start < u.end)) continue;
    out += escapeLittleText(text.slice(at, start)) + `{hashtag|\\#|${escapeLittleText(m[1]!)}}`;
    at = start + m[0].length;
  }
  return out + escapeLittleText(text.slice(at));
}

/**
 * What LinkedIn shows for a commentary: escapes removed, hashtag templates as "#tag", and the
 * text cut at the first unescaped reserved character, as LinkedIn does. Used by the fake and
 * the tests to prove nothing is lost.
 */
export function renderLittleText(commentary: string): string {
  let out = '';
  for (let i = 0; i < commentary.length; i++) {
    const ch = commentary[i]!;
    if (ch === '\\' && i + 1 < commentary.length) {
      out += commentary[++i];
      continue;
    }
    if (ch === '{') {
      const template = /^\{hashtag\|\\#\|((?:\\.|[^}\\])+)\}/.exec(commentary.slice(i));
      if (template) {
        out += `#${template[1]!.replace(/\\(.)/g, '$1')}`;
        i += template[0].length - 1;
        continue;
      }
    }
    if (/[|{}@[\]()<>#*_~]/.test(ch)) return out;
    out += ch;
  }
  return out;
}
