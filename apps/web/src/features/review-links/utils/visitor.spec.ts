import { describe, expect, it } from '@jest/globals';
import { cleanVisitorName, dayIn, formatDay, formatPlanned } from './visitor';

describe('the visitor', () => {
  it('gives a name without stray spaces, and refuses an empty, overlong or control-laden one', () => {
    expect(cleanVisitorName('  Clara   Client ')).toBe('Clara Client');
    expect(cleanVisitorName('   ')).toBeNull();
    expect(cleanVisitorName('x'.repeat(81))).toBeNull();
    expect(cleanVisitorName('Clara\u0007')).toBeNull();
    expect(cleanVisitorName('Zoë 👩‍💻')).toBe('Zoë 👩‍💻');
  });

  it('reads planned times in the workspace zone, whatever the browser’s zone', () => {
    expect(formatPlanned('2031-03-10T09:00:00+01:00', 'de-DE', 'Europe/Berlin')).toContain('09:00');
    expect(formatPlanned('2031-03-10T09:00:00+01:00', 'de-DE', 'Europe/Berlin')).toContain('März');
    expect(dayIn('2031-03-10T00:30:00+01:00', 'Europe/Berlin')).toBe('2031-03-10');
    expect(formatDay('2031-03-10', 'en-GB')).toBe('10 Mar 2031');
  });
});
