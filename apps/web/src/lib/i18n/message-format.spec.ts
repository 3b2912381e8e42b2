import { describe, expect, it } from '@jest/globals';
import { formatMessage, MessageSyntaxError, messageArguments } from './message-format';
import { de } from './messages-de';
import { en, type MessageKey } from './messages-en';

describe('formatMessage (ICU plural and select)', () => {
  const words = '{count, plural, =0 {Keine Wörter} one {# Wort} other {# Wörter}}';

  it('picks the plural form by the language’s rules and formats #', () => {
    expect(formatMessage(words, { count: 0 }, 'de-DE')).toBe('Keine Wörter');
    expect(formatMessage(words, { count: 1 }, 'de-DE')).toBe('1 Wort');
    expect(formatMessage(words, { count: 2 }, 'de-DE')).toBe('2 Wörter');
    expect(formatMessage(words, { count: 1024 }, 'de-DE')).toBe('1.024 Wörter');
    expect(formatMessage('{n, plural, one {# entry} other {# entries}}', { n: 1 }, 'en-GB')).toBe(
      '1 entry',
    );
  });

  it('selects, nests and falls back to other', () => {
    const message =
      '{who, select, you {Du hast {count, plural, one {einen Beitrag} other {# Beiträge}} freigegeben} other {{name} hat {count, plural, one {einen Beitrag} other {# Beiträge}} freigegeben}}';
    expect(formatMessage(message, { who: 'you', name: 'Ada', count: 1 }, 'de-DE')).toBe(
      'Du hast einen Beitrag freigegeben',
    );
    expect(formatMessage(message, { who: 'other', name: 'Ada', count: 3 }, 'de-DE')).toBe(
      'Ada hat 3 Beiträge freigegeben',
    );
    expect(formatMessage(message, { name: 'Ada', count: 3 }, 'de-DE')).toBe(
      'Ada hat 3 Beiträge freigegeben',
    );
  });

  it('keeps a missing value visible and leaves plain numbers as they are', () => {
    expect(formatMessage('{title} im Jahr {year}', { year: 2026 }, 'de-DE')).toBe(
      '{title} im Jahr 2026',
    );
  });

  it('rejects broken syntax with a clear error', () => {
    expect(() => formatMessage('{count, plural, one {x}}', { count: 1 }, 'de-DE')).toThrow(
      MessageSyntaxError,
    );
    expect(() => formatMessage('{a, select, other {x}', {}, 'de-DE')).toThrow(MessageSyntaxError);
    expect(() => formatMessage('{a, number, integer}', {}, 'de-DE')).toThrow(/unknown type/u);
  });

  it('lists arguments inside options too', () => {
    expect(
      messageArguments('{who, select, you {Du} other {{name} ({when})}}').map((a) => a.name),
    ).toEqual(['name', 'when', 'who']);
  });
});

/**
 * Every message of both catalogues rendered with 0, 1 and 2 for each value and with "you" as
 * the person: no visible placeholder, no "1 Wörter", no "du hat", no "von du".
 */
