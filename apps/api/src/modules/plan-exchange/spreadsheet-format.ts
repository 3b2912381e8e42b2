import { EXPORT_COLUMNS, type ExportColumn } from '@postplan/contracts';
import { offsetMinutesAt, toLocal } from '@postplan/domain';
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
  },
};

export function headings(lang: Lang): string[] {
  return EXPORT_COLUMNS.map((c) => HEADINGS[lang][c]);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The workspace's wall-clock reading: "2026-10-25 02:30" (seconds only when there are any). */
export function localText(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  const seconds = l.second ? `:${pad(l.second)}` : '';
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}${seconds}`;
}

/**
 * "UTC+01:00": with the local time it names the instant, even in the hour that happens twice.
 * The "UTC" keeps the cell from starting with a sign a spreadsheet reads as a formula.
 */
export function offsetText(instant: Date, timeZone: string): string {
  const o = offsetMinutesAt(instant, timeZone);
  return `UTC${o < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(o) / 60))}:${pad(Math.abs(o) % 60)}`;
}

/** A spreadsheet row's cells, in EXPORT_COLUMNS order, all but `planned` as text. */
export function rowCells(r: ExportRow, timeZone: string): (string | Date)[] {
  return [
    r.post_id,
    r.planned_at,
    offsetText(r.planned_at, timeZone),
    r.channel ?? '',
    r.platform ?? '',
    r.status,
    r.title,
    r.text,
    r.channel_text ?? '',
    r.tags.join(', '),
    r.author ?? '',
  ];
}

/**
 * Cells that a spreadsheet would run as a formula (or that hide one behind a tab, CR or NUL,
 * OWASP ASVS 1.2.10), and cells that already start with the quote, get a leading apostrophe.
 * The import removes exactly that one again, so the round trip is exact.
 */
// eslint-disable-next-line no-control-regex
const DANGEROUS = /^[=+\-@\t\r\u0000\uFF1D\uFF0B\uFF0D\uFF20']/;

export function neutralise(cell: string): string {
  return DANGEROUS.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutralise, for the import. */
export function unneutralise(cell: string): string {
  return cell.length > 1 && cell.startsWith("'") && DANGEROUS.test(cell.slice(1))
    ? cell.slice(1)
    : cell;
}

/** One RFC 4180 field: quoted when it holds the delimiter, a quote, CR or LF. */
export function csvField(value: string, delimiter: string): string {
  const v = neutralise(value);
  if (v.includes('"')) return `"${v.replace(/"/g, '""')}"`;
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
  const cells = rowCells(r, timeZone);
  cells[1] = localText(r.planned_at, timeZone);
  return csvLine(cells as string[], delimiter);
}
