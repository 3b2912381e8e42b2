import { describe, expect, it } from '@jest/globals';
import {
  publishedText,
  tagLinks,
  tagLinksWithInsertions,
  writtenOffset,
  type UtmDefaults,
  type UtmParameter,
  utmParametersFor,
} from './utm-tagging.rules';

const params: UtmParameter[] = [
  { key: 'utm_source', value: 'instagram' },
  { key: 'utm_medium', value: 'social' },
  { key: 'utm_campaign', value: 'spring' },
];
const TAGS = 'utm_source=instagram&utm_medium=social&utm_campaign=spring';

describe('tagLinks', () => {
  it('appends the parameters to a plain link', () => {
    expect(tagLinks('Neu: https://shop.example/kisten', params)).toBe(
      `Neu: https://shop.example/kisten?${TAGS}`,
    );
  });

  it('keeps an existing query and appends after it', () => {
    expect(tagLinks('https://shop.example/s?q=kiste&page=2', params)).toBe(
      `https://shop.example/s?q=kiste&page=2&${TAGS}`,
    );
  });

  it('keeps the fragment after the query', () => {
    expect(tagLinks('https://shop.example/faq?x=1#versand', params)).toBe(
      `https://shop.example/faq?x=1&${TAGS}#versand`,
    );
    expect(tagLinks('https://app.example/#/route?tab=2', params)).toBe(
      `https://app.example/?${TAGS}#/route?tab=2`,
    );
  });

  it('leaves encoded characters exactly as written', () => {
    expect(tagLinks('https://de.example/st%C3%BChle?farbe=gr%C3%BCn+hell&a=%26', params)).toBe(
      `https://de.example/st%C3%BChle?farbe=gr%C3%BCn+hell&a=%26&${TAGS}`,
    );
  });

  it('encodes the values it adds', () => {
    const spaced = [{ key: 'utm_campaign', value: 'Frühling & Sommer' }];
    expect(tagLinks('https://x.example/', spaced)).toBe(
      'https://x.example/?utm_campaign=Fr%C3%BChling%20%26%20Sommer',
    );
  });

  it('keeps a utm parameter the author wrote and adds only the missing ones', () => {
    expect(tagLinks('https://x.example/?utm_content=button&UTM_Source=newsletter', params)).toBe(
      'https://x.example/?utm_content=button&UTM_Source=newsletter&utm_medium=social&utm_campaign=spring',
    );
  });

  it('changes nothing on an already tagged link: tagging twice is tagging once', () => {
    const once = tagLinks('Hier: https://x.example/a?b=1#c und https://y.example.', params);
    expect(tagLinks(once, params)).toBe(once);
  });

  it('tags every link of the text', () => {
    expect(tagLinks('Eins https://a.example und zwei http://b.example/x', params)).toBe(
      `Eins https://a.example?${TAGS} und zwei http://b.example/x?${TAGS}`,
    );
  });

  it('does not swallow trailing punctuation into the link', () => {
    expect(tagLinks('Mehr unter https://a.example/info.', params)).toBe(
      `Mehr unter https://a.example/info?${TAGS}.`,
    );
    expect(tagLinks('Seht ihr https://a.example/x?y=1, oder?!', params)).toBe(
      `Seht ihr https://a.example/x?y=1&${TAGS}, oder?!`,
    );
    expect(tagLinks('(siehe https://a.example/p)', params)).toBe(
      `(siehe https://a.example/p?${TAGS})`,
    );
    expect(tagLinks('[Shop](https://a.example/s)', params)).toBe(
      `[Shop](https://a.example/s?${TAGS})`,
    );
  });

  it('keeps a bracket that belongs to the link', () => {
    expect(tagLinks('https://de.example/wiki/Kiste_(Begriff) ist gut', params)).toBe(
      `https://de.example/wiki/Kiste_(Begriff)?${TAGS} ist gut`,
    );
  });

  it('leaves links that are not http(s) untouched', () => {
    const text =
      'Schreib an mailto:team@example.com, ftp://files.example/x, www.example.com oder tel:+4930123';
    expect(tagLinks(text, params)).toBe(text);
  });

  it('does not take a link inside a word or path for a new link', () => {
    expect(tagLinks('xhttps://a.example', params)).toBe('xhttps://a.example');
  });

  it('does not append a second ampersand to a query ending in one', () => {
    expect(tagLinks('https://a.example/?x=1&', params)).toBe(`https://a.example/?x=1&${TAGS}`);
    expect(tagLinks('https://a.example/?#top', params)).toBe(`https://a.example/?${TAGS}#top`);
    // A question mark at the end is the sentence's.
    expect(tagLinks('Kennst du https://a.example/?', params)).toBe(
      `Kennst du https://a.example/?${TAGS}?`,
    );
  });

  it('leaves a text without links as it is', () => {
    expect(tagLinks('Kein Link, nur https:// und Worte.', params)).toBe(
      'Kein Link, nur https:// und Worte.',
    );
  });
});

describe('utmParametersFor', () => {
  const utm: UtmDefaults = {
    sources: { instagram: 'ig' },
    medium: 'social',
    campaign: 'spring',
    content: null,
    term: 'kisten',
  };

  it('takes utm_source from the platform, its identifier when none is set', () => {
    expect(utmParametersFor(utm, 'instagram')[0]).toEqual({ key: 'utm_source', value: 'ig' });
    expect(utmParametersFor(utm, 'mastodon')[0]).toEqual({
      key: 'utm_source',
      value: 'mastodon',
    });
  });

  it('adds content and term only when set', () => {
    expect(utmParametersFor(utm, 'x').map((p) => p.key)).toEqual([
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
    ]);
  });

  it('gives each channel its own source in the published text', () => {
    const text = 'https://a.example';
    expect(publishedText(text, utm, 'instagram')).toContain('utm_source=ig&');
    expect(publishedText(text, utm, 'bluesky')).toContain('utm_source=bluesky&');
    expect(publishedText(text, null, 'bluesky')).toBe(text);
  });
});

describe('tagLinksWithInsertions', () => {
  it('says where each link grew, so an offset in the tagged text maps back to the written one', () => {
    const written = 'A https://a.example/x#top und https://b.example?q=1 Ende';
    const { text, insertions } = tagLinksWithInsertions(written, params);
    expect(text).toBe(tagLinks(written, params));
    expect(insertions).toEqual([
      { at: written.indexOf('#top'), length: TAGS.length + 1 },
      { at: written.indexOf(' Ende'), length: TAGS.length + 1 },
    ]);
    // Before, inside and after the first insertion; after both.
    expect(writtenOffset(insertions, 2)).toBe(2);
    expect(writtenOffset(insertions, written.indexOf('#top') + 5)).toBe(written.indexOf('#top'));
    expect(writtenOffset(insertions, text.indexOf('#top'))).toBe(written.indexOf('#top'));
    expect(writtenOffset(insertions, text.indexOf('Ende'))).toBe(written.indexOf('Ende'));
  });

  it('inserts nothing into a link that has its parameters already', () => {
    const tagged = tagLinks('https://a.example/x', params);
    expect(tagLinksWithInsertions(tagged, params)).toEqual({ text: tagged, insertions: [] });
  });
});