describe('every message reads correctly for every count and person', () => {
  const keys = Object.keys(en) as MessageKey[];
  const catalogues = { de, en } as const;
  const locales = { de: 'de-DE', en: 'en-GB' } as const;

  const GERMAN_PLURALS =
    /\b1 (?:Wörter|Einträge|Zeilen|Regeln|Beiträge|Kommentare|Kanäle|Stufen|Personen|Benachrichtigungen|Entscheidungen|Fehler blockieren)\b/u;
  const ENGLISH_PLURALS =
    /\b1 (?:words|entries|rows|rules|posts|comments|channels|levels|people|notifications|decisions|errors)\b/u;
  const WRONG_PERSON_DE =
    /\b(?:du|Du) (?:hat|bittet|wünscht|wurde|ist|kann|darf)\b|\bvon (?:du|dich)\b|\bauf (?:du|dir)\b/u;
  const WRONG_PERSON_EN = /\b(?:you|You) (?:has|was|is|asks|wants)\b|\bby I\b/u;

  function valuesFor(
    key: MessageKey,
    locale: 'de' | 'en',
    n: number,
  ): Record<string, string | number> {
    const values: Record<string, string | number> = {};
    for (const arg of messageArguments(catalogues[locale][key])) {
      if (arg.name === 'who') values.who = 'you';
      else if (arg.type === 'plural') values[arg.name] = n;
      else if (arg.type === 'select')
        values[arg.name] = arg.keys?.find((k) => k !== 'other') ?? 'other';
      else
        values[arg.name] =
          typeof n === 'number' &&
          /count|number|total|max|min|level|round|used|line/u.test(arg.name)
            ? n
            : `«${arg.name}»`;
    }
    return values;
  }

  it.each(keys)('%s', (key) => {
    for (const locale of ['de', 'en'] as const) {
      for (const n of [0, 1, 2]) {
        const text = formatMessage(
          catalogues[locale][key],
          valuesFor(key, locale, n),
          locales[locale],
        );
        expect(text).not.toMatch(/\{\w+\}/u);
        expect(text).not.toMatch(/\w\((?:n|s|e|en|in)\)/u); // "Regel(n)", "rule(s)"
        if (locale === 'de') {
          expect(text).not.toMatch(GERMAN_PLURALS);
          expect(text).not.toMatch(WRONG_PERSON_DE);
        } else {
          expect(text).not.toMatch(ENGLISH_PLURALS);
          expect(text).not.toMatch(WRONG_PERSON_EN);
        }
      }
    }
  });

  it('gives every message that names an actor a form for "you"', () => {
    const actorFirst = /^\{(?:name|actor)\} (?:hat|bittet|wünscht|wurde)\b|von \{name\}/u;
    const missing = keys.filter(
      (key) => actorFirst.test(de[key]) && !messageArguments(de[key]).some((a) => a.name === 'who'),
    );
    // "von {name}" in lists of places or links is not about a person acting.
    expect(missing.filter((k) => !k.startsWith('members.') && !k.startsWith('comments.'))).toEqual(
      [],
    );
  });

  it('speaks to clients with "Sie" on the review-link pages and the public contest pages', () => {
    const clientKeys = keys.filter(
      (k) =>
        k.startsWith('clientReview.') ||
        k.startsWith('error.REVIEW_LINK_') ||
        k.startsWith('contestPublic.'),
    );
    expect(clientKeys.length).toBeGreaterThan(30);
    const informal =
      /\b(?:du|Du|dich|dir|dein\w*|Dein\w*)\b|\b(?:gib|schreib|lies|frag|prüfe|versuch)\b/u;
    const offenders = clientKeys.filter((k) =>
      informal.test(formatMessage(de[k], valuesFor(k, 'de', 2), 'de-DE')),
    );
    expect(offenders).toEqual([]);
  });
});

/** One word for each thing in the German UI (docs/glossary.md). */
describe('German glossary', () => {
  const FORBIDDEN: [RegExp, string][] = [
    [/\bWorkspaces?\b/u, 'Arbeitsbereich'],
    [/Eigentümer/u, 'Inhaber:in'],
    [/Review-Link/u, 'Freigabe-Link'],
    [/\bPosts?\b/u, 'Beitrag'],
    [/\bCampaigns?\b/u, 'Kampagne'],
    [/\w[*_]innen\b(?! und)/u, 'the colon style (Kund:innen)'],
  ];
  it.each(FORBIDDEN)('uses no %s (say %s)', (pattern) => {
    const offenders = (Object.keys(de) as MessageKey[]).filter(
      // The settings name the other gender styles by example.
      (k) => !k.startsWith('settings.wording.gender.') && pattern.test(de[k]),
    );
    expect(offenders).toEqual([]);
  });
});
