import { offsetMinutesAt, toLocal } from '@postplan/domain';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The time left until an instant, in whole units; nothing left once it is due. */
export type Countdown =
  { kind: 'due' } | { kind: 'left'; days: number; hours: number; minutes: number; seconds: number };

/**
 * Real elapsed time between two instants, never wall-clock arithmetic: across the switch to
 * winter time a "day" in Berlin has 25 hours, and the countdown says so.
 */
export function countdown(now: number, target: number): Countdown {
  // Counted up to the next whole second, so "in 0 s" never shows while something is still ahead.
  const left = Math.ceil((target - now) / SECOND) * SECOND;
  if (left <= 0) return { kind: 'due' };
  return {
    kind: 'left',
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
    seconds: Math.floor((left % MINUTE) / SECOND),
  };
}

export type CountdownUnits = { day: string; hour: string; minute: string; second: string };

/**
 * The two largest units that matter: "2 d 3 h", "1 h 05 min", "4 min 09 s", "12 s". Seconds
 * only show within the last hour, where they change what a person does.
 */
export function formatCountdown(value: Countdown, units: CountdownUnits): string | null {
  if (value.kind === 'due') return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const { days, hours, minutes, seconds } = value;
  if (days > 0) return `${days} ${units.day} ${hours} ${units.hour}`;
  if (hours > 0) return `${hours} ${units.hour} ${pad(minutes)} ${units.minute}`;
  if (minutes > 0) return `${minutes} ${units.minute} ${pad(seconds)} ${units.second}`;
  return `${seconds} ${units.second}`;
}

/** "+01:00" for an instant in a zone (the offset a person can check against the clock). */
export function offsetLabel(instant: Date, timeZone: string): string {
  const total = offsetMinutesAt(instant, timeZone);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Whether the instant falls on the same or the next calendar day as now, in the zone. */
export function dayRelation(
  now: Date,
  target: Date,
  timeZone: string,
): 'today' | 'tomorrow' | null {
  const a = toLocal(now, timeZone);
  const b = toLocal(target, timeZone);
  const dayNumber = (l: { year: number; month: number; day: number }) =>
    Date.UTC(l.year, l.month - 1, l.day) / DAY;
  const diff = dayNumber(b) - dayNumber(a);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  return null;
}

/** The planned minute as the workspace reads it: "25 Oct 2026, 12:00 (UTC+01:00)". */
export function plannedMinute(iso: string, timeZone: string, intlLocale: string): string {
  const instant = new Date(iso);
  const text = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
  return `${text} (UTC${offsetLabel(instant, timeZone)})`;
}

/** Just the time of day in the zone, for today and tomorrow: "12:00". */
export function timeOfDay(iso: string, timeZone: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}
