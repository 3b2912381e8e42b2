import { buildFacets, detectFacets, utf8Offset } from './bluesky-facets';
import { TID_PATTERN, publicationRecordKey, tidFrom } from './bluesky-tid';

const bytes = (s: string) => new TextEncoder().encode(s);
/** The text a byte range covers, decoded the way Bluesky's apps read it. */
const covered = (text: string, index: { byteStart: number; byteEnd: number }) =>
  new TextDecoder().decode(bytes(text).slice(index.byteStart, index.byteEnd));

describe('Bluesky facets', () => {
  it('counts umlauts and emoji before a link in UTF-8 bytes, not UTF-16 units', () => {
    const text = 'Grüße 👨‍👩‍👧 aus Köln: https://example.com/sommer';
    const [link] = detectFacets(text);
    // "Grüße " is 8 bytes, the family emoji 18, " aus Köln: " 12: the link starts at byte 38.
    expect(link).toEqual({
      kind: 'link',
      uri: 'https://example.com/sommer',
      index: { byteStart: 38, byteEnd: 38 + 'https://example.com/sommer'.length },
    });
    expect(text.indexOf('https')).toBe(25); // where a UTF-16 offset would wrongly put it
    expect(covered(text, link!.index)).toBe('https://example.com/sommer');
  });

  it('finds links, mentions and hashtags in order, each covering exactly its text', () => {
    const text = 'Danke @anna.bsky.social für #Sommerfest2026 🎉 → mehr auf postplan.de/fest.';
    const facets = detectFacets(text);
    expect(facets.map((f) => f.kind)).toEqual(['mention', 'tag', 'link']);
    expect(facets.map((f) => covered(text, f.index))).toEqual([
      '@anna.bsky.social',
      '#Sommerfest2026',
      'postplan.de/fest',
    ]);
    expect(facets[0]).toMatchObject({ handle: 'anna.bsky.social' });
    expect(facets[1]).toMatchObject({ tag: 'Sommerfest2026' });
    expect(facets[2]).toMatchObject({ uri: 'https://postplan.de/fest' });
  });

  it('ends a link before trailing punctuation but keeps a closing bracket the link opened', () => {
    const text =
      'Siehe (https://de.wikipedia.org/wiki/Köln_(Begriffsklärung)), oder https://x.de/a!';
    const links = detectFacets(text).filter((f) => f.kind === 'link');
    expect(links.map((l) => covered(text, l.index))).toEqual([
      'https://de.wikipedia.org/wiki/Köln_(Begriffsklärung)',
      'https://x.de/a',
    ]);
  });

  it('leaves things that only look like entities as plain text', () => {
    const text = 'Platz #1, z.B. heute, mail an info@postplan.de, @anna ohne Domain, C#Sharp';
    expect(detectFacets(text)).toEqual([]);
  });

  it('takes a hashtag with umlauts and drops its trailing punctuation', () => {
    const text = 'Heute: #Grünkohl! Und #über';
    const tags = detectFacets(text);
    expect(tags.map((t) => (t.kind === 'tag' ? t.tag : null))).toEqual(['Grünkohl', 'über']);
    expect(tags.map((t) => covered(text, t.index))).toEqual(['#Grünkohl', '#über']);
  });

  it('ends a hashtag at an invisible zero-width space, as Bluesky does', () => {
    const [tag] = detectFacets('#Sommer\u200bfest');
    expect(tag).toMatchObject({ kind: 'tag', tag: 'Sommer', index: { byteStart: 0, byteEnd: 7 } });
  });

  it('turns resolved mentions into DIDs and leaves unknown handles as text', async () => {
    const text = 'Hallo @anna.bsky.social und @niemand.example.com #hi';
    const facets = await buildFacets(text, (handle) =>
      Promise.resolve(handle === 'anna.bsky.social' ? 'did:plc:anna' : null),
    );
    expect(facets).toEqual([
      {
        index: { byteStart: 6, byteEnd: 23 },
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:anna' }],
      },
      {
        index: { byteStart: utf8Offset(text, text.indexOf('#hi')), byteEnd: text.length },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'hi' }],
      },
    ]);
  });
});

describe('Bluesky record keys', () => {
  it('encodes a TID as Bluesky does: 13 sortable base-32 characters', () => {
    expect(tidFrom(0n, 0)).toBe('2222222222222');
    expect(tidFrom(1n, 0)).toBe('2222222222322'); // one microsecond is bit 10
    // The same values through @atproto/common-web's TID.fromTime give these strings.
    expect(tidFrom(1_700_000_000_000_000n, 1023)).toBe('3ke6kg3wk22zz');
    expect(tidFrom(1_735_689_600_000_000n, 5)).toBe('3lenax2ss2227');
    expect(tidFrom(1_700_000_000_000_000n, 5) < tidFrom(1_700_000_000_000_001n, 0)).toBe(true);
  });

  it('gives a publication the same key on every attempt and different publications different keys', () => {
    const at = '2026-12-03T09:00:00.000Z';
    const first = publicationRecordKey('pub-1', at);
    expect(first).toMatch(TID_PATTERN);
    expect(publicationRecordKey('pub-1', at)).toBe(first);
    const others = new Set(
      Array.from({ length: 500 }, (_, i) => publicationRecordKey(`pub-${i + 2}`, at)),
    );
    expect(others.size).toBe(500);
    expect(others.has(first)).toBe(false);
  });
});
