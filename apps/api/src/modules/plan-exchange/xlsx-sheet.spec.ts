import { SheetNames, validSheetName } from './xlsx-sheet';

describe('validSheetName', () => {
  it('replaces the characters Excel refuses and trims', () => {
    expect(validSheetName('Q1: Launch [neu]/*?\\', 'Kampagne')).toBe('Q1 Launch neu');
    expect(validSheetName('Zeile\r\neins\tzwei', 'Kampagne')).toBe('Zeile eins zwei');
  });

  it('keeps at most 31 characters, never half an emoji', () => {
    expect(validSheetName('Frühjahrskampagne 2027 für alle Kanäle', 'K')).toBe(
      'Frühjahrskampagne 2027 für alle',
    );
    expect(validSheetName('Frühjahrskampagne 2027 für all', 'K').length).toBe(30);
    const name = validSheetName(`${'a'.repeat(30)}🌸`, 'K');
    expect(name).toBe('a'.repeat(30));
  });

  it('drops apostrophes at either end and falls back when nothing is left', () => {
    expect(validSheetName("'Sommer'", 'Kampagne')).toBe('Sommer');
    expect(validSheetName('[]:*?', 'Kampagne')).toBe('Kampagne');
    expect(validSheetName("it's", 'Kampagne')).toBe("it's");
  });
});

describe('SheetNames', () => {
  it('makes names unique whatever their case, with a suffix within 31 characters', () => {
    const names = new SheetNames(['Plan']);
    expect(names.next('plan', 'K')).toBe('plan (2)');
    expect(names.next('Sommer', 'K')).toBe('Sommer');
    expect(names.next('SOMMER', 'K')).toBe('SOMMER (2)');
    expect(names.next('Sommer:', 'K')).toBe('Sommer (3)');
    const long = 'x'.repeat(40);
    expect(names.next(long, 'K')).toBe('x'.repeat(31));
    expect(names.next(long, 'K')).toBe(`${'x'.repeat(27)} (2)`);
    expect(names.next('[]', 'Kampagne')).toBe('Kampagne');
    expect(names.next('', 'Kampagne')).toBe('Kampagne (2)');
  });

  it('never hands out the name Excel keeps for itself', () => {
    expect(new SheetNames().next('History', 'K')).toBe('History (2)');
  });
});
