import { type Platform } from '../platform';

/**
 * A campaign's UTM defaults: `utm_source` per platform (a platform not listed uses its
 * identifier), and the parameters every channel shares.
 */
export type UtmDefaults = {
  sources: Partial<Record<Platform, string>>;
  medium: string;
  campaign: string;
  content: string | null;
  term: string | null;
};

/** One parameter to add, in the order it is appended. */
export type UtmParameter = { key: string; value: string };

/** The parameters one channel's links get: `utm_source` from its platform, then the shared ones. */
export function utmParametersFor(utm: UtmDefaults, platform: Platform): UtmParameter[] {
  const params: UtmParameter[] = [
    { key: 'utm_source', value: utm.sources[platform] ?? platform },
    { key: 'utm_medium', value: utm.medium },
    { key: 'utm_campaign', value: utm.campaign },
  ];
  if (utm.content) params.push({ key: 'utm_content', value: utm.content });
  if (utm.term) params.push({ key: 'utm_term', value: utm.term });
  return params;
}

/**
 * Where links are: http or https, up to whitespace, angle brackets or quotes. The scheme must
 * not follow a letter, digit or slash, so `xhttps://` or a path segment is not taken for a link.
 */
const LINK = /(?<![\p{L}\p{N}/])https?:\/\/[^\s<>"“”‘’«»]+/giu;

/** Characters a sentence puts after a link; they end the sentence, not the link. */
const TRAILING = /[.,;:!?'*…]$/u;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** A link's end without trailing punctuation; a closing bracket stays when the link opened it. */
function linkEnd(candidate: string): string {
  let link = candidate;
  for (;;) {
    const last = link.at(-1);
    if (last === undefined) return link;
    if (TRAILING.test(last)) {
      link = link.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener !== undefined && count(link, opener) < count(link, last)) {
      link = link.slice(0, -1);
      continue;
    }
    return link;
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/** The parameter names already in a query, decoded where that is possible, lower-cased. */
function queryKeys(query: string): Set<string> {
  const keys = new Set<string>();
  for (const pair of query.split('&')) {
    const raw = pair.split('=', 1)[0]!;
    if (raw === '') continue;
    let key = raw;
    try {
      key = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // A malformed escape: compare the key as written.
    }
    keys.add(key.toLowerCase());
  }
  return keys;
}

/**
 * One link with the parameters appended. The link's own characters are never decoded or
 * re-encoded: its query stays byte for byte, the new parameters follow it, and the fragment
 * follows them. A parameter the author wrote (any case: `UTM_Source`) stays as written and is
 * not added a second time.
 */
export function tagLink(link: string, params: readonly UtmParameter[]): string {
  const hashAt = link.indexOf('#');
  const beforeHash = hashAt === -1 ? link : link.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : link.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  const present = queryKeys(query);
  const added = params
    .filter((p) => !present.has(p.key.toLowerCase()))
    .map((p) => `${encodeURIComponent(p.key)}=${encodeURIComponent(p.value)}`);
  if (added.length === 0) return link;
  const joiner = query === '' || query.endsWith('&') ? '' : '&';
  return `${base}?${query}${joiner}${added.join('&')}${fragment}`;
}

/** Where tagging inserted characters: the offset in the written text, and how many. */
export type TextInsertion = { at: number; length: number };

/**
 * The text with UTM parameters appended to every http(s) link in it, as it is published and
 * approved. Everything else (other schemes, bare domains, the words around) stays as written.
 * Tagging is idempotent: tagging a tagged text changes nothing.
 */
export function tagLinks(text: string, params: readonly UtmParameter[]): string {
  return tagLinksWithInsertions(text, params).text;
}

/**
 * `tagLinks`, with where it inserted: tagging only ever inserts (before a link's fragment, or
 * at its end), so an offset in the tagged text maps back to the written one (`writtenOffset`).
 */
export function tagLinksWithInsertions(
  text: string,
  params: readonly UtmParameter[],
): { text: string; insertions: TextInsertion[] } {
  const insertions: TextInsertion[] = [];
  if (params.length === 0) return { text, insertions };
  const tagged = text.replace(LINK, (candidate: string, offset: number) => {
    const link = linkEnd(candidate);
    // Only a scheme and punctuation ("https://."): nothing to tag.
    if (!/^https?:\/\/[^/?#]/iu.test(link)) return candidate;
    const taggedLink = tagLink(link, params);
    if (taggedLink.length > link.length) {
      const hashAt = link.indexOf('#');
      insertions.push({
        at: offset + (hashAt === -1 ? link.length : hashAt),
        length: taggedLink.length - link.length,
      });
    }
    return taggedLink + candidate.slice(link.length);
  });
  return { text: tagged, insertions };
}

/**
 * The written text's offset of an offset in the tagged text. One inside inserted parameters
 * maps to where they were inserted (the end of the link as written).
 */
export function writtenOffset(insertions: readonly TextInsertion[], taggedOffset: number): number {
  let shift = 0;
  for (const ins of insertions) {
    const taggedAt = ins.at + shift;
    if (taggedOffset < taggedAt) break;
    if (taggedOffset < taggedAt + ins.length) return ins.at;
    shift += ins.length;
  }
  return taggedOffset - shift;
}

/** The text one channel publishes: tagged when its post belongs to a campaign with UTM defaults. */
export function publishedText(text: string, utm: UtmDefaults | null, platform: Platform): string {
  return utm ? tagLinks(text, utmParametersFor(utm, platform)) : text;
}

/** `publishedText`, with where the tagging inserted (none without UTM defaults). */
export function publishedTextWithInsertions(
  text: string,
  utm: UtmDefaults | null,
  platform: Platform,
): { text: string; insertions: TextInsertion[] } {
  return utm
    ? tagLinksWithInsertions(text, utmParametersFor(utm, platform))
    : { text, insertions: [] };
}
