import { describe, expect, it } from '@jest/globals';
import type { Contest } from '@postplan/contracts';
import {
  contestToForm,
  emptyContestForm,
  instantToFields,
  parseCountries,
  resolvePeriodBound,
  toContestRequest,
  validateContestForm,
  winnersCount,
  type ContestFormValues,
} from './contest-form';

const ZONE = 'Europe/Berlin';

function filled(overrides: Partial<ContestFormValues> = {}): ContestFormValues {
  return {
    ...emptyContestForm(),
    title: 'Adventsgewinnspiel',
    prizes: [
      { name: 'Ein Jahresabo', quantity: '1', value: '' },
      { name: 'Ein Thermobecher', quantity: '2', value: 'je 25 €' },
    ],
    startDate: '2031-12-01',
    startTime: '09:00',
    endDate: '2031-12-24',
    endTime: '23:59',
    postIds: ['00000000-0000-4000-8000-000000000001'],
    organiserName: 'Stadtwerke Hafen GmbH',
    organiserAddress: 'Hafenstraße 1\n20457 Hamburg',
    ...overrides,
  };
}

describe('validateContestForm', () => {
  it('accepts a complete contest', () => {
    expect(validateContestForm(filled(), ZONE)).toEqual({});
  });

  it('names every missing field of an empty form', () => {
    expect(validateContestForm(emptyContestForm(), ZONE)).toEqual({
      title: 'contests.form.error.title',
      prizes: 'contests.form.error.prizes',
      start: 'contests.form.error.startMissing',
      end: 'contests.form.error.endMissing',
      postIds: 'contests.form.error.postIds',
      organiserName: 'contests.form.error.organiserName',
      organiserAddress: 'contests.form.error.organiserAddress',
    });
  });

  it('wants whole numbers in range for quantities, alternates, age, mentions and retention', () => {
    const errors = validateContestForm(
      filled({
        prizes: [{ name: 'Abo', quantity: '0', value: '' }],
        alternates: '1.5',
        minimumAge: '120',
        requiredMentions: 'zwei',
        retentionDays: '0',
      }),
      ZONE,
    );
    expect(errors).toEqual({
      prizes: 'contests.form.error.prizeQuantity',
      alternates: 'contests.form.error.alternates',
      minimumAge: 'contests.form.error.minimumAge',
      requiredMentions: 'contests.form.error.requiredMentions',
      retentionDays: 'contests.form.error.retentionDays',
    });
    expect(validateContestForm(filled({ alternates: '' }), ZONE)).toEqual({});
  });

  it('counts winners from the prizes, ignoring a row left empty, and caps them at 100', () => {
    const rows = [
      { name: 'Abo', quantity: '3', value: '' },
      { name: '', quantity: '5', value: '' },
    ];
    expect(winnersCount(rows)).toBe(3);
    expect(
      validateContestForm(
        filled({ prizes: [{ name: 'Becher', quantity: '101', value: '' }] }),
        ZONE,
      ).prizes,
    ).toBe('contests.form.error.prizeQuantity');
    expect(
      validateContestForm(
        filled({
          prizes: [
            { name: 'Becher', quantity: '60', value: '' },
            { name: 'Tasche', quantity: '60', value: '' },
          ],
        }),
        ZONE,
      ).prizes,
    ).toBe('contests.form.error.winners');
  });

  it('refuses an end that is not after the start', () => {
    expect(validateContestForm(filled({ endDate: '2031-12-01', endTime: '09:00' }), ZONE).end).toBe(
      'contests.form.error.endBeforeStart',
    );
  });

  it('knows the night the clocks change in the workspace zone', () => {
    // 2031-03-30 02:30 does not exist in Berlin; 2031-10-26 02:30 happens twice.
    expect(
      validateContestForm(filled({ startDate: '2031-03-30', startTime: '02:30' }), ZONE).start,
    ).toBe('contests.form.error.timeDoesNotExist');
    expect(
      validateContestForm(
        filled({ startDate: '2031-10-01', endDate: '2031-10-26', endTime: '02:30' }),
        ZONE,
      ).end,
    ).toBe('contests.form.error.timeAmbiguous');
    // The same wall-clock time is fine in a zone without that change.
    expect(
      validateContestForm(
        filled({ startDate: '2031-03-30', startTime: '02:30' }),
        'America/New_York',
      ).start,
    ).toBeUndefined();
  });

  it('needs a way to enter, and what that way needs', () => {
    expect(
      validateContestForm(filled({ viaPosts: false, viaKeyword: false, viaCsv: false }), ZONE)
        .methods,
    ).toBe('contests.form.error.methods');
    expect(validateContestForm(filled({ viaKeyword: true, keyword: ' # ' }), ZONE).keyword).toBe(
      'contests.form.error.keyword',
    );
    expect(
      validateContestForm(filled({ viaPosts: false, postIds: [], viaCsv: true }), ZONE),
    ).toEqual({});
  });

  it('checks country codes and the organiser’s address', () => {
    expect(validateContestForm(filled({ countries: 'DE, Austria' }), ZONE).countries).toBe(
      'contests.form.error.countries',
    );
    expect(validateContestForm(filled({ organiserEmail: 'kontakt@' }), ZONE).organiserEmail).toBe(
      'contests.form.error.organiserEmail',
    );
  });
});

