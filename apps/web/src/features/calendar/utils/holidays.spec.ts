import Holidays from 'date-holidays';
import { describe, expect, it } from '@jest/globals';
import { holidayEvents, publicHolidays, yearsInRange } from './holidays';

describe('yearsInRange', () => {
  it('covers both years of a view that spans New Year, but not the year of an exclusive end', () => {
    expect(yearsInRange('2026-11-30T00:00:00+01:00', '2027-01-11T00:00:00+01:00')).toEqual([
      2026, 2027,
    ]);
    expect(yearsInRange('2026-12-01', '2027-01-01')).toEqual([2026]);
    expect(yearsInRange('2026-06-01', '2026-07-06')).toEqual([2026]);
  });
});

describe('publicHolidays', () => {
  it('names German public holidays in the UI language, with the region’s own days', () => {
    const bavaria = publicHolidays(
      new Holidays('DE', 'BY', { languages: ['de'], types: ['public'] }),
      [2026],
      'de',
    );
    expect(bavaria).toContainEqual({ date: '2026-01-06', name: 'Heilige Drei Könige' });
    expect(bavaria).toContainEqual({ date: '2026-10-03', name: 'Tag der Deutschen Einheit' });

    const berlin = publicHolidays(
      new Holidays('DE', 'BE', { languages: ['en'], types: ['public'] }),
      [2026],
      'en',
    );
    expect(berlin.map((h) => h.date)).not.toContain('2026-01-06');
    expect(berlin).toContainEqual({ date: '2026-12-25', name: 'Christmas Day' });
  });

  it('becomes all-day background events', () => {
    expect(holidayEvents([{ date: '2026-12-25', name: '1. Weihnachtstag' }])).toEqual([
      expect.objectContaining({
        start: '2026-12-25',
        allDay: true,
        display: 'background',
        title: '1. Weihnachtstag',
      }),
    ]);
  });
});
