/**
 * Rich-text facets for a Bluesky post: links, mentions and hashtags, each with the UTF-8 byte
 * range it covers (Bluesky indexes text by UTF-8 bytes, not by JavaScript's UTF-16 units).
 * Pure: mentions come out with the handle; the adapter resolves each handle to a DID and
 * drops the ones that do not resolve (as Bluesky's own apps do).
 */

export type ByteRange = { byteStart: number; byteEnd: number };

export type FacetCandidate =
  | { kind: 'link'; index: ByteRange; uri: string }
  | { kind: 'mention'; index: ByteRange; handle: string }
  | { kind: 'tag'; index: ByteRange; tag: string };

export type BlueskyFacet = {
  $type?: 'app.bsky.richtext.facet';
  index: ByteRange;
  features: (
    | { $type: 'app.bsky.richtext.facet#link'; uri: string }
    | { $type: 'app.bsky.richtext.facet#mention'; did: string }
    | { $type: 'app.bsky.richtext.facet#tag'; tag: string }
  )[];
};

const encoder = new TextEncoder();

/** The UTF-8 byte offset of a UTF-16 index. */
export function utf8Offset(text: string, utf16Index: number): number {
  return encoder.encode(text.slice(0, utf16Index)).length;
}

// Bare domains become links only with a TLD people actually use, so "z.B." or "v1.2" do not.
const COMMON_TLDS =
  'com|de|at|ch|net|org|eu|io|info|co|me|app|dev|shop|social|online|ly|tv|biz|berlin|uk|us|fr|it|nl|es|pl|be|dk|se|no|fi|cz|li|lu|ai|gg|to|link|blog|news|store|page|site|xyz|club|space';
const URL_PATTERN = new RegExp(
  String.raw`(?<=^|[\s(])(?:https?:\/\/[^\s<>"]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${COMMON_TLDS})(?![a-z0-9-])(?:[/?#][^\s<>"]*)?)`,
  'giu',
);
// A handle is a domain name: at least one dot, a last label of letters (".test" included).
const MENTION_PATTERN =
  /(?<=^|[\s(])@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)(?![a-z0-9.-]*[a-z0-9])/giu;
// Bluesky's rule: "#" then anything up to white space, with at least one character that is
// neither a digit nor punctuation; trailing punctuation is not part of the tag; 64 at most.
// Invisible characters (soft hyphen, word joiner, zero-width spaces and joiners, the
// combining enclosing keycap) end a tag like white space; held as escapes, not literals.
const INVISIBLE = [0xad, 0x2060, 0x200a, 0x200b, 0x200c, 0x200d, 0x20e2]
  .map((code) => `\\u${code.toString(16).padStart(4, '0')}`)
  .join('');
const TAG_PATTERN = new RegExp(
  String.raw`(?<=^|\s)[#＃]((?!\ufe0f)[^\s${INVISIBLE}]*[^\d\s\p{P}${INVISIBLE}][^\s${INVISIBLE}]*)`,
  'gu',
);
const TAG_MAX_LENGTH = 64;

/** A URL ends before trailing punctuation, except a ")" closing a "(" inside it. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    if (/[.,;:!?'"’»\]}…]/u.test(last)) {
      url = url.slice(0, -1);
      continue;
    }
    if (last === ')' && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

/** Links, mentions and hashtags of a text, in order, with UTF-8 byte ranges. */
export function detectFacets(text: string): FacetCandidate[] {
  const found: (FacetCandidate & { start: number; end: number })[] = [];
  const overlaps = (start: number, end: number) =>
    found.some((f) => start < f.end && end > f.start);
  const range = (start: number, end: number): ByteRange => ({
    byteStart: utf8Offset(text, start),
    byteEnd: utf8Offset(text, end),
  });

  for (const match of text.matchAll(URL_PATTERN)) {
    const value = trimUrl(match[0]);
    const start = match.index;
    const end = start + value.length;
    if (value === '' || overlaps(start, end)) continue;
    const uri = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    try {
      new URL(uri);
    } catch {
      continue;
    }
    found.push({ kind: 'link', index: range(start, end), uri, start, end });
  }
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    const handle = (match[1] ?? '').toLowerCase();
    found.push({ kind: 'mention', index: range(start, end), handle, start, end });
  }
  for (const match of text.matchAll(TAG_PATTERN)) {
    const tag = (match[1] ?? '').replace(/\p{P}+$/u, '');
    if (tag === '' || [...tag].length > TAG_MAX_LENGTH) continue;
    const start = match.index;
    const end = start + 1 + tag.length;
    if (overlaps(start, end)) continue;
    found.push({ kind: 'tag', index: range(start, end), tag, start, end });
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map(({ start: _start, end: _end, ...candidate }) => candidate);
}

/**
 * The facets of a post, given a resolver from handle to DID (null: unknown handle, which
 * then stays plain text).
 */
export async function buildFacets(
  text: string,
  resolveHandle: (handle: string) => Promise<string | null>,
): Promise<BlueskyFacet[]> {
  const facets: BlueskyFacet[] = [];
  const dids = new Map<string, string | null>();
  for (const candidate of detectFacets(text)) {
    switch (candidate.kind) {
      case 'link':
        facets.push({
          index: candidate.index,
          features: [{ $type: 'app.bsky.richtext.facet#link', uri: candidate.uri }],
        });
        break;
      case 'tag':
        facets.push({
          index: candidate.index,
          features: [{ $type: 'app.bsky.richtext.facet#tag', tag: candidate.tag }],
        });
        break;
      case 'mention': {
        if (!dids.has(candidate.handle))
          dids.set(candidate.handle, await resolveHandle(candidate.handle));
        const did = dids.get(candidate.handle);
        if (did) {
          facets.push({
            index: candidate.index,
            features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
          });
        }
        break;
      }
    }
  }
  return facets;
}
