const FALLBACK_ZONES = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'UTC'];

/** The IANA zones the browser knows, with the German-speaking ones first. */
export function timeZoneOptions(): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = all.filter((zone) => !FALLBACK_ZONES.includes(zone));
  return [...FALLBACK_ZONES, ...rest];
}

/** The browser's zone when it is a real IANA zone we list, else Europe/Berlin. */
export function defaultTimeZone(
  options: readonly string[],
  browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  return browserZone && options.includes(browserZone) ? browserZone : 'Europe/Berlin';
}
