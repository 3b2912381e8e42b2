export type CsvRowError = {
  line: number;
  /** As a spreadsheet names it: A, B, … */
  columnName: string;
  field?: string;
  message: string;
  messages?: { de: string; en: string };
};

export function columnName(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters || '–';
}

/**
 * The rows the server refused (422 BRAND_CSV_INVALID: `{ errors: [...], total }`). Read
 * defensively: anything unexpected yields no rows, and the general message still shows.
 */
export function csvErrorsFrom(details: unknown): { errors: CsvRowError[]; total: number } {
  if (typeof details !== 'object' || details === null) return { errors: [], total: 0 };
  const { errors, total } = details as { errors?: unknown; total?: unknown };
  if (!Array.isArray(errors)) return { errors: [], total: 0 };
  const rows: CsvRowError[] = [];
  for (const item of errors) {
    if (typeof item !== 'object' || item === null) continue;
    const e = item as Record<string, unknown>;
    if (typeof e.line !== 'number' || typeof e.message !== 'string') continue;
    const row: CsvRowError = {
      line: e.line,
      columnName: typeof e.column === 'number' ? columnName(e.column) : '–',
      message: e.message,
    };
    if (typeof e.field === 'string') row.field = e.field;
    const messages = e.messages as { de?: unknown; en?: unknown } | undefined;
    if (typeof messages?.de === 'string' && typeof messages.en === 'string') {
      row.messages = { de: messages.de, en: messages.en };
    }
    rows.push(row);
  }
  return { errors: rows, total: typeof total === 'number' ? total : rows.length };
}
