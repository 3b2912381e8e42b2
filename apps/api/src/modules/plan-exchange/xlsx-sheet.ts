import { once } from 'node:events';
import { type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Excel's limits for a sheet's name: 31 characters, none of these, unique whatever the case. */
const MAX_SHEET_NAME = 31;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]+/g;
/** Excel keeps this name for itself (the change history). */
const RESERVED = 'history';

/** Cuts to `max` UTF-16 units (what Excel counts) without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/**
 * A name Excel accepts for a sheet, from any text (a campaign's name): the characters it
 * refuses become spaces, no apostrophe at either end, at most 31 characters; `fallback` when
 * nothing is left.
 */
export function validSheetName(name: string, fallback: string): string {
  const clean = (s: string) =>
    s
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
  return clean(cut(clean(name), MAX_SHEET_NAME)) || fallback;
}

/**
 * Hands out unique sheet names for one workbook: a name already given (in any case) gets
 * " (2)", " (3)", … within the 31 characters.
 */
export class SheetNames {
  private readonly taken = new Set<string>([RESERVED]);

  /** Names the workbook has already (its first sheet's). */
  constructor(existing: string[] = []) {
    for (const name of existing) this.taken.add(name.toLocaleLowerCase('en'));
  }

  next(name: string, fallback: string): string {
    const base = validSheetName(name, fallback);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLocaleLowerCase('en')); n++) {
      const suffix = ` (${n})`;
      candidate = `${cut(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    }
    this.taken.add(candidate.toLocaleLowerCase('en'));
    return candidate;
  }
}

export type TableColumn = {
  header: string;
  width: number;
  /** A date cell (`yyyy-mm-dd hh:mm`): the workspace's wall clock, Excel having no zones. */
  date?: boolean;
};

export type CellValue = string | number | Date;

const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd hh:mm' };
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const ROWS_PER_FLUSH = 100;
/** Sheet XML waiting for the deflater beyond this, and the writer waits for it to drain. */
const MAX_BACKLOG = 1024 * 1024;

/** exceljs's streaming writer on `out`: styles on, shared strings off (they would be held). */
export function openWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'Postplan';
  return book;
}

const closed = () => new Error('The client closed the connection.');

/**
 * exceljs writes each sheet's XML into its own buffer stream, which archiver pipes through a
 * PassThrough into the deflater; the buffer stream ignores that PassThrough's `false`, so rows
 * that come faster than zlib compresses them pile up there: 23 MB of XML at 70,000 rows, and
 * the export's memory grew with its length. This waits until the backlog is gone. The
 * PassThrough is readable-stream's (it has `_writableState`, not `writableLength`); should
 * exceljs or archiver change shape, the check does nothing rather than break the export.
 *
 * A later sheet's PassThrough is read only once archiver has finished the sheet before; until
 * then its rows queue there, and the same wait holds them back.
 */
type Backlogged = {
  _writableState?: { length?: number };
  once?: (event: 'drain', listener: () => void) => unknown;
};

async function sheetBacklogDrained(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: Backlogged[] } }).stream?.pipes;
  const pass = pipes?.[0];
  const queued = pass?._writableState?.length;
  if (!pass?.once || typeof queued !== 'number' || queued <= MAX_BACKLOG) return;
  // A client that went away stops the zip stream: then the backlog never drains.
  if (out.destroyed) throw closed();
  await new Promise<void>((resolve, reject) => {
    const gone = () => reject(closed());
    out.once('close', gone);
    pass.once!('drain', () => {
      out.off('close', gone);
      resolve();
    });
  });
}

/**
 * One sheet of a streamed workbook as a plain table: a bold, frozen header row, an auto filter
 * over all columns, column widths, date cells where the column says so. Rows are committed as
 * they are added (nothing is held), and the writer waits for the client and the deflater, so
 * memory stays flat however many rows come. Every table sheet of every export is written here.
 */
export class TableSheet {
  private rows = 0;
  private readonly styles: Partial<ExcelJS.Style>[];

  private constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly out: Writable,
    columns: TableColumn[],
  ) {
    this.styles = columns.map((c) => (c.date ? DATE_STYLE : PLAIN_STYLE));
  }

  /** Adds the sheet after those committed before (commit each before opening the next). */
  static open(
    book: ExcelJS.stream.xlsx.WorkbookWriter,
    out: Writable,
    name: string,
    columns: TableColumn[],
  ): TableSheet {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: c.width,
      style: c.date ? DATE_STYLE : undefined,
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    sheet.getRow(1).commit();
    return new TableSheet(sheet, out, columns);
  }

  async add(values: CellValue[]): Promise<void> {
    const row = this.sheet.addRow(values);
    // exceljs gives every cell a style object of its own and, not having seen that object
    // before, renders it to XML to find its style id: per cell. The same two objects for
    // every row give the same ids from its cache (the file is byte for byte the same).
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = this.styles[column - 1] ?? PLAIN_STYLE;
    });
    row.commit();
    // exceljs ignores backpressure: every hundred rows, let the zip stream deflate and
    // flush, and wait while the client has not taken what it was given, or while the
    // rows already written wait for the deflater (it is slower than the rows come).
    if (++this.rows % ROWS_PER_FLUSH === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.out.writableNeedDrain) await once(this.out, 'drain');
      await sheetBacklogDrained(this.sheet, this.out);
    }
  }

  commit(): void {
    this.sheet.commit();
  }
}
