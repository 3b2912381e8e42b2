import { describe, expect, it } from '@jest/globals';
import { WordingSettingsSchema } from '@postplan/contracts';
import {
  emptyRow,
  formToSettings,
  rowsToRequest,
  settingsToForm,
  type BrandRuleRow,
} from './wording-settings-form';
import { csvErrorsFrom } from './csv-errors';

describe('settings form', () => {
  it('leaves what is empty to the defaults, so an untouched form stores almost nothing', () => {
    const result = formToSettings(settingsToForm({}));
    expect(result).toEqual({ ok: true, settings: { genderStyle: 'off' } });
  });

  it('round-trips every field, and what it produces is accepted by the API’s schema', () => {
    const settings = {
      language: 'en' as const,
      rules: { 'brand.banned': 'warning' as const, 'style.emoji-overuse': 'off' as const },
      genderStyle: 'colon' as const,
      readability: { maxSentenceWords: { de: 18, en: 22 }, maxWordLetters: 24, minScore: 35.5 },
      duplicates: { windowDays: 14, minSimilarity: 0.8 },
      style: { maxEmoji: 5, maxEmojiRun: 2, minShoutingWords: 4 },
      engagement: { ctaPhrases: { de: ['Schreib uns'], en: ['Tell us'] } },
      wordList: ['Stadtwerke', 'Kiezfest'],
    };
    const result = formToSettings(settingsToForm(settings));
    expect(result).toEqual({ ok: true, settings });
    expect(WordingSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('names each number out of range and each list line of the wrong length', () => {
    const form = {
      ...settingsToForm({}),
      maxSentenceWordsDe: '3',
      minSimilarityPercent: 'viel',
      maxEmoji: '2.5',
      ctaDe: 'Schreib uns\nx',
    };
    const result = formToSettings(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'minSimilarityPercent', kind: 'number', min: 30, max: 100, integer: true },
      { field: 'maxSentenceWordsDe', kind: 'number', min: 5, max: 100, integer: true },
      { field: 'maxEmoji', kind: 'number', min: 1, max: 100, integer: true },
      { field: 'ctaDe', kind: 'line', line: 2, min: 2, max: 80 },
    ]);
  });

  it('reads a decimal comma, and lists without blank lines or repeated words', () => {
    const form = {
      ...settingsToForm({}),
      minScore: '42,5',
      wordList: ' Kiezfest \n\nkiezfest\nStadtwerke\n',
    };
    const result = formToSettings(form);
    expect(result).toMatchObject({
      ok: true,
      settings: { readability: { minScore: 42.5 }, wordList: ['Kiezfest', 'Stadtwerke'] },
    });
  });
});

describe('brand rule rows', () => {
  const row = (over: Partial<BrandRuleRow>): BrandRuleRow => ({ ...emptyRow(), ...over });

  it('sends trimmed rules, keeping ids and leaving out empty fields', () => {
    const result = rowsToRequest([
      row({ id: '00000000-0000-4000-8000-0000000000b1', term: ' Kunde ', messageDe: 'Sag Gast.' }),
      row({
        kind: 'preferred',
        term: 'Newsletter',
        replacement: 'Rundbrief',
        severity: 'hint',
        inflect: false,
      }),
    ]);
    expect(result).toEqual({
      ok: true,
      items: [
        {
          id: '00000000-0000-4000-8000-0000000000b1',
          kind: 'banned',
          term: 'Kunde',
          message: { de: 'Sag Gast.' },
          inflect: true,
        },
        {
          kind: 'preferred',
          term: 'Newsletter',
          replacement: 'Rundbrief',
          severity: 'hint',
          inflect: false,
        },
      ],
    });
  });

  it('marks rows without a term, preferred terms without a replacement, and repeated terms', () => {
    const a = row({ term: '' });
    const b = row({ kind: 'preferred', term: 'Email' });
    const c = row({ term: 'Kunde' });
    const d = row({ term: 'KUNDE' });
    const result = rowsToRequest([a, b, c, d]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...result.problems]).toEqual([
      [a.key, 'termRequired'],
      [b.key, 'replacementRequired'],
      [d.key, 'duplicate'],
    ]);
  });
});

describe('csvErrorsFrom', () => {
  it('reads the server’s row errors with spreadsheet column names, and none off the contract', () => {
    expect(csvErrorsFrom({ errors: [{ nonsense: true }], total: 1 })).toEqual({
      errors: [],
      total: 0,
    });
    expect(
      csvErrorsFrom({
        errors: [
          {
            line: 3,
            column: 2,
            field: 'term',
            message: 'Begriff fehlt',
            messages: { de: 'Begriff fehlt', en: 'Term missing' },
          },
        ],
        total: 7,
      }),
    ).toEqual({
      errors: [
        {
          line: 3,
          columnName: 'B',
          field: 'term',
          message: 'Begriff fehlt',
          messages: { de: 'Begriff fehlt', en: 'Term missing' },
        },
      ],
      total: 7,
    });
    expect(csvErrorsFrom('oops')).toEqual({ errors: [], total: 0 });
  });
});
