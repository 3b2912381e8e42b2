import { useQuery } from '@tanstack/react-query';
import { publicHolidays, type HolidayEntry } from '../utils/holidays';

/**
 * Public holidays computed in the browser by date-holidays. The package carries the rules of
 * every country, so it is loaded on demand in its own chunk.
 */
export function useHolidays(
  country: string,
  region: string | null,
  years: readonly number[],
  lang: string,
) {
  return useQuery({
    queryKey: ['holidays', country, region, years.join(','), lang],
    enabled: years.length > 0 && country.length === 2,
    staleTime: Infinity,
    queryFn: async (): Promise<HolidayEntry[]> => {
      const { default: Holidays } = await import('date-holidays');
      const source = region
        ? new Holidays(country, region, { languages: [lang], types: ['public'] })
        : new Holidays(country, { languages: [lang], types: ['public'] });
      return publicHolidays(source, years, lang);
    },
  });
}
