import { VISITOR_NAME_MAX } from '@postplan/contracts';

const NAME_KEY = 'postplan.review.visitorName';

/** The visitor's name stays on their device; it is sent along with each action. */
export function storedVisitorName(): string {
  try {
    return window.localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberVisitorName(name: string): void {
  try {
    window.localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private mode or blocked storage: the name then lasts for this page only.
  }
}

export function cleanVisitorName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/gu, ' ');
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > VISITOR_NAME_MAX || /[\u0000-\u001f\u007f]/u.test(name)) {
    return null;
  }
  return name;
}

/** A planned time as the client reads it: in the workspace's zone, in the page's language. */
export function formatPlanned(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** An instant's day in a zone, as YYYY-MM-DD. */
export function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** A plain day (YYYY-MM-DD) for people; no zone can move it to the day before. */
export function formatDay(day: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}
