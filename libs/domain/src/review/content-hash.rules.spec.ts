import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  type ApprovableContent,
  type ApprovableVariant,
  ContentHashError,
  contentHash,
} from './content-hash.rules';

const base: ApprovableContent = {
  title: 'Sommerfest',
  text: 'Wir feiern am Samstag – kommt vorbei!',
  media: [
    { id: 'm1', alt: 'Der Garten mit Lichterketten' },
    { id: 'm2', alt: null },
  ],
  channelIds: ['ch-insta', 'ch-bsky'],
  variants: [
    {
      channelId: 'ch-insta',
      text: 'Samstag ist Sommerfest! #sommer',
      options: { firstComment: 'Link in Bio' },
    },
    { channelId: 'ch-bsky', text: null },
  ],
  options: { linkedin: { visibility: 'public' } },
};

const hashOf = (change: Partial<ApprovableContent>): string => contentHash({ ...base, ...change });

describe('contentHash', () => {
  const original = contentHash(base);

  it('is 64 hex digits of SHA-256 and agrees with a platform hasher', () => {
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    const nodeHasher = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
    expect(contentHash(base, nodeHasher)).toBe(original);
  });

  it('ignores the planned time, tags and other non-content fields', () => {
    const moved = {
      ...base,
      plannedAt: '2026-07-04T10:00:00+02:00',
      tags: ['sommer'],
    } as ApprovableContent;
    expect(contentHash(moved)).toBe(original);
  });

  it('does not depend on key order, variant order or channel order', () => {
    const reordered: ApprovableContent = {
      options: { linkedin: { visibility: 'public' } },
      variants: [...(base.variants ?? [])].reverse(),
      channelIds: ['ch-bsky', 'ch-insta'],
      media: base.media,
      text: base.text,
      title: base.title,
    };
    expect(contentHash(reordered)).toBe(original);
  });

  it('does not depend on the Unicode normalisation form of any text', () => {
    const nfd: ApprovableContent = { ...base, text: 'Grüße aus München'.normalize('NFD') };
    const nfc: ApprovableContent = { ...base, text: 'Grüße aus München' };
    expect(nfd.text).not.toBe(nfc.text);
    expect(contentHash(nfd)).toBe(contentHash(nfc));
  });

  it('treats a channel without a variant like a variant that overrides nothing', () => {
    const implicit = hashOf({ variants: [base.variants![0]!] });
    expect(implicit).toBe(original);
  });

  it('treats a missing title like an empty one (the API stores "")', () => {
    expect(contentHash({ text: 'x', title: null })).toBe(contentHash({ text: 'x', title: '' }));
  });

  it.each<[string, Partial<ApprovableContent>]>([
    ['the base text', { text: base.text + ' ' }],
    ['the title', { title: 'Sommerfest 2026' }],
    [
      'a variant text',
      { variants: [{ ...base.variants![0]!, text: 'Samstag!' }, base.variants![1]!] },
    ],
    [
      'a variant falling back to the base text',
      { variants: [{ ...base.variants![0]!, text: null }, base.variants![1]!] },
    ],
    ['an added channel', { channelIds: [...base.channelIds!, 'ch-mastodon'] }],
    ['a removed channel', { channelIds: ['ch-insta'], variants: [base.variants![0]!] }],
    ['the order of the media', { media: [...base.media!].reverse() }],
    ['an alt text', { media: [{ id: 'm1', alt: 'Der Garten' }, base.media![1]!] }],
    [
      'the bytes behind a media id',
      { media: [{ ...base.media![0]!, sha256: 'b'.repeat(64) }, base.media![1]!] },
    ],
    ['a removed image', { media: [base.media![0]!] }],
    ['per-channel media', { variants: [{ ...base.variants![0]!, media: [] }, base.variants![1]!] }],
    [
      'a per-channel option',
      { variants: [{ ...base.variants![0]!, options: {} }, base.variants![1]!] },
    ],
    ['a post-wide option', { options: { linkedin: { visibility: 'connections' } } }],
  ])('changes when %s changes', (_what, change) => {
    expect(hashOf(change)).not.toBe(original);
  });

  it('with file hashes: a new file behind the same id changes it, the same file does not', () => {
    const withHash = (sha256: string) =>
      contentHash({ ...base, media: [{ id: 'm1', sha256, alt: 'Der Garten mit Lichterketten' }] });
    expect(withHash('a'.repeat(64))).toBe(withHash('a'.repeat(64)));
    expect(withHash('a'.repeat(64))).not.toBe(withHash('c'.repeat(64)));
  });

  describe('per-channel media', () => {
    const own = (media: ApprovableVariant['media']) =>
      hashOf({ variants: [{ ...base.variants![0]!, media }, base.variants![1]!] });
    const xList = [
      { id: 'm2', sha256: 'b'.repeat(64), alt: 'Kuchen' },
      { id: 'm1', sha256: 'a'.repeat(64), alt: 'Der Garten' },
    ];

    it('is part of the hash: order, alt text, bytes and leaving one out each change it', () => {
      const approved = own(xList);
      expect(own(xList)).toBe(approved);
      expect(own([...xList].reverse())).not.toBe(approved);
      expect(own([xList[0]!, { ...xList[1]!, alt: 'Garten' }])).not.toBe(approved);
      expect(own([xList[0]!, { ...xList[1]!, sha256: 'c'.repeat(64) }])).not.toBe(approved);
      expect(own([xList[0]!])).not.toBe(approved);
      expect(own([])).not.toBe(approved);
    });

    it('tells "the post’s media" apart from an own list that happens to hold the same', () => {
      // Following the post means a later change of the post's media reaches this channel too.
      expect(own(null)).toBe(original);
      expect(own(undefined)).toBe(original);
      expect(own(base.media)).not.toBe(original);
    });

    it('binds each list to its channel: the same list on another channel is other content', () => {
      const onInsta = own(xList);
      const onBsky = hashOf({
        variants: [base.variants![0]!, { ...base.variants![1]!, media: xList }],
      });
      expect(onInsta).not.toBe(onBsky);
    });

    it('changes with the post’s media even where a channel has its own', () => {
      const withOwn = { variants: [{ ...base.variants![0]!, media: xList }, base.variants![1]!] };
      expect(hashOf({ ...withOwn, media: [base.media![0]!] })).not.toBe(hashOf(withOwn));
    });
  });

  it('refuses two variants for one channel instead of hashing one of them', () => {
    expect(() => hashOf({ variants: [base.variants![0]!, base.variants![0]!] })).toThrow(
      ContentHashError,
    );
  });

  it('keeps text and variant fields apart (no concatenation ambiguity)', () => {
    expect(contentHash({ text: 'ab', title: '' })).not.toBe(contentHash({ text: 'b', title: 'a' }));
  });
});

describe('contentHash of tagged links', () => {
  const untagged = contentHash(base);

  it('hashes content without tagged texts as it always did', () => {
    expect(contentHash({ ...base, published: [] })).toBe(untagged);
  });

  it('changes with the tagged text a channel publishes, in any order of channels', () => {
    const a = { channelId: 'ch-insta', text: 'https://x.example?utm_source=instagram' };
    const b = { channelId: 'ch-bsky', text: 'https://x.example?utm_source=bluesky' };
    const tagged = contentHash({ ...base, published: [a, b] });
    expect(tagged).not.toBe(untagged);
    expect(contentHash({ ...base, published: [b, a] })).toBe(tagged);
    expect(
      contentHash({ ...base, published: [a, { ...b, text: `${b.text}&utm_term=x` }] }),
    ).not.toBe(tagged);
  });
});
