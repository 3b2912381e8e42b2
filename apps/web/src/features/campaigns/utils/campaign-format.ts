/** A period of calendar days as people read it ("1.–31. März 2026"), on the dates alone. */
export function formatPeriod(startsOn: string, endsOn: string, intlLocale: string): string {
  const asDate = (day: string) => new Date(`${day}T12:00:00Z`);
  const format = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  return format.formatRange(asDate(startsOn), asDate(endsOn));
}

/** A planned instant in the workspace zone, short. */
export function formatPlanned(instant: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}
