import { checkWording } from '../check-wording';
import { type BrandRule } from '../settings/settings.schema';
import { germanNounForms, umlautLastVowel } from './german-inflection';
import { applyCaseStyle } from './case-style';

const forms = (lemma: string) => germanNounForms(lemma).map((f) => f.form);

describe('German inflection generator', () => {
  it('derives plural and feminine forms of a weak noun in -e', () => {
    expect(forms('Kunde')).toEqual(
      expect.arrayContaining(['Kunde', 'Kunden', 'Kundin', 'Kundinnen']),
    );
  });

  it('derives forms of nouns in -er: genitive, dative plural, feminine', () => {
    expect(forms('Mitarbeiter')).toEqual(
      expect.arrayContaining(['Mitarbeiters', 'Mitarbeitern', 'Mitarbeiterin', 'Mitarbeiterinnen']),
    );
  });

  it('umlauts the plural of strong nouns', () => {
    expect(forms('Vertrag')).toEqual(
      expect.arrayContaining(['Vertrags', 'Vertrages', 'Verträge', 'Verträgen']),
    );
    expect(forms('Haus')).toEqual(expect.arrayContaining(['Häuser', 'Häusern']));
    expect(umlautLastVowel('Koch')).toBe('Köch');
    expect(umlautLastVowel('Baum')).toBe('Bäum');
  });

  it('derives the -n plural of weak nouns ending in a vowel and r', () => {
    expect(forms('Nachbar')).toEqual(
      expect.arrayContaining(['Nachbarn', 'Nachbarin', 'Nachbarinnen']),
    );
  });

  it('adds only -en to feminine suffixes and -nen to -in', () => {
    expect(forms('Bestellung')).toEqual(['Bestellung', 'Bestellungen']);
    expect(forms('Kundin')).toContain('Kundinnen');
  });
});

describe('case style of fixes', () => {
  it('keeps capitals, sentence starts and all caps of the original', () => {
    expect(applyCaseStyle('BILLIG', 'billig', 'günstig')).toBe('GÜNSTIG');
    expect(applyCaseStyle('Billig', 'billig', 'günstig')).toBe('Günstig');
    expect(applyCaseStyle('billig', 'billig', 'günstig')).toBe('günstig');
    expect(applyCaseStyle('kunden', 'Kunde', 'Kundschaft')).toBe('kundschaft');
  });
});

describe('brand rules in checkWording', () => {
  const rules: BrandRule[] = [
    { kind: 'preferred', term: 'Kunde', replacement: 'Kundschaft' },
    { kind: 'banned', term: 'billig', replacement: 'günstig', severity: 'warning' },
    {
      kind: 'banned',
      term: 'Straße',
      message: { de: 'Wir sagen „Gasse“.', en: 'We say “Gasse”.' },
    },
    { kind: 'preferred', term: 'Nutzer', replacement: 'Anwender' },
    { kind: 'banned', term: 'Social Media Manager', replacement: 'Community-Team' },
    { kind: 'banned', term: 'Rat', inflect: false },
  ];
  const check = (text: string) =>
    checkWording({
      text,
      platform: 'linkedin',
      workspace: { brandRules: rules },
      channel: { engagement: { enabled: false } },
    });
  const brand = (text: string) => check(text).findings.filter((f) => f.rule.startsWith('brand.'));

  it('matches inflected forms case-insensitively and offers the preferred term', () => {
    const text = 'Unsere Kunden und jede KUNDIN lieben es.';
    const found = brand(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['Kunden', 'KUNDIN']);
    // "Unsere Kundschaft lieben es" would be wrong: a plural cannot become a singular
    // collective by one click, so the first finding is a hint without a fix.
    expect(found[0]).toMatchObject({ rule: 'brand.preferred', severity: 'warning' });
    expect(found[0]!.fix).toBeUndefined();
    expect(found[1]!.fix).toMatchObject({ replacement: 'KUNDSCHAFT' });
    expect(found[0]!.message.de).toMatch(/^Wir schreiben „Kundschaft“ statt „Kunden“\. /u);
  });

  it('inflects the replacement like the original when both belong to the same class', () => {
    const [finding] = brand('Wir danken allen Nutzern.');
    expect(finding!.fix).toMatchObject({ replacement: 'Anwendern' });
  });

  it('uses the severity and message of the rule', () => {
    const found = brand('Billig war gestern. Die Straße ist gesperrt.');
    expect(found[0]).toMatchObject({
      rule: 'brand.banned',
      severity: 'warning',
      fix: { replacement: 'Günstig' },
    });
    expect(found[1]).toMatchObject({
      rule: 'brand.banned',
      severity: 'error',
      message: { de: 'Wir sagen „Gasse“.' },
    });
  });

  it('matches on word boundaries only, Unicode-aware and tolerant of ß/ss', () => {
    expect(brand('Der Kundenservice und die Hauptstraße sind toll.')).toEqual([]);
    expect(brand('Die STRASSE ist frei.').map((f) => f.rule)).toEqual(['brand.banned']);
    expect(brand('Billigflieger fliegen.')).toEqual([]);
  });

  it('matches multi-word terms across any white space, inflecting the last word', () => {
    const text = 'Wir suchen Social\nMedia   Managerinnen!';
    const [finding] = brand(text);
    expect(text.slice(finding!.start, finding!.end)).toBe('Social\nMedia   Managerinnen');
  });

  it('does not inflect when the rule says so', () => {
    expect(brand('Guter Rat ist teuer.')).toHaveLength(1);
    expect(brand('Die Rate ist fällig.')).toEqual([]);
  });

  it('finds a banned term inside a hashtag', () => {
    const text = 'Alles neu #billig';
    const [finding] = brand(text);
    expect(text.slice(finding!.start, finding!.end)).toBe('billig');
  });

  it('matches text typed with combining accents', () => {
    const text = 'Schöne Grüße aus Köln'.normalize('NFD');
    const found = checkWording({
      text,
      platform: 'x',
      workspace: { brandRules: [{ kind: 'preferred', term: 'Köln', replacement: 'Cologne' }] },
    });
    const [finding] = found.findings.filter((f) => f.rule === 'brand.preferred');
    expect(text.slice(finding!.start, finding!.end)).toBe('Köln'.normalize('NFD'));
  });

  it('a workspace can switch preferred terms off', () => {
    const result = checkWording({
      text: 'Liebe Kunden',
      platform: 'x',
      workspace: { brandRules: rules, rules: { 'brand.preferred': 'off' } },
    });
    expect(result.findings.some((f) => f.rule === 'brand.preferred')).toBe(false);
  });
});
