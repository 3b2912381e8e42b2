import { checkWording } from '../check-wording';
import { fixesOf } from '../core/types';
import { type BrandRule, type GenderStyle } from '../settings/settings.schema';

const applyFix = (text: string, fix: { start: number; end: number; replacement: string }) =>
  text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);

const kasten: BrandRule = {
  kind: 'preferred',
  term: 'Kiste',
  replacement: 'Kasten',
  termGender: 'f',
  replacementGender: 'm',
};

function brandFindings(text: string, rules: BrandRule[] = [kasten]) {
  return checkWording({
    text,
    platform: 'linkedin',
    language: 'de',
    workspace: { brandRules: rules },
    channel: { engagement: { enabled: false } },
  }).findings.filter((f) => f.rule.startsWith('brand.'));
}

/** The text after the one-click fix, or null when the finding offers none. */
function fixedBrand(text: string, rules?: BrandRule[]): string | null {
  const [finding] = brandFindings(text, rules);
  expect(finding).toBeDefined();
  const fixes = fixesOf(finding!);
  return fixes.length === 1 ? applyFix(text, fixes[0]!) : null;
}

describe('brand fixes keep German grammatical', () => {
  it.each([
    ['Die leere Kiste steht im Flur.', 'Der leere Kasten steht im Flur.'],
    ['Wir packen alles in die leere Kiste.', 'Wir packen alles in den leeren Kasten.'],
    ['Das liegt in der großen Kiste.', 'Das liegt in dem großen Kasten.'],
    ['Wir kommen mit einer neuen Kiste.', 'Wir kommen mit einem neuen Kasten.'],
    ['Eine leere Kiste reicht.', 'Ein leerer Kasten reicht.'],
    ['Wir danken für diese schöne Kiste.', 'Wir danken für diesen schönen Kasten.'],
  ])('%s -> %s', (text, expected) => {
    expect(fixedBrand(text)).toBe(expected);
  });

  it('never writes "die leere Kasten"', () => {
    for (const text of ['Die leere Kiste steht im Flur.', 'Wir kaufen die leere Kiste.']) {
      for (const finding of brandFindings(text)) {
        for (const fix of fixesOf(finding))
          expect(applyFix(text, fix)).not.toMatch(/die leere Kasten/iu);
      }
    }
  });

  it('gives a hint instead of one click when the case cannot be read from the sentence', () => {
    const text = 'Wir kaufen die leere Kiste.';
    const [finding] = brandFindings(text);
    expect(fixesOf(finding!)).toEqual([]);
    expect(finding!.message.de).toContain('„den leeren Kasten“');
    expect(finding!.message.de).toContain('„der leere Kasten“');
  });

  it('gives a hint when a pronoun refers back to the noun', () => {
    const text = 'Die Kiste ist da. Sie steht im Flur.';
    const [finding] = brandFindings(text);
    expect(fixesOf(finding!)).toEqual([]);
    expect(finding!.message.de).toMatch(/Pronomen/u);
    expect(fixesOf(brandFindings('Die Kiste, die wir mögen.')[0]!)).toEqual([]);
  });

  it('gives a hint when the gender of the new word is unknown and an article shows it', () => {
    const rules: BrandRule[] = [{ kind: 'preferred', term: 'Kiste', replacement: 'Karton' }];
    expect(fixedBrand('Die leere Kiste steht im Flur.', rules)).toBeNull();
    // Without an article or adjective nothing has to agree.
    expect(fixedBrand('Kiste gefunden!', rules)).toBe('Karton gefunden!');
  });

  it('does not turn a plural into a singular collective: "Unsere Kunden" stays a hint', () => {
    const rules: BrandRule[] = [{ kind: 'preferred', term: 'Kunde', replacement: 'Kundschaft' }];
    expect(fixedBrand('Unsere Kunden lieben es.', rules)).toBeNull();
  });

  it('keeps an article that does not change out of the fix', () => {
    const rules: BrandRule[] = [{ kind: 'preferred', term: 'Nutzer', replacement: 'Anwender' }];
    const [finding] = brandFindings('Wir danken allen Nutzern.', rules);
    expect(finding!.fix).toMatchObject({ replacement: 'Anwendern' });
  });

  it('re-inflects a feminine suffix noun whose gender it can read: die Bestellung -> der Auftrag', () => {
    const rules: BrandRule[] = [
      { kind: 'preferred', term: 'Bestellung', replacement: 'Auftrag', replacementGender: 'm' },
    ];
    expect(fixedBrand('Die Bestellung ist unterwegs.', rules)).toBe('Der Auftrag ist unterwegs.');
  });
});

function genderFixes(text: string, genderStyle: GenderStyle = 'colon'): string[][] {
  return checkWording({
    text,
    platform: 'instagram',
    language: 'de',
    workspace: { genderStyle },
    media: [{ kind: 'image', altText: 'Bild' }],
  })
    .findings.filter((f) => f.rule.startsWith('gender.'))
    .map((f) => fixesOf(f).map((fix) => applyFix(text, fix)));
}

describe('gender-inclusive fixes keep German grammatical', () => {
  it.each([
    ['Unsere Mitarbeiter sind da.', 'Unsere Mitarbeitenden sind da.'],
    ['Alle Teilnehmer bekommen Post.', 'Alle Teilnehmenden bekommen Post.'],
    ['Liebe Mitarbeiter, danke!', 'Liebe Mitarbeitende, danke!'],
    ['Wir sprechen mit Mitarbeitern.', 'Wir sprechen mit Mitarbeitenden.'],
    ['Viele Besucher kamen.', 'Viele Besuchende kamen.'],
    ['Wir danken den Lesern.', 'Wir danken den Lesenden.'],
    ['Wir fragen die Experten.', 'Wir fragen die Fachleute.'],
  ])('%s -> %s', (text, expected) => {
    expect(genderFixes(text).flat()).toContain(expected);
  });

  it('never writes "Unsere Mitarbeitende" or "alle Kollegium"', () => {
    for (const text of [
      'Unsere Mitarbeiter sind da.',
      'Danke an alle Kollegen!',
      'Die Kunden sind zufrieden.',
    ]) {
      for (const fixed of genderFixes(text).flat()) {
        expect(fixed).not.toMatch(/Unsere Mitarbeitende\b|alle Kollegium|Die Kundschaft sind/u);
      }
    }
  });

  it('offers a collective only as a hint in the message', () => {
    const text = 'Danke an alle Kollegen!';
    const finding = checkWording({
      text,
      platform: 'x',
      language: 'de',
      workspace: { genderStyle: 'colon' },
    }).findings.find((f) => f.rule === 'gender.generic-masculine')!;
    expect(fixesOf(finding).map((f) => f.replacement)).toEqual(['Kolleg:innen']);
    expect(finding.message.de).toContain('„Kollegium“');
  });

  it('uses the weak participle in neutral style after "alle"', () => {
    expect(genderFixes('Alle Mitarbeiter*innen sind eingeladen.', 'neutral').flat()).toEqual([
      'Alle Mitarbeitenden sind eingeladen.',
    ]);
  });
});
