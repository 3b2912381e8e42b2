import { type Span } from './graphemes';

/**
 * URLs, e-mail addresses, mentions and hashtags: parts of a post that are not prose. Spelling,
 * readability and brand rules skip them; link and hashtag rules look only at them.
 */
export type EntityKind = 'url' | 'email' | 'mention' | 'hashtag';
export type TextEntity = Span & { kind: EntityKind; value: string };

const SCHEME_OR_WWW_URL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"«»“”„]+/giu;
const EMAIL =
  /(?<![\p{L}\p{N}._%+@-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// @user (X, Instagram), @user@instance.social (Mastodon), @handle.bsky.social (Bluesky).
const MENTION =
  /(?<![\p{L}\p{N}_@/.])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
// Bare domains are only links with a TLD people actually use; "z.B" or "ca.5" are not.
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@.\-/])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:com|de|at|ch|net|org|eu|io|info|co|me|app|dev|shop|social|online|ly|tv|biz|berlin|hamburg|koeln|bayern|uk|us|fr|it|nl|es|pl|be|dk|se|no|fi|cz|li|lu|ai|gg|to|link|blog|news|store|page|site|xyz|club|space)(?![\p{L}\p{N}-])(?:[/?#][^\s<>"«»“”„]*)?/giu;
// A hashtag needs one letter: "#1" is a ranking, "#1st" a tag (same as X and Mastodon).
const HASHTAG = /(?<![\p{L}\p{N}_&/#])[#＃](?=[\p{L}\p{M}\p{N}_]*\p{L})[\p{L}\p{M}\p{N}_]+/gu;

const TRAILING_PUNCTUATION = /[.,;:!?'’"»)\]}…]+$/u;

/** URLs end before trailing punctuation, except a closing bracket that closes one in the URL. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const match = TRAILING_PUNCTUATION.exec(url);
    if (!match) return url;
    const tail = match[0];
    let keep = 0;
    // Keep ")" when the URL opened "(" (Wikipedia links).
    for (let i = 0; i < tail.length; i++) {
      const ch = tail[i];
      if (
        ch === ')' &&
        countOf(url.slice(0, url.length - tail.length + i), '(') >
          countOf(url.slice(0, url.length - tail.length + i), ')')
      )
        keep = i + 1;
      else break;
    }
    if (keep === 0) return url.slice(0, url.length - tail.length);
    if (keep === tail.length) return url;
    url = url.slice(0, url.length - tail.length + keep);
  }
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

export function extractEntities(text: string): TextEntity[] {
  const found: TextEntity[] = [];
  const overlaps = (start: number, end: number) =>
    found.some((e) => start < e.end && end > e.start);
  const collect = (pattern: RegExp, kind: EntityKind, trim: boolean) => {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = trim ? trimUrl(match[0]) : match[0];
      const start = match.index;
      const end = start + value.length;
      if (value.length === 0 || overlaps(start, end)) continue;
      found.push({ kind, start, end, value });
    }
  };
  collect(SCHEME_OR_WWW_URL, 'url', true);
  collect(EMAIL, 'email', false);
  collect(MENTION, 'mention', false);
  collect(BARE_DOMAIN, 'url', true);
  collect(HASHTAG, 'hashtag', false);
  return found.sort((a, b) => a.start - b.start);
}

export function insideAny(span: Span, entities: readonly Span[]): boolean {
  return entities.some((e) => span.start < e.end && span.end > e.start);
}
