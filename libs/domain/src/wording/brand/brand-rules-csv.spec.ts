import { parseBrandRulesCsv, serializeBrandRulesCsv } from './brand-rules-csv';
import { type BrandRule } from '../settings/settings.schema';

describe('brand rules CSV', () => {
  it('reads what Excel in Germany writes: BOM, semicolons, CRLF, German headers and values', () => {
    const csv =
      '\uFEFFArt;Begriff;Ersatz;Schweregrad;Meldung_DE\r\nbevorzugt;Kunde;Kundschaft;;\r\nverboten;billig;günstig;Warnung;"Sag ""günstig""; nicht billig"\r\n';
    const { rules, errors, separator } = parseBrandRulesCsv(csv);
    expect(errors).toEqual([]);
    expect(separator).toBe(';');
    expect(rules).toEqual([
      { kind: 'preferred', term: 'Kunde', replacement: 'Kundschaft' },
      {
        kind: 'banned',
        term: 'billig',
        replacement: 'günstig',
        severity: 'warning',
        message: { de: 'Sag "günstig"; nicht billig' },
      },
    ]);
  });

  it('reads comma-separated files with quoted line breaks', () => {
    const csv = 'kind,term,replacement,message_en\npreferred,Follower,Community,"Say\ncommunity"\n';
    const { rules, errors } = parseBrandRulesCsv(csv);
    expect(errors).toEqual([]);
    expect(rules[0]).toMatchObject({ term: 'Follower', message: { en: 'Say\ncommunity' } });
  });

  it('names line and column of every invalid cell and keeps the valid rows', () => {
    const csv =
      'kind;term;replacement;severity\nbanned;ok;;\nforbidden;x;;\npreferred;Kunde;;\nbanned;y;;fatal\n';
    const { rules, errors } = parseBrandRulesCsv(csv);
    expect(rules).toEqual([{ kind: 'banned', term: 'ok' }]);
    expect(errors.map((e) => [e.line, e.column, e.field])).toEqual([
      [3, 1, 'kind'],
      [4, 3, 'replacement'],
      [5, 4, 'severity'],
    ]);
    expect(errors[0]!.message.de).toMatch(/^Zeile 3, Spalte A: „forbidden“ ist keine Art/u);
    expect(errors[1]!.message.en).toBe('Line 4, column C: a preferred term needs a replacement');
  });

  it('counts physical lines when a quoted field spans lines', () => {
    const csv = 'kind;term;message_de\nbanned;a;"zwei\nZeilen"\nbanned;;\n';
    expect(parseBrandRulesCsv(csv).errors).toMatchObject([{ line: 4, column: 2, field: 'term' }]);
  });

  it('reports an unclosed quote and a missing header column', () => {
    expect(parseBrandRulesCsv('kind;term\nbanned;"offen\n').errors[0]).toMatchObject({
      line: 2,
      column: 2,
    });
    expect(parseBrandRulesCsv('term;replacement\nx;y\n').errors[0]!.message.en).toMatch(
      /no “kind” column/u,
    );
    expect(parseBrandRulesCsv('').errors[0]!.message.de).toMatch(/leer/u);
  });

  it('round-trips rules with separators, quotes, umlauts and formula-like cells', () => {
    const rules: BrandRule[] = [
      {
        kind: 'banned',
        term: '=HYPERLINK("x")',
        message: { de: 'Nie; niemals', en: 'He said "no"' },
        severity: 'hint',
      },
      { kind: 'preferred', term: 'Straße', replacement: 'Gasse', inflect: false },
      { kind: 'banned', term: '@konkurrenz' },
    ];
    for (const separator of [';', ','] as const) {
      const csv = serializeBrandRulesCsv(rules, { separator });
      expect(csv.startsWith('\uFEFFkind')).toBe(true);
      expect(csv).toContain("'=HYPERLINK"); // Excel shows it as text instead of running it
      expect(parseBrandRulesCsv(csv)).toMatchObject({ rules, errors: [] });
    }
  });
});
