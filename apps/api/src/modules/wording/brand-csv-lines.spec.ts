import { findTermLines, foldTerm } from './brand-csv-lines';

describe('finding the lines of a repeated brand term in a CSV file', () => {
  it('looks in the term column only, whatever the header language, quoting and case', () => {
    const csv = [
      '\uFEFFArt;Begriff;Ersatz',
      'bevorzugt;Kundschaft;Kunde',
      '',
      'verboten;"Kunde";',
      'verboten;KUNDE;Gast',
    ].join('\r\n');
    expect(findTermLines(csv, ';', 'kunde')).toEqual([
      { line: 4, column: 2 },
      { line: 5, column: 2 },
    ]);
  });

  it('treats ß and ss, composed and decomposed umlauts and extra spaces as the same term', () => {
    expect(foldTerm('Straße  frei')).toBe(foldTerm('STRASSE frei'));
    expect(foldTerm('Gru\u0308n')).toBe(foldTerm('Grün'));
  });
});