describe('parseCountries', () => {
  it('reads codes in any case and separator, each once', () => {
    expect(parseCountries('de, at;CH  de')).toEqual(['DE', 'AT', 'CH']);
    expect(parseCountries('  ')).toEqual([]);
  });
});

describe('the entry period in the workspace zone', () => {
  it('turns wall-clock fields into an instant with the zone’s offset and back', () => {
    const check = resolvePeriodBound('2031-12-24', '23:59', ZONE);
    expect(check).toEqual({ kind: 'exact', instant: '2031-12-24T23:59:00+01:00' });
    expect(instantToFields('2031-12-24T22:59:00Z', ZONE)).toEqual({
      date: '2031-12-24',
      time: '23:59',
    });
  });
});

describe('toContestRequest', () => {
  it('sends what the API takes: the period with the zone’s offset, prizes, methods and rules', () => {
    const request = toContestRequest(
      filled({
        prizes: [
          { name: ' Ein Jahresabo ', quantity: '1', value: '' },
          { name: '', quantity: '1', value: '' },
        ],
        viaKeyword: true,
        keyword: '  #Advent   2031 ',
        countries: 'de at',
        minimumAge: '',
        excludePreviousWinners: '3',
        staffHandles: '@hafen_team\n\npresse@hafen.de\n@hafen_team',
        campaignId: 'c0000000-0000-4000-8000-000000000001',
      }),
      ZONE,
    );
    expect(request).toEqual({
      campaignId: 'c0000000-0000-4000-8000-000000000001',
      title: 'Adventsgewinnspiel',
      description: '',
      prizes: [{ name: 'Ein Jahresabo', quantity: 1, value: null }],
      alternatesCount: 2,
      entriesFrom: '2031-12-01T09:00:00+01:00',
      entriesUntil: '2031-12-24T23:59:00+01:00',
      entryMethods: ['comment', 'keyword'],
      eligibility: {
        minimumAge: null,
        countries: ['DE', 'AT'],
        onePerPerson: true,
        excludeStaff: true,
        staffHandles: ['@hafen_team', 'presse@hafen.de'],
        excludePreviousWinnersOfLast: 3,
        requiredMentions: 0,
        keyword: '#Advent 2031',
      },
      organiser: {
        name: 'Stadtwerke Hafen GmbH',
        address: 'Hafenstraße 1\n20457 Hamburg',
        email: null,
      },
      retentionDays: 90,
      postIds: ['00000000-0000-4000-8000-000000000001'],
    });
  });

  it('round-trips a saved contest through the form', () => {
    const request = toContestRequest(filled({ viaCsv: true }), ZONE);
    const contest = {
      ...request,
      prizes: request.prizes.map((p) => ({
        ...p,
        quantity: p.quantity ?? 1,
        value: p.value ?? null,
      })),
      entriesFrom: '2031-12-01T08:00:00Z',
      entriesUntil: '2031-12-24T22:59:00Z',
      eligibility: request.eligibility,
      organiser: request.organiser,
    } as unknown as Contest;
    const form = contestToForm(contest, ZONE);
    expect(toContestRequest(form, ZONE)).toEqual(request);
  });
});
