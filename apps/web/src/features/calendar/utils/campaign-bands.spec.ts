import { describe, expect, it } from '@jest/globals';
import { campaignBands, nextDay } from './campaign-bands';

describe('campaignBands', () => {
  it('covers the last day too: the band ends the day after it (FullCalendar ends are exclusive)', () => {
    const [band] = campaignBands([
      {
        id: 'c1',
        name: 'Frühling',
        color: '#16a34a',
        startsOn: '2026-03-01',
        endsOn: '2026-03-31',
      },
    ]);
    expect(band).toMatchObject({
      start: '2026-03-01',
      end: '2026-04-01',
      allDay: true,
      display: 'background',
      color: '#16a34a',
    });
  });

  it('counts days on the date alone, across month, year and clock-change ends', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-03-29')).toBe('2026-03-30');
  });
});
