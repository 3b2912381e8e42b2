import { describe, expect, it } from '@jest/globals';
import { countdown, dayRelation, formatCountdown, offsetLabel, plannedMinute } from './countdown';

const UNITS = { day: 'd', hour: 'h', minute: 'min', second: 's' };
const at = (iso: string) => Date.parse(iso);
const left = (now: string, target: string) =>
  formatCountdown(countdown(at(now), at(target)), UNITS);

describe('countdown', () => {
  it('counts real time, so the night the clocks go back has 25 hours in Berlin', () => {
    // Saturday noon (CEST, +02:00) to Sunday noon (CET, +01:00): one calendar day, 25 hours.
    expect(left('2026-10-24T12:00:00+02:00', '2026-10-25T12:00:00+01:00')).toBe('1 d 1 h');
    // 01:30 CEST to 02:30 CET on 25 October: the clock reads one hour later, two hours pass.
    expect(left('2026-10-25T01:30:00+02:00', '2026-10-25T02:30:00+01:00')).toBe('2 h 00 min');
  });

  it('and the night the clocks go forward only 23', () => {
    expect(left('2026-03-28T12:00:00+01:00', '2026-03-29T12:00:00+02:00')).toBe('23 h 00 min');
    // 01:30 CET to 03:30 CEST on 29 March: the clock jumps two hours, one hour passes.
    expect(left('2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00')).toBe('1 h 00 min');
  });

  it('shows seconds only in the last hour, and rounds up so "0 s" never shows early', () => {
    expect(left('2026-11-21T09:55:51Z', '2026-11-21T10:00:00Z')).toBe('4 min 09 s');
    expect(left('2026-11-21T09:59:48Z', '2026-11-21T10:00:00Z')).toBe('12 s');
    expect(
      formatCountdown(countdown(at('2026-11-21T09:59:59.600Z'), at('2026-11-21T10:00:00Z')), UNITS),
    ).toBe('1 s');
    expect(left('2026-11-21T07:25:00Z', '2026-11-21T10:00:00Z')).toBe('2 h 35 min');
  });

  it('is due at the minute and after it', () => {
    expect(countdown(at('2026-11-21T10:00:00Z'), at('2026-11-21T10:00:00Z'))).toEqual({
      kind: 'due',
    });
    expect(left('2026-11-21T10:00:05Z', '2026-11-21T10:00:00Z')).toBeNull();
  });
});

describe('the planned minute in the workspace zone', () => {
  it('names the offset that applies on that day, whatever the process zone', () => {
    expect(offsetLabel(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('+02:00');
    expect(offsetLabel(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('+01:00');
    // The ambiguous 02:30 happens twice; each instant says which one it is.
    expect(plannedMinute('2026-10-25T00:30:00Z', 'Europe/Berlin', 'en-GB')).toBe(
      '25 Oct 2026, 02:30 (UTC+02:00)',
    );
    expect(plannedMinute('2026-10-25T01:30:00Z', 'Europe/Berlin', 'en-GB')).toBe(
      '25 Oct 2026, 02:30 (UTC+01:00)',
    );
    expect(offsetLabel(new Date('2026-06-01T12:00:00Z'), 'America/St_Johns')).toBe('-02:30');
  });

  it('says today and tomorrow by the zone’s calendar, not the browser’s', () => {
    // 23:30 UTC on 24 October is already 01:30 on the 25th in Berlin.
    const now = new Date('2026-10-24T23:30:00Z');
    expect(dayRelation(now, new Date('2026-10-25T10:00:00Z'), 'Europe/Berlin')).toBe('today');
    expect(dayRelation(now, new Date('2026-10-25T10:00:00Z'), 'America/New_York')).toBe('tomorrow');
    expect(dayRelation(now, new Date('2026-10-27T10:00:00Z'), 'Europe/Berlin')).toBeNull();
    // Across the 25-hour day: Saturday 23:00 to Sunday 23:30 is still "tomorrow".
    expect(
      dayRelation(
        new Date('2026-10-24T23:00:00+02:00'),
        new Date('2026-10-25T23:30:00+01:00'),
        'Europe/Berlin',
      ),
    ).toBe('tomorrow');
  });
});
