import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PlanExchangeError } from './plan-exchange.errors';

/** A cell as read: text, or a date an XLSX file stored as a date (its UTC fields are the wall clock). */
export type Cell = string | Date;

export type ImportTable = {
  headers: string[];
  /** Each data row with its line (CSV) or row number (XLSX) in the file; the header is row 1. */
  rows: { line: number; cells: Cell[] }[];
};

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function detectFormat(fileName: string, bytes: Buffer): 'csv' | 'xlsx' {
  if (bytes.subarray(0, 4).equals(XLSX_MAGIC)) return 'xlsx';
  if (/\.xlsx$/i.test(fileName)) {
    throw new PlanExchangeError('IMPORT_FILE_INVALID', 'The file is named .xlsx but is not one.');
  }
  return 'csv';
}

export async function readTable(format: 'csv' | 'xlsx', bytes: Buffer): Promise<ImportTable> {
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

/** UTF-8 (with or without BOM); a file that is not UTF-8 is what Excel on Windows writes. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter that splits the header line into the most columns, outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n/) === -1 ? undefined : text.search(/\r?\n/));
  let best = ',';
  let bestCount = -1;
  for (const d of [';', ',', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function readCsv(bytes: Buffer): ImportTable {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new PlanExchangeError(
      'IMPORT_FILE_INVALID',
      `The CSV file cannot be read: ${(e as Error).message}`,
    );
  }
  const [header, ...data] = records;
  if (!header) throw new PlanExchangeError('IMPORT_FILE_INVALID', 'The file is empty.');
  return {
    headers: header.record.map((h) => h.trim()),
    // info.lines is the line the record ends on; a record starts after the previous one ended.
    rows: data.map((r, i) => ({
      line: (i === 0 ? header.info.lines : data[i - 1]!.info.lines) + 1,
      cells: r.record,
    })),
  };
}

async function readXlsx(bytes: Buffer): Promise<ImportTable> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new PlanExchangeError(
      'IMPORT_FILE_INVALID',
      `The XLSX file cannot be read: ${(e as Error).message}`,
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new PlanExchangeError('IMPORT_FILE_INVALID', 'The workbook has no sheet.');
  const table: ImportTable = { headers: [], rows: [] };
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (number === 1) table.headers = cells.map((c) => (typeof c === 'string' ? c.trim() : ''));
    else if (cells.some((c) => c !== '')) table.rows.push({ line: number, cells });
  });
  if (table.headers.length === 0) {
    throw new PlanExchangeError('IMPORT_FILE_INVALID', 'The first row must hold the column names.');
  }
  return table;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result);
    return '';
  }
  return String(v);
}
