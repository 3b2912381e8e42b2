import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { wallClock } from './spreadsheet-format';

/**
 * RFC 5545 written line by line, so a feed of a year streams instead of being built in memory.
 * The three things calendar clients trip over are done here and unit-tested: TEXT escaping,
 * folding at 75 octets without splitting a UTF-8 sequence, and local times with a TZID whose
 * VTIMEZONE is part of the file.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT values: backslash, semicolon, comma escaped; every line break becomes \n. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT (RFC 5545 3.3.11); tab is.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/**
 * Folds a content line into lines of at most 75 octets (the continuation's leading space
 * counts), cutting only between code points, so no UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line + CRLF;
  let out = '';
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out += current + CRLF + ' ';
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  return out + current + CRLF;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function utcStamp(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/**
 * DTSTART for an instant: local time with TZID, as clients show it in the workspace's zone.
 * A local time that happens twice (the hour the clocks go back) means its first occurrence in
 * RFC 5545 (3.3.5), so an instant in the second one is written in UTC instead: exact, and every
 * client converts it.
 */
export function dateTimeProperty(name: string, instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  // Offsets change at most once within hours: the offset three hours earlier tells whether the
  // clocks went back just before this instant, and if so, whether this wall-clock reading
  // already happened once (at `earlier`, under the old offset).
  const before = wallClock(new Date(instant.getTime() - 3 * 3_600_000), timeZone).offsetMinutes;
  if (before > clock.offsetMinutes) {
    const earlier = new Date(instant.getTime() - (before - clock.offsetMinutes) * 60_000);
    if (wallClock(earlier, timeZone).offsetMinutes === before) {
      return `${name}:${utcStamp(instant)}`;
    }
  }
  return `${name};TZID=${timeZone}:${clock.compact}`;
}

/** The zone's VTIMEZONE, from the tzurl.org set; null for a zone it does not know. */
export function vtimezone(timeZone: string): string | null {
  const component = getVtimezoneComponent(timeZone);
  if (!component) return null;
  return (
    component
      .split(/\r?\n/)
      .filter((l) => l.length > 0)
      .map(foldLine)
      .join('') || null
  );
}

export type IcsEvent = {
  uid: string;
  sequence: number;
  start: Date;
  durationMinutes: number;
  stamp: Date;
  summary: string;
  description: string;
  categories: string[];
  status: 'CONFIRMED' | 'TENTATIVE';
  url?: string;
};

export function calendarHeader(name: string, timeZone: string): string {
  const tz = vtimezone(timeZone);
  return [
    foldLine('BEGIN:VCALENDAR'),
    foldLine('VERSION:2.0'),
    foldLine('PRODID:-//Postplan//Editorial calendar//EN'),
    foldLine('CALSCALE:GREGORIAN'),
    foldLine('METHOD:PUBLISH'),
    foldLine(`X-WR-CALNAME:${escapeText(name)}`),
    foldLine(`X-WR-TIMEZONE:${timeZone}`),
    foldLine('REFRESH-INTERVAL;VALUE=DURATION:PT1H'),
    foldLine('X-PUBLISHED-TTL:PT1H'),
    tz ?? '',
  ].join('');
}

export function calendarFooter(): string {
  return foldLine('END:VCALENDAR');
}

/** One VEVENT. Without a VTIMEZONE for the zone, times are written in UTC. */
export function eventLines(e: IcsEvent, timeZone: string, zoneKnown: boolean): string {
  const start = zoneKnown
    ? dateTimeProperty('DTSTART', e.start, timeZone)
    : `DTSTART:${utcStamp(e.start)}`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `LAST-MODIFIED:${utcStamp(e.stamp)}`,
    start,
    `DURATION:PT${e.durationMinutes}M`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `STATUS:${e.status}`,
    'TRANSP:TRANSPARENT',
  ];
  if (e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines.map(foldLine).join('');
}
