import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportIssue,
  readErrorDetails,
} from '@postplan/contracts';

export type MappingState = {
  columns: Partial<Record<ImportField, number>>;
  dateOrder: 'dmy' | 'mdy';
};

/** Sets or clears one field; a column serves one field only, so it is taken from any other. */
export function assignColumn(
  mapping: MappingState,
  field: ImportField,
  column: number | null,
): MappingState {
  const columns: Partial<Record<ImportField, number>> = {};
  for (const f of IMPORT_FIELDS) {
    const current = mapping.columns[f];
    if (f === field || current === undefined || current === column) continue;
    columns[f] = current;
  }
  if (column !== null) columns[field] = column;
  return { ...mapping, columns };
}

export function sameMapping(a: MappingState, b: MappingState): boolean {
  return a.dateOrder === b.dateOrder && IMPORT_FIELDS.every((f) => a.columns[f] === b.columns[f]);
}

/** Problems of one row, for the dry-run table. */
export function issuesByRow(issues: ImportIssue[]): Map<number, ImportIssue[]> {
  const map = new Map<number, ImportIssue[]>();
  for (const issue of issues) map.set(issue.row, [...(map.get(issue.row) ?? []), issue]);
  return map;
}

/**
 * The rows a failed import names: images it could not fetch or attach (IMAGE_FETCH_FAILED,
 * IMAGE_REJECTED) or the problems it found again (IMPORT_HAS_ERRORS). Details that are not
 * the contract's name no rows; the general message still shows.
 */
export function runIssues(code: string | undefined, details: unknown): ImportIssue[] {
  if (code === 'IMAGE_FETCH_FAILED' || code === 'IMAGE_REJECTED') {
    return readErrorDetails(code, details)?.issues ?? [];
  }
  if (code === 'IMPORT_HAS_ERRORS') return readErrorDetails(code, details)?.issues ?? [];
  return [];
}

/** The day after a YYYY-MM-DD day: the exclusive end of a period whose last day is `day`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The last day of a period that ends before `exclusiveEnd` (an instant with offset). */
export function lastDay(exclusiveEnd: string, timeZone: string): string {
  const end = new Date(new Date(exclusiveEnd).getTime() - 1);
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(end);
}

/** Shared posts grouped by their day in the workspace zone, in order. */
export function groupByDay<T extends { plannedAt: string }>(
  items: T[],
  timeZone: string,
): { day: string; items: T[] }[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' });
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = fmt.format(new Date(item.plannedAt));
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
