import { checkWording } from '../check-wording';
import { type GenderStyle } from '../settings/settings.schema';
import { fixesOf } from '../core/types';

const check = (text: string, genderStyle: GenderStyle) =>
  checkWording({
    text,
    platform: 'instagram',
    language: 'de',
    workspace: { genderStyle },
    media: [{ kind: 'image', altText: 'Bild' }],
  }).findings.filter((f) => f.rule.startsWith('gender.'));

describe('gender-inclusive style', () => {
  it.each([
    ['colon', 'Kund*innen', 'Kund:innen'],
    ['asterisk', 'Kund:innen', 'Kund*innen'],
    ['underscore', 'KundInnen', 'Kund_innen'],
    ['capital-i', 'Kund_innen', 'KundInnen'],
    ['colon', 'Mitarbeiter/-innen', 'Mitarbeiter:innen'],
    ['colon', 'Ärzt*in', 'Ärzt:in'],
  ] as const)('in %s style flags %s and offers %s', (style, written, expected) => {
    const text = `Liebe ${written}, danke!`;
    const [finding] = check(text, style);
    expect(finding).toMatchObject({
      rule: 'gender.style',
      severity: 'warning',
      start: 6,
      end: 6 + written.length,
    });
    expect(fixesOf(finding!)[0]!.replacement).toBe(expected);
  });

  it('leaves forms in the chosen style and pair forms alone', () => {
    expect(check('Liebe Kund:innen, liebe Kundinnen und Kunden!', 'colon')).toEqual([]);
  });

  it('does not take LinkedIn or PlugIn for capital-I forms', () => {
    expect(check('Folgt uns auf LinkedIn, installiert das PlugIn.', 'colon')).toEqual([]);
  });

  it('suggests a neutral word in neutral style when one is known', () => {
    const [finding] = check('Alle Mitarbeiter*innen sind eingeladen.', 'neutral');
    // After "Alle" the participle is weak: "Alle Mitarbeitenden", never "Alle Mitarbeitende".
    expect(fixesOf(finding!)[0]!.replacement).toBe('Mitarbeitenden');
  });

  it('hints at generic masculine plurals with the styled and the neutral form', () => {
    const text = 'Alle Teilnehmer und Mitarbeitern danken wir.';
    const found = check(text, 'colon');
    expect(found.map((f) => [f.rule, text.slice(f.start, f.end)])).toEqual([
      ['gender.generic-masculine', 'Teilnehmer'],
      ['gender.generic-masculine', 'Mitarbeitern'],
    ]);
    expect(fixesOf(found[0]!).map((f) => f.replacement)).toEqual([
      'Teilnehmer:innen',
      'Teilnehmenden',
    ]);
    expect(fixesOf(found[1]!).map((f) => f.replacement)).toEqual([
      'Mitarbeiter:innen',
      'Mitarbeitenden',
    ]);
    expect(found[0]!.severity).toBe('hint');
  });

  it('suggests a pair form when no neutral word reads naturally', () => {
    const [finding] = check('Unsere Partner sind da.', 'neutral');
    expect(fixesOf(finding!)[0]!.replacement).toBe('Partnerinnen und Partner');
  });

  it('is silent when the workspace turned it off or the post is English', () => {
    expect(check('Liebe Kund*innen und Kunden', 'off')).toEqual([]);
    const english = checkWording({
      text: 'Our Kunden*innen',
      platform: 'x',
      language: 'en',
      workspace: { genderStyle: 'colon' },
    });
    expect(english.findings.filter((f) => f.rule.startsWith('gender.'))).toEqual([]);
  });
});
