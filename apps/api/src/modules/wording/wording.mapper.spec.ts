import { toBrandRule, toBrandRuleRow, toFinding } from './wording.mapper';

describe('wording findings as the API answers them', () => {
  const label = (de: string, en: string) => ({ de, en });

  it('speaks the caller language, keeps both, and lists alternatives only when there are several', () => {
    const single = toFinding(
      {
        rule: 'brand.preferred',
        severity: 'warning',
        message: label('Wir schreiben „Gäste“.', 'We write “Gäste”.'),
        start: 4,
        end: 10,
        fix: { start: 4, end: 10, replacement: 'Gäste', label: label('Ersetzen', 'Replace') },
      },
      'en',
    );
    expect(single).toEqual({
      rule: 'brand.preferred',
      severity: 'warning',
      message: 'We write “Gäste”.',
      messages: { de: 'Wir schreiben „Gäste“.', en: 'We write “Gäste”.' },
      start: 4,
      end: 10,
      fix: {
        start: 4,
        end: 10,
        replacement: 'Gäste',
        label: 'Replace',
        labels: { de: 'Ersetzen', en: 'Replace' },
      },
    });

    const several = toFinding(
      {
        rule: 'spelling.unknown-word',
        severity: 'warning',
        message: label('Unbekannt', 'Unknown'),
        start: 0,
        end: 5,
        fix: [
          { start: 0, end: 5, replacement: 'Haus', label: label('Haus', 'Haus') },
          { start: 0, end: 5, replacement: 'Maus', label: label('Maus', 'Maus') },
        ],
      },
      'de',
    );
    expect(several.message).toBe('Unbekannt');
    expect(several.fix?.replacement).toBe('Haus');
    expect(several.fixes?.map((f) => f.replacement)).toEqual(['Haus', 'Maus']);
  });

  it('marks findings about media with their index', () => {
    expect(
      toFinding(
        {
          rule: 'media.alt-text',
          severity: 'warning',
          message: label('Alternativtext fehlt', 'Alt text missing'),
          start: 0,
          end: 0,
          mediaIndex: 1,
        },
        'de',
      ),
    ).toMatchObject({ mediaIndex: 1, start: 0, end: 0 });
  });
});

describe('brand rules between API and storage', () => {
  it('keeps the genders of term and replacement', () => {
    const row = toBrandRuleRow(
      {
        kind: 'preferred',
        term: 'Kiste',
        replacement: 'Kasten',
        termGender: 'f',
        replacementGender: 'm',
      },
      'a3f1c2de-0000-4000-8000-000000000002',
    );
    expect(row).toMatchObject({ term_gender: 'f', replacement_gender: 'm' });
    expect(toBrandRule(row)).toMatchObject({ termGender: 'f', replacementGender: 'm' });
  });

  it('stores empty optional fields as null and reads them back as absent', () => {
    const row = toBrandRuleRow(
      { kind: 'banned', term: ' Kunde ', replacement: ' ', message: { de: 'Wir haben Gäste.' } },
      'a3f1c2de-0000-4000-8000-000000000001',
    );
    expect(row).toEqual({
      id: 'a3f1c2de-0000-4000-8000-000000000001',
      kind: 'banned',
      term: 'Kunde',
      replacement: null,
      severity: null,
      message_de: 'Wir haben Gäste.',
      message_en: null,
      inflect: true,
      term_gender: null,
      replacement_gender: null,
    });
    expect(toBrandRule(row)).toEqual({
      id: row.id,
      kind: 'banned',
      term: 'Kunde',
      message: { de: 'Wir haben Gäste.' },
      inflect: true,
    });
  });
});
