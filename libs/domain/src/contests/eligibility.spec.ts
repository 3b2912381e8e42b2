import { describe, expect, it } from '@jest/globals';
import {
  type EligibilityRules,
  type EntryFacts,
  countMentions,
  decideEligibility,
  maskHandle,
  personKey,
} from './eligibility';

const rules = (over: Partial<EligibilityRules> = {}): EligibilityRules => ({
  entriesFrom: new Date('2026-12-01T00:00:00Z'),
  entriesUntil: new Date('2026-12-24T00:00:00Z'),
  minimumAge: null,
  countries: [],
  onePerPerson: true,
  excludeStaff: true,
  requiredMentions: 0,
  keyword: null,
  ...over,
});

let n = 0;
const entry = (handle: string, over: Partial<EntryFacts> = {}): EntryFacts => ({
  id: `e${++n}`,
  personKey: personKey('sandbox', handle),
  source: 'comment',
  text: 'Dabei! @freundin',
  enteredAt: new Date('2026-12-10T12:00:00Z'),
  email: null,
  age: null,
  country: null,
  handle,
  ...over,
});

const none = {
  staff: new Set<string>(),
  previousWinners: new Set<string>(),
  manual: new Map<string, string>(),
};

describe('decideEligibility', () => {
  it('merges one person’s entries into one ticket', () => {
    const out = decideEligibility(rules(), [entry('@Anna'), entry('anna'), entry('bert')], none);
    expect(out.people).toHaveLength(2);
    const anna = out.people.find((p) => p.personKey === 'sandbox:anna');
    expect(anna).toMatchObject({ tickets: 1, exclusions: [] });
    expect(out.entries.filter((e) => e.counted)).toHaveLength(2);
  });

  it('counts each valid entry as a ticket when several are allowed', () => {
    const out = decideEligibility(
      rules({ onePerPerson: false }),
      [entry('anna'), entry('anna')],
      none,
    );
    expect(out.people[0]?.tickets).toBe(2);
  });

  it('records the rule and reason of each exclusion', () => {
    const out = decideEligibility(
      rules({ keyword: '#Advent', requiredMentions: 1, minimumAge: 18, countries: ['DE'] }),
      [
        entry('late', { text: '#advent @x', enteredAt: new Date('2026-12-24T00:00:00Z') }),
        entry('nokey', { text: 'hallo @x' }),
        entry('nomention', { text: '#Advent' }),
        entry('young', { text: '#Advent @x', source: 'csv', age: 16 }),
        entry('abroad', { text: '#Advent @x', source: 'csv', country: 'FR' }),
        entry('staff', { text: '#Advent @x' }),
        entry('winner', { text: '#Advent @x' }),
        entry('manual', { text: '#Advent @x' }),
        entry('ok', { text: 'Ich will #ADVENT mit @lisa' }),
      ],
      {
        staff: new Set(['staff']),
        previousWinners: new Set([personKey('sandbox', 'winner')]),
        manual: new Map([[personKey('sandbox', 'manual'), 'Gewinnspiel-Account']]),
      },
    );
    const rule = (h: string): string[] =>
      out.people.find((p) => p.personKey === `sandbox:${h}`)?.exclusions.map((x) => x.rule) ?? [];
    expect(rule('late')).toEqual(['outside_period']);
    expect(rule('nokey')).toEqual(['missing_keyword']);
    expect(rule('nomention')).toEqual(['too_few_mentions']);
    expect(rule('young')).toEqual(['under_age']);
    expect(rule('abroad')).toEqual(['country']);
    expect(rule('staff')).toEqual(['staff']);
    expect(rule('winner')).toEqual(['previous_winner']);
    expect(rule('manual')).toEqual(['manual']);
    expect(rule('ok')).toEqual([]);
    const manual = out.people.find((p) => p.personKey === 'sandbox:manual');
    expect(manual?.exclusions[0]?.reasons.de).toContain('Gewinnspiel-Account');
    expect(out.people.filter((p) => p.tickets > 0).map((p) => p.personKey)).toEqual(['sandbox:ok']);
  });

  it('keeps a person whose later entry is valid although an early one was not', () => {
    const out = decideEligibility(
      rules({ keyword: 'kaffee' }),
      [
        entry('anna', { text: 'hallo' }),
        entry('anna', { text: 'Kaffee bitte', enteredAt: new Date('2026-12-11T00:00:00Z') }),
      ],
      none,
    );
    expect(out.people[0]).toMatchObject({ tickets: 1, exclusions: [] });
  });

  it('excludes staff by email from a CSV row', () => {
    const out = decideEligibility(
      rules(),
      [entry('privat', { source: 'csv', email: 'Jana@Firma.de' })],
      { ...none, staff: new Set(['jana@firma.de']) },
    );
    expect(out.people[0]?.exclusions.map((x) => x.rule)).toEqual(['staff']);
  });
});

describe('helpers', () => {
  it('counts distinct mentions of other accounts, not emails or oneself', () => {
    expect(countMentions('@lisa @Lisa @tom mail@example.de @anna', 'anna')).toBe(2);
    expect(countMentions('@bob@mastodon.social und @eve', 'x')).toBe(2);
  });

  it('masks handles', () => {
    expect(maskHandle('@anna_mueller')).toBe('@an…er');
    expect(maskHandle('bert')).toBe('@b…t');
    expect(maskHandle('jo')).toBe('@j…');
  });
});
