import { readErrorDetails } from '@postplan/contracts';
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
 * The rows the server refused (422 BRAND_CSV_INVALID), read with the error contract: details
 * that are not the contract's yield no rows, and the general message still shows.
 */
export function csvErrorsFrom(details: unknown): { errors: CsvRowError[]; total: number } {
  const read = readErrorDetails('BRAND_CSV_INVALID', details);
  if (!read) return { errors: [], total: 0 };
  const errors = read.errors.map((e) => ({
    line: e.line,
    columnName: columnName(e.column),
    message: e.message,
    ...(e.field ? { field: e.field } : {}),
    ...(e.messages ? { messages: e.messages } : {}),
  }));
  return { errors, total: read.total };
}
