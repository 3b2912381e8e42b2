import { describe, expect, it } from '@jest/globals';
import { type RulesInput, formatRulesDate, generateRules } from './rules-text';

const input = (over: Partial<RulesInput> = {}): RulesInput => ({
  title: 'Adventsverlosung',
  description: '',
  organiser: {
    name: 'Kaffeerösterei Beispiel GmbH',
    address: 'Hauptstraße 1\n10115 Berlin',
    email: 'gewinnspiel@example.de',
  },
  entriesFrom: new Date('2026-12-01T09:00:00Z'),
  entriesUntil: new Date('2026-12-24T17:00:00Z'),
  timeZone: 'Europe/Berlin',
  prizes: [
    { name: 'Siebträgermaschine', quantity: 1, value: '499 €' },
    { name: 'Kaffeepaket', quantity: 2, value: null },
  ],
  alternatesCount: 2,
  entryMethods: ['comment'],
  eligibility: {
    minimumAge: 18,
    countries: ['DE', 'AT'],
    onePerPerson: true,
    excludeStaff: true,
    excludePreviousWinnersOfLast: 3,
    requiredMentions: 1,
    keyword: '#Adventskaffee',
  },
  retentionDays: 60,
  platforms: ['instagram', 'bluesky'],
  verificationUrl: 'https://plan.example/c/tok123/verify',
  ...over,
});

describe('contest rules in German', () => {
  const text = generateRules(input(), 'de');

  it('names the organiser with address and the period in the workspace zone', () => {
    expect(text).toContain('# Teilnahmebedingungen: Adventsverlosung');
    expect(text).toContain('Kaffeerösterei Beispiel GmbH\nHauptstraße 1\n10115 Berlin');
    expect(text).toContain(
      'beginnt am 1. Dezember 2026, 10:00 Uhr und endet am 24. Dezember 2026, 18:00 Uhr',
    );
  });

  it('states eligibility, prizes, draw with verification link and notification', () => {
    expect(text).toContain('ab 18 Jahren');
    expect(text).toContain('Wohnsitz in Deutschland und Österreich');
    expect(text).toContain('einem der letzten 3 Gewinnspiele');
    expect(text).toContain('„#Adventskaffee“');
    expect(text).toContain('eine weitere Person');
    expect(text).toContain('- 1 × Siebträgermaschine (Wert: 499 €)');
    expect(text).toContain('Es werden 3 Gewinne verlost');
    expect(text).toContain('https://plan.example/c/tok123/verify');
    expect(text).toContain('werden 2 Nachrücker gezogen');
    expect(text).toMatch(/## \d+\. Benachrichtigung/);
  });

  it('covers data protection: purpose, retention, deletion, rights', () => {
    expect(text).toContain('DSGVO');
    expect(text).toContain('60 Tage nach der Auslosung gelöscht');
    expect(text).toContain('Art. 17');
    expect(text).toContain('gewinnspiel@example.de');
  });

  it('releases Instagram (Meta) and each other platform', () => {
    expect(text).toContain('steht in keiner Verbindung zu Instagram');
    expect(text).toContain('Meta Platforms Ireland Ltd.');
    expect(text).toContain('Bluesky ist nicht Veranstalter');
  });
});

describe('contest rules in English', () => {
  const text = generateRules(input({ platforms: ['facebook', 'instagram'] }), 'en');

  it('carries the same facts in English', () => {
    expect(text).toContain('# Terms and conditions: Adventsverlosung');
    expect(text).toContain('starts on 1 December 2026, 10:00 and ends on 24 December 2026, 18:00');
    expect(text).toContain('aged 18 or over');
    expect(text).toContain('must live in Germany and Austria');
    expect(text).toContain('3 prizes are drawn');
    expect(text).toContain('Anyone can verify the draw here: https://plan.example/c/tok123/verify');
    expect(text).toContain('deleted 60 days after the draw');
    expect(text).toContain('right of access (Art. 15)');
  });

  it('has the Meta release naming both platforms', () => {
    expect(text).toContain(
      'in no way sponsored, endorsed, administered by or associated with Facebook and Instagram',
    );
  });

  it('words singular counts and missing limits', () => {
    const one = generateRules(
      input({
        prizes: [{ name: 'Tasse', quantity: 1, value: null }],
        alternatesCount: 1,
        eligibility: {
          ...input().eligibility,
          minimumAge: null,
          countries: [],
          excludePreviousWinnersOfLast: 0,
          requiredMentions: 0,
          keyword: null,
        },
      }),
      'en',
    );
    expect(one).toContain('One prize is drawn');
    expect(one).toContain('one alternate is drawn');
    expect(one).toContain('minors need the consent');
    expect(one).not.toContain('must live in');
    expect(one).not.toContain('last contest');
  });
});

describe('formatRulesDate', () => {
  it('uses the zone’s offset on each side of the DST change', () => {
    expect(formatRulesDate(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin', 'de')).toBe(
      '29. März 2026, 01:30 Uhr',
    );
    expect(formatRulesDate(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin', 'en')).toBe(
      '29 March 2026, 03:30',
    );
  });
});
