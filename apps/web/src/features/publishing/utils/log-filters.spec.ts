import { describe, expect, it } from '@jest/globals';
import { addDays, filtersFromParams, filtersToParams, logQuery, rangeError } from './log-filters';

const base = { status: 'all', period: 'all', from: '', to: '' } as const;

describe('publishing log filters', () => {
  it('round-trip through the URL and ignore what is not a filter', () => {
    const filters = {
      status: 'failed',
      period: 'custom',
      from: '2026-10-01',
      to: '2026-10-31',
    } as const;
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams('status=bogus&period=&from=yesterday'))).toEqual(
      base,
    );
  });

  it('ask for the statuses that need a person, or one status', () => {
    const now = new Date('2026-11-21T10:00:00Z');
    expect(logQuery({ ...base, status: 'attention' }, now, 'Europe/Berlin')).toEqual({
      status: ['failed', 'unconfirmed', 'missed'],
    });
    expect(logQuery({ ...base, status: 'published' }, now, 'Europe/Berlin')).toEqual({
      status: ['published'],
    });
  });

  it('count days in the workspace zone, including the last day of a chosen range', () => {
    // 23:30 UTC on 24 October is the 25th in Berlin.
    const now = new Date('2026-10-24T23:30:00Z');
    expect(logQuery({ ...base, period: 'today' }, now, 'Europe/Berlin')).toEqual({
      from: '2026-10-25',
      to: '2026-10-26',
    });
    expect(logQuery({ ...base, period: 'week' }, now, 'Europe/Berlin')).toEqual({
      from: '2026-10-19',
      to: '2026-10-26',
    });
    expect(
      logQuery({ ...base, period: 'custom', from: '2026-10-01', to: '2026-10-31' }, now, 'UTC'),
    ).toEqual({ from: '2026-10-01', to: '2026-11-01' });
  });

  it('steps by calendar days across month ends and DST', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('refuse an end before the start', () => {
    expect(rangeError({ ...base, period: 'custom', from: '2026-10-31', to: '2026-10-01' })).toBe(
      'endBeforeStart',
    );
    expect(
      rangeError({ ...base, period: 'custom', from: '2026-10-01', to: '2026-10-01' }),
    ).toBeNull();
  });
});
