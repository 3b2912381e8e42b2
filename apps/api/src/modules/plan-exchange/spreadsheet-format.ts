import { EXPORT_COLUMNS, type ExportColumn } from '@postplan/contracts';
import { formatInZone } from '@postplan/domain';
import { type ExportRow } from './export.repository';

export type Lang = 'de' | 'en';

/** Column headings per language; the import recognises both (and the machine names). */
export const HEADINGS: Record<Lang, Record<ExportColumn, string>> = {
  en: {
    post_id: 'Post ID',
    planned: 'Planned',
    utc_offset: 'UTC offset',
    channel: 'Channel',
    platform: 'Platform',
    status: 'Status',
    title: 'Title',
    text: 'Text',
    channel_text: 'Channel text',
    tags: 'Tags',
    author: 'Author',
    campaign: 'Campaign',
    image_url: 'Image URL',
    alt_text: 'Alt text',
  },
  de: {
    post_id: 'Beitrags-ID',
    planned: 'Geplant',
    utc_offset: 'UTC-Versatz',
    channel: 'Kanal',
    platform: 'Plattform',
    status: 'Status',
    title: 'Titel',
    text: 'Text',
    channel_text: 'Kanaltext',
    tags: 'Schlagwörter',
    author: 'Autor·in',
    campaign: 'Kampagne',
    image_url: 'Bild-URL',
    alt_text: 'Alt-Text',
  },
};

export function headings(lang: Lang): string[] {
  return EXPORT_COLUMNS.map((c) => HEADINGS[lang][c]);
}

/**
 * The zone's wall clock at an instant, read off the domain's formatInZone (which caches the
 * zone's offset per quarter hour): Intl per row would cost more than everything else an
 * export does.
 */
export type WallClock = {
  /** "2026-10-25 02:30", seconds only when there are any. */
  text: string;
  /** "20261025T023000", for ICS. */
  compact: string;
  offsetMinutes: number;
};

export function wallClock(instant: Date, timeZone: string): WallClock {
  const iso = formatInZone(instant, timeZone); // 2026-10-25T02:30:00[.123]+01:00
  const offset = iso.slice(-6);
  const seconds = iso.slice(17, 19);
  const sign = offset[0] === '-' ? -1 : 1;
  return {
    text: `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`,
    compact: `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${seconds}`,
    offsetMinutes: sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))),
  };
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** The workspace's wall-clock reading: "2026-10-25 02:30" (seconds only when there are any). */
export function localText(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).text;
}

/**
 * "UTC+01:00": with the local time it names the instant, even in the hour that happens twice.
 * The "UTC" keeps the cell from starting with a sign a spreadsheet reads as a formula.
 */
export function offsetText(instant: Date, timeZone: string): string {
  return utcOffsetText(wallClock(instant, timeZone).offsetMinutes);
}

export function utcOffsetText(o: number): string {
  return `UTC${o < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(o) / 60))}:${pad(Math.abs(o) % 60)}`;
}

/** A spreadsheet row's cells, in EXPORT_COLUMNS order, all but `planned` as text. */
export function rowCells(r: ExportRow, clock: WallClock): (string | Date)[] {
  return [
    r.post_id,
    r.planned_at,
    utcOffsetText(clock.offsetMinutes),
    r.channel ?? '',
    r.platform ?? '',
    r.status,
    r.title,
    r.text,
    r.channel_text ?? '',
    r.tags.join(', '),
    r.author ?? '',
    r.campaign ?? '',
    r.image_urls ?? '',
    r.alt_texts ?? '',
  ];
}

/**
 * Cells that a spreadsheet would run as a formula (or that hide one behind a tab, CR or NUL,
 * OWASP ASVS 1.2.10), and cells that already start with the quote, get a leading apostrophe.
 * The import removes exactly that one again, so the round trip is exact.
 */
const DANGEROUS_FIRST = new Set(
  ['=', '+', '-', '@', '\t', '\r', '\u0000', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', "'"].map((c) =>
    c.charCodeAt(0),
  ),
);

const isDangerous = (cell: string, at = 0) =>
  cell.length > at && DANGEROUS_FIRST.has(cell.charCodeAt(at));

export function neutralise(cell: string): string {
  return isDangerous(cell) ? `'${cell}` : cell;
}

/** The inverse of neutralise, for the import. */
export function unneutralise(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 39 && isDangerous(cell, 1)
    ? cell.slice(1)
    : cell;
}

/** One RFC 4180 field: quoted when it holds the delimiter, a quote, CR or LF. */
export function csvField(value: string, delimiter: string): string {
  const v = neutralise(value);
  if (v.includes('"')) return `"${v.replaceAll('"', '""')}"`;
  if (v.includes(delimiter) || v.includes('\n') || v.includes('\r')) return `"${v}"`;
  return v;
}

export function csvLine(cells: string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(cells[i]!, delimiter);
  }
  return line + '\r\n';
}

export function csvRow(r: ExportRow, timeZone: string, delimiter: string): string {
  const clock = wallClock(r.planned_at, timeZone);
  const cells = rowCells(r, clock);
  cells[1] = clock.text;
  return csvLine(cells as string[], delimiter);
}
