import { describe, expect, it } from '@jest/globals';
import {
  emptyContestForm,
  instantToFields,
  parseCountries,
  resolvePeriodBound,
  validateContestForm,
  type ContestFormValues,
} from './contest-form';

const ZONE = 'Europe/Berlin';

function filled(overrides: Partial<ContestFormValues> = {}): ContestFormValues {
  return {
    ...emptyContestForm(),
    title: 'Adventsgewinnspiel',
    prizes: ['Ein Jahresabo'],
    startDate: '2031-12-01',
    startTime: '09:00',
    endDate: '2031-12-24',
    endTime: '23:59',
    postIds: ['00000000-0000-4000-8000-000000000001'],
    organiserName: 'Stadtwerke Hafen GmbH',
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
    });
  });

  it('wants whole numbers in range for winners, alternates, age and mentions', () => {
    const errors = validateContestForm(
      filled({ winners: '0', alternates: '1.5', minimumAge: '120', requiredMentions: 'zwei' }),
      ZONE,
    );
    expect(errors).toEqual({
      winners: 'contests.form.error.winners',
      alternates: 'contests.form.error.alternates',
      minimumAge: 'contests.form.error.minimumAge',
      requiredMentions: 'contests.form.error.requiredMentions',
    });
    expect(validateContestForm(filled({ winners: ' 3 ', alternates: '' }), ZONE)).toEqual({});
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
