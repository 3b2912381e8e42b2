/**
 * A small RFC 4180 reader and writer, because brand-term lists come from Excel: in Germany
 * Excel writes semicolons, elsewhere commas; it adds a BOM to UTF-8; fields may be quoted and
 * hold separators, doubled quotes and line breaks.
 */
export type CsvRecord = { line: number; fields: string[] };
export type CsvSyntaxError = {
  line: number;
  column: number;
  kind: 'unterminated-quote' | 'text-after-quote';
};
export type Separator = ';' | ',' | '\t';

export function detectSeparator(input: string): Separator {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/** `line` is the physical line (1-based) a record starts on; `column` in errors is the field number. */
export function parseCsv(
  input: string,
  separator: Separator,
): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  let quoteLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === separator) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (ch === '"' && field.trim() === '' && !afterQuote) {
      field = '';
      quoted = true;
      quoteLine = line;
    } else {
      if (afterQuote && ch !== ' ') {
        errors.push({ line, column: fields.length + 1, kind: 'text-after-quote' });
        afterQuote = false;
      }
      field += ch;
    }
  }
  if (quoted)
    errors.push({ line: quoteLine, column: fields.length + 1, kind: 'unterminated-quote' });
  if (field !== '' || fields.length > 0) endRecord();
  return { records, errors };
}

// Excel runs cells that start with these as formulas (CSV injection); a leading apostrophe
// makes Excel show them as text. The reader removes it again.
const FORMULA_START = /^[=+\-@\t\r]/u;

export function escapeCell(value: string, separator: Separator): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  if (safe.includes(separator) || /["\r\n]/u.test(safe) || safe !== safe.trim())
    return `"${safe.replace(/"/gu, '""')}"`;
  return safe;
}

export function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r]/u.test(value) ? value.slice(1) : value;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
