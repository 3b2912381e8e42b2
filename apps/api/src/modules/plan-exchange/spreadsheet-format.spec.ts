import {
  csvField,
  csvLine,
  localText,
  neutralise,
  offsetText,
  unneutralise,
} from './spreadsheet-format';

describe('CSV neutralisation (OWASP ASVS 1.2.10)', () => {
  const dangerous = [
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\u0000',
    '\uFF1D',
    '\uFF0B',
    '\uFF0D',
    '\uFF20',
  ];

  it.each(dangerous.map((c) => [JSON.stringify(c), c]))(
    'prefixes a cell starting with %s with an apostrophe',
    (_, c) => {
      const cell = `${c}SUM(A1:A2)`;
      expect(neutralise(cell)).toBe(`'${cell}`);
      expect(csvField(cell, ';').replace(/^"|"$/g, '').startsWith("'")).toBe(true);
      expect(unneutralise(neutralise(cell))).toBe(cell);
    },
  );

  it('leaves harmless cells alone and keeps a real leading apostrophe through the round trip', () => {
    expect(neutralise('Hallo =1')).toBe('Hallo =1');
    expect(neutralise('')).toBe('');
    expect(unneutralise(neutralise("'=1"))).toBe("'=1");
    expect(unneutralise(neutralise("'quoted"))).toBe("'quoted");
    expect(unneutralise("'plain")).toBe("'plain");
  });
});

describe('RFC 4180 fields', () => {
  it('quotes delimiters, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('er sagte "hi"', ';')).toBe('"er sagte ""hi"""');
    expect(csvField('zwei\nZeilen', ';')).toBe('"zwei\nZeilen"');
    expect(csvLine(['a', 'b'], ';')).toBe('a;b\r\n');
  });
});

describe('times in the workspace zone', () => {
  it('writes the second 02:30 of 2026-10-25 with its offset, so it names the right instant', () => {
    const second = new Date('2026-10-25T01:30:00Z');
    const first = new Date('2026-10-25T00:30:00Z');
    expect(localText(second, 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(offsetText(second, 'Europe/Berlin')).toBe('UTC+01:00');
    expect(localText(first, 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(offsetText(first, 'Europe/Berlin')).toBe('UTC+02:00');
  });
});
