/** Amber, so a day off stands apart from the blue of today and of selections. */
export const HOLIDAY_COLOR = '#f59e0b';

export type HolidayEntry = { date: string; name: string };

export type HolidayEventInput = {
  id: string;
  title: string;
  start: string;
  allDay: true;
  display: 'background';
  color: string;
  extendedProps: { kind: 'holiday' };
};

/** The calendar years a visible range touches (the range end is exclusive). */
export function yearsInRange(start: string, end: string): number[] {
  const first = Number(start.slice(0, 4));
  const endYear = Number(end.slice(0, 4));
  const endsOnNewYear = end.slice(5, 10) === '01-01';
  const last = endsOnNewYear ? endYear - 1 : endYear;
  const years: number[] = [];
  for (let y = first; y <= Math.max(first, last); y++) years.push(y);
  return years;
}

export function holidayEvents(entries: readonly HolidayEntry[]): HolidayEventInput[] {
  return entries.map((entry) => ({
    id: `holiday-${entry.date}`,
    title: entry.name,
    start: entry.date,
    allDay: true,
    display: 'background',
    color: HOLIDAY_COLOR,
    extendedProps: { kind: 'holiday' },
  }));
}

type HolidaysLike = {
  getHolidays(year: number, lang?: string): { date: string; name: string; type: string }[];
};

/** Only public holidays (days off), one entry per day, named in the UI language. */
export function publicHolidays(
  source: HolidaysLike,
  years: readonly number[],
  lang: string,
): HolidayEntry[] {
  const byDate = new Map<string, string>();
  for (const year of years) {
    for (const holiday of source.getHolidays(year, lang)) {
      if (holiday.type !== 'public') continue;
      const date = holiday.date.slice(0, 10);
      const existing = byDate.get(date);
      byDate.set(date, existing ? `${existing} / ${holiday.name}` : holiday.name);
    }
  }
  return [...byDate]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
