import { describe, expect, it } from '@jest/globals';
import { detectLocale } from './detect-locale';
import { de } from './messages-de';
import { en } from './messages-en';
import { createTranslate, interpolate, placeholders } from './translate';

describe('message catalogues', () => {
  const keys = Object.keys(en) as (keyof typeof en)[];

  it('have the same keys in German and English', () => {
    expect(Object.keys(de).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s is translated in both languages with the same placeholders', (key) => {
    expect(en[key].trim()).not.toBe('');
    expect(de[key].trim()).not.toBe('');
    expect(placeholders(de[key])).toEqual(placeholders(en[key]));
  });

  it('really is German: the everyday words differ from English', () => {
    const same = keys.filter(
      (key) =>
        de[key] === en[key] &&
        !key.startsWith('platform.') &&
        !['app.name', 'language.de', 'language.en'].includes(key),
    );
    // Words that are the same in both languages (Text, Status, Admin, Version …) stay rare.
    expect(same.length).toBeLessThan(10);
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Moved “{title}” to {when}.', { title: 'Teaser', when: '12 Jun' })).toBe(
      'Moved “Teaser” to 12 Jun.',
    );
    expect(interpolate('{count} more, {missing}', { count: 3 })).toBe('3 more, {missing}');
  });

  it('translates with the chosen catalogue', () => {
    expect(createTranslate('de')('calendar.today')).toBe('Heute');
    expect(createTranslate('en')('calendar.today')).toBe('Today');
    expect(createTranslate('de')('calendar.more', { count: 2 })).toBe('+2 weitere');
  });
});

describe('detectLocale', () => {
  it('uses German for any German browser language and English otherwise', () => {
    expect(detectLocale(null, ['de-AT', 'en'])).toBe('de');
    expect(detectLocale(null, ['de'])).toBe('de');
    expect(detectLocale(null, ['en-US', 'de-DE'])).toBe('en');
    expect(detectLocale(null, ['fr-FR'])).toBe('en');
    expect(detectLocale(null, [])).toBe('en');
  });

  it('prefers the stored choice, ignoring garbage', () => {
    expect(detectLocale('en', ['de-DE'])).toBe('en');
    expect(detectLocale('de', ['en-US'])).toBe('de');
    expect(detectLocale('klingon', ['de-CH'])).toBe('de');
  });
});
