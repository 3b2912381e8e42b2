/** Date and time of an instant in the workspace's zone, whatever the browser's zone is. */
export function formatWhen(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
