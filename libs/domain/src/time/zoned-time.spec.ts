import {
  TimeZoneError,
  formatInZone,
  isValidTimeZone,
  offsetMinutesAt,
  parseRangeBound,
  parseZonedDateTime,
  toLocal,
} from './zoned-time';

function errorOf(fn: () => unknown): TimeZoneError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TimeZoneError) return e;
    throw e;
  }
  throw new Error('expected a TimeZoneError');
}

describe('parseZonedDateTime in Europe/Berlin', () => {
  const tz = 'Europe/Berlin';

  it('reads a winter wall-clock time as UTC+1 and a summer one as UTC+2', () => {
    expect(parseZonedDateTime('2026-01-15T09:00', tz).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(parseZonedDateTime('2026-07-15T09:00', tz).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('rejects 02:30 on 2026-03-29, which the clocks skip, and names the next valid time', () => {
    const e = errorOf(() => parseZonedDateTime('2026-03-29T02:30', tz));
    expect(e.detail).toEqual({
      code: 'LOCAL_TIME_DOES_NOT_EXIST',
      local: '2026-03-29 02:30',
      timeZone: tz,
      nextValid: '2026-03-29T03:30:00+02:00',
    });
    expect(e.message).toContain('does not exist');
  });

  it('accepts the minutes around the gap', () => {
    expect(parseZonedDateTime('2026-03-29T01:59', tz).toISOString()).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(parseZonedDateTime('2026-03-29T03:00', tz).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('asks for the offset for 02:30 on 2026-10-25, which happens twice', () => {
    const e = errorOf(() => parseZonedDateTime('2026-10-25T02:30', tz));
    expect(e.detail).toEqual({
      code: 'LOCAL_TIME_AMBIGUOUS',
      local: '2026-10-25 02:30',
      timeZone: tz,
      candidates: ['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'],
    });
  });

  it('takes an ambiguous time once the offset is given, and the two offsets are an hour apart', () => {
    const summer = parseZonedDateTime('2026-10-25T02:30+02:00', tz);
    const winter = parseZonedDateTime('2026-10-25T02:30+01:00', tz);
    expect(summer.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(winter.getTime() - summer.getTime()).toBe(3_600_000);
  });
});

describe('parseZonedDateTime in America/New_York', () => {
  const tz = 'America/New_York';

  it('rejects 2026-03-08 02:30 (spring forward)', () => {
    expect(errorOf(() => parseZonedDateTime('2026-03-08T02:30', tz)).detail.code).toBe(
      'LOCAL_TIME_DOES_NOT_EXIST',
    );
  });

  it('needs the offset for 2026-11-01 01:30 (fall back)', () => {
    const e = errorOf(() => parseZonedDateTime('2026-11-01T01:30', tz));
    expect(e.detail).toMatchObject({
      code: 'LOCAL_TIME_AMBIGUOUS',
      candidates: ['2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00'],
    });
  });

  it('reads ordinary times with the right offset', () => {
    expect(parseZonedDateTime('2026-06-01T12:00', tz).toISOString()).toBe(
      '2026-06-01T16:00:00.000Z',
    );
  });
});

describe('input checks', () => {
  it('rejects an unknown time zone with its own code', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(errorOf(() => parseZonedDateTime('2026-01-01T10:00', 'Mars/Olympus')).detail.code).toBe(
      'INVALID_TIME_ZONE',
    );
  });

  it.each([
    '2026-02-30T10:00',
    '2026-13-01T10:00',
    '2026-01-01T24:00',
    '2026-01-01T10:00+25:00',
    'tomorrow',
  ])('rejects %s as not a date-time', (input) => {
    expect(errorOf(() => parseZonedDateTime(input, 'UTC')).detail.code).toBe('INVALID_DATE_TIME');
  });
});

describe('formatInZone and offsets', () => {
  it('writes the offset in force at that instant', () => {
    const tz = 'Europe/Berlin';
    expect(formatInZone(new Date('2026-03-29T00:59:00Z'), tz)).toBe('2026-03-29T01:59:00+01:00');
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), tz)).toBe('2026-03-29T03:00:00+02:00');
    expect(formatInZone(new Date('2026-05-01T10:00:00.250Z'), 'Asia/Kolkata')).toBe(
      '2026-05-01T15:30:00.250+05:30',
    );
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('round-trips every quarter hour of a DST day', () => {
    const tz = 'Europe/Berlin';
    for (
      let t = Date.parse('2026-10-24T20:00:00Z');
      t < Date.parse('2026-10-25T06:00:00Z');
      t += 900_000
    ) {
      const text = formatInZone(new Date(t), tz);
      expect(parseZonedDateTime(text, tz).getTime()).toBe(t);
    }
  });
});

describe('parseRangeBound', () => {
  it('reads a bare day as local midnight', () => {
    expect(parseRangeBound('2026-11-01', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-31T23:00:00.000Z',
    );
    expect(parseRangeBound('2026-07-01', 'Europe/Berlin').toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
  });

  it('takes the first instant of a day whose midnight does not exist', () => {
    // Santiago springs forward at midnight: 2026-09-06 00:00 does not exist.
    const start = parseRangeBound('2026-09-06', 'America/Santiago');
    expect(formatInZone(start, 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
  });
});

describe('formatInZone fast path', () => {
  it('agrees with the exact Intl reading at every quarter hour over two years in several zones', () => {
    for (const tz of [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ]) {
      for (
        let t = Date.parse('2026-01-01T00:00:00Z');
        t < Date.parse('2028-01-01T00:00:00Z');
        t += 7 * 900_000 + 60_000
      ) {
        const instant = new Date(t);
        const l = toLocal(instant, tz);
        const text = formatInZone(instant, tz);
        expect(text.slice(0, 16)).toBe(
          `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}T${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`,
        );
        expect(parseZonedDateTime(text, tz).getTime()).toBe(t);
      }
    }
  });
});
