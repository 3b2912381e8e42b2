/**
 * Wall-clock time in an IANA time zone, converted to and from instants without relying on the
 * process's TZ. Intl knows the zone rules; this module only asks it for the offset at an
 * instant and reasons about the (at most two) instants a local time can mean.
 */

export type LocalDateTime = {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

export type LocalResolution =
  | { kind: 'exact'; instant: Date }
  | { kind: 'nonexistent'; nextValid: Date }
  | { kind: 'ambiguous'; earlier: Date; later: Date };

export type TimeError =
  | { code: 'INVALID_TIME_ZONE'; timeZone: string }
  | { code: 'LOCAL_TIME_DOES_NOT_EXIST'; local: string; timeZone: string; nextValid: string }
  | {
      code: 'LOCAL_TIME_AMBIGUOUS';
      local: string;
      timeZone: string;
      candidates: [string, string];
    }
  | { code: 'INVALID_DATE_TIME'; input: string };

export class TimeZoneError extends Error {
  constructor(readonly detail: TimeError) {
    super(describeTimeError(detail));
    this.name = 'TimeZoneError';
  }
}

export function describeTimeError(e: TimeError): string {
  switch (e.code) {
    case 'INVALID_TIME_ZONE':
      return `"${e.timeZone}" is not an IANA time zone (for example Europe/Berlin)`;
    case 'LOCAL_TIME_DOES_NOT_EXIST':
      return `${e.local} does not exist in ${e.timeZone}: the clocks skip it when daylight saving time starts. The next valid time is ${e.nextValid}.`;
    case 'LOCAL_TIME_AMBIGUOUS':
      return `${e.local} happens twice in ${e.timeZone} when daylight saving time ends; give the offset: ${e.candidates[0]} or ${e.candidates[1]}`;
    case 'INVALID_DATE_TIME':
      return `"${e.input}" is not a valid date and time`;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new TimeZoneError({ code: 'INVALID_TIME_ZONE', timeZone });
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: +120). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const local = toLocal(instant, timeZone);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / MINUTE);
}

/** The wall-clock reading in a zone at an instant. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  return {
    year,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((instant.getTime() % 1000) + 1000) % 1000,
  };
}

function localAsUtcMs(l: LocalDateTime): number {
  const d = new Date(0);
  d.setUTCFullYear(l.year, l.month - 1, l.day);
  d.setUTCHours(l.hour, l.minute, l.second, l.millisecond);
  return d.getTime();
}

/**
 * Every instant whose wall-clock reading in the zone is `local`. Zone transitions are at least
 * days apart, so the offsets a day before and a day after are the only candidates.
 */
export function resolveLocal(local: LocalDateTime, timeZone: string): LocalResolution {
  assertTimeZone(timeZone);
  const wall = localAsUtcMs(local);
  const offsets = new Set([
    offsetMinutesAt(new Date(wall - 36 * HOUR), timeZone),
    offsetMinutesAt(new Date(wall), timeZone),
    offsetMinutesAt(new Date(wall + 36 * HOUR), timeZone),
  ]);
  const matches = [...offsets]
    .map((o) => wall - o * MINUTE)
    .filter((t) => offsetMinutesAt(new Date(t), timeZone) * MINUTE === wall - t)
    .sort((a, b) => a - b);
  const [first, second] = matches;
  if (first !== undefined && second !== undefined && first !== second) {
    return { kind: 'ambiguous', earlier: new Date(first), later: new Date(second) };
  }
  if (first !== undefined) return { kind: 'exact', instant: new Date(first) };
  // In a gap: the first valid instant is where the later offset starts to apply.
  const before = offsetMinutesAt(new Date(wall - 36 * HOUR), timeZone);
  return { kind: 'nonexistent', nextValid: new Date(wall - before * MINUTE) };
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

type Parsed = { local: LocalDateTime; offset: string | undefined; hasTime: boolean };

function parse(input: string): Parsed {
  const m = DATE_TIME.exec(input);
  if (!m) throw new TimeZoneError({ code: 'INVALID_DATE_TIME', input });
  const [, y, mo, d, h, mi, s, ms, offset] = m;
  const local: LocalDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: Number((ms ?? '0').padEnd(3, '0')),
  };
  const check = new Date(localAsUtcMs(local));
  const valid =
    check.getUTCFullYear() === local.year &&
    check.getUTCMonth() + 1 === local.month &&
    check.getUTCDate() === local.day &&
    local.hour < 24 &&
    local.minute < 60 &&
    local.second < 60;
  if (!valid) throw new TimeZoneError({ code: 'INVALID_DATE_TIME', input });
  if (offset && offset !== 'Z' && !/^[+-](0\d|1[0-4]):[0-5]\d$/.test(offset)) {
    throw new TimeZoneError({ code: 'INVALID_DATE_TIME', input });
  }
  return { local, offset, hasTime: h !== undefined };
}

function offsetToMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * Reads a date-time a person or a script sent. With an offset it names one instant; without
 * one it is wall-clock time in `timeZone`, which must exist and be unambiguous there.
 */
export function parseZonedDateTime(input: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const { local, offset } = parse(input);
  if (offset) return new Date(localAsUtcMs(local) - offsetToMinutes(offset) * MINUTE);
  const r = resolveLocal(local, timeZone);
  const shown = input.replace('T', ' ');
  switch (r.kind) {
    case 'exact':
      return r.instant;
    case 'nonexistent':
      throw new TimeZoneError({
        code: 'LOCAL_TIME_DOES_NOT_EXIST',
        local: shown,
        timeZone,
        nextValid: formatInZone(r.nextValid, timeZone),
      });
    case 'ambiguous':
      throw new TimeZoneError({
        code: 'LOCAL_TIME_AMBIGUOUS',
        local: shown,
        timeZone,
        candidates: [formatInZone(r.earlier, timeZone), formatInZone(r.later, timeZone)],
      });
  }
}

/**
 * A range bound: a bare day means the start of that day in the zone (or the first instant of
 * it, where a transition swallows midnight); a date-time is read as in parseZonedDateTime.
 */
export function parseRangeBound(input: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const { local, hasTime } = parse(input);
  if (hasTime) return parseZonedDateTime(input, timeZone);
  const r = resolveLocal(local, timeZone);
  switch (r.kind) {
    case 'exact':
      return r.instant;
    case 'nonexistent':
      return r.nextValid;
    case 'ambiguous':
      return r.earlier;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

// Since 1900 every zone changes its offset only on a quarter hour, so one offset per zone and
// quarter hour is exact. Asking Intl costs microseconds; a calendar month has thousands of posts
// and an export of years hundreds of thousands. Most UTC days have one offset throughout (zone
// transitions are days apart), so the offset is remembered per day where it does not change,
// and per quarter hour only on the days it does.
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 24 * HOUR;
const MODERN_ERA = Date.UTC(1900, 0, 1);
const offsetCache = new Map<string, Map<number, number>>();
const dayCache = new Map<string, Map<number, number | null>>();

function cachedOffsetMinutes(instant: Date, timeZone: string): number {
  let days = dayCache.get(timeZone);
  if (!days) dayCache.set(timeZone, (days = new Map<number, number | null>()));
  const day = Math.floor(instant.getTime() / DAY);
  let constant = days.get(day);
  if (constant === undefined) {
    if (days.size > 100_000) days.clear();
    const atStart = offsetMinutesAt(new Date(day * DAY), timeZone);
    const atEnd = offsetMinutesAt(new Date((day + 1) * DAY - 1000), timeZone);
    constant = atStart === atEnd ? atStart : null;
    days.set(day, constant);
  }
  if (constant !== null) return constant;
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map<number, number>()));
  const bucket = Math.floor(instant.getTime() / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size > 100_000) zone.clear();
    offset = offsetMinutesAt(new Date(bucket * QUARTER_HOUR), timeZone);
    zone.set(bucket, offset);
  }
  return offset;
}

/** ISO 8601 with the zone's offset at that instant: 2026-11-21T10:00:00+01:00. */
export function formatInZone(instant: Date, timeZone: string): string {
  if (instant.getTime() < MODERN_ERA) return formatWithIntl(instant, timeZone);
  const offset = cachedOffsetMinutes(instant, timeZone);
  const w = new Date(instant.getTime() + offset * MINUTE);
  return formatParts(
    {
      year: w.getUTCFullYear(),
      month: w.getUTCMonth() + 1,
      day: w.getUTCDate(),
      hour: w.getUTCHours(),
      minute: w.getUTCMinutes(),
      second: w.getUTCSeconds(),
      millisecond: w.getUTCMilliseconds(),
    },
    offset,
  );
}

function formatWithIntl(instant: Date, timeZone: string): string {
  return formatParts(toLocal(instant, timeZone), offsetMinutesAt(instant, timeZone));
}

function formatParts(l: LocalDateTime, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const ms = l.millisecond ? `.${pad(l.millisecond, 3)}` : '';
  return (
    `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${ms}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}
