import { describe, expect, it } from '@jest/globals';
import { formatLocalDate, parseLocalDate, parseLocalTime } from './local-date-format';

describe('dates as the app’s language writes them', () => {
  it('writes a German date with dots and an English one day first, whatever the browser says', () => {
    expect(formatLocalDate('2026-08-12', 'de-DE')).toBe('12.08.2026');
    expect(formatLocalDate('2026-08-12', 'en-GB')).toBe('12/08/2026');
  });

  it('reads what people type in their order, with any separator, and ISO', () => {
    expect(parseLocalDate('12.8.2026', 'de-DE')).toBe('2026-08-12');
    expect(parseLocalDate(' 12/08/26 ', 'en-GB')).toBe('2026-08-12');
    expect(parseLocalDate('2026-08-12', 'de-DE')).toBe('2026-08-12');
    expect(parseLocalDate('12-08-2026', 'en-GB')).toBe('2026-08-12');
  });

  it('refuses what is no date instead of guessing', () => {
    expect(parseLocalDate('31.02.2026', 'de-DE')).toBeNull();
    expect(parseLocalDate('08/13/2026', 'en-GB')).toBeNull();
    expect(parseLocalDate('12.08', 'de-DE')).toBeNull();
    expect(parseLocalDate('morgen', 'de-DE')).toBeNull();
    expect(parseLocalDate('29.02.2028', 'de-DE')).toBe('2028-02-29');
  });

  it('reads times in 24 hours', () => {
    expect(parseLocalTime('9:05')).toBe('09:05');
    expect(parseLocalTime('0905')).toBe('09:05');
    expect(parseLocalTime('18.30')).toBe('18:30');
    expect(parseLocalTime('7')).toBe('07:00');
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('10:00 AM')).toBeNull();
  });
});
