/**
 * The domain's CSV reader reports problems by line but returns rules without their lines; a term
 * repeated in a file is only found after reading. This finds the lines a term stands on, in the
 * term column, so the repeat can be pointed at like any other problem.
 */

const TERM_HEADERS = new Set(['term', 'begriff', 'wort']);

/** Case, Unicode composition, ß/ss and spacing do not make a different term. */
export function foldTerm(term: string): string {
  return term.normalize('NFC').toLowerCase().replace(/ß/gu, 'ss').replace(/\s+/gu, ' ').trim();
}

export function findTermLines(
  csv: string,
  separator: string,
  term: string,
): { line: number; column: number }[] {
  const wanted = foldTerm(term);
  const lines = csv.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u);
  const header = lines.findIndex((l) => l.trim() !== '');
  if (header < 0) return [];
  const termColumn = cells(lines[header]!, separator).findIndex((c) =>
    TERM_HEADERS.has(c.toLowerCase()),
  );
  const found: { line: number; column: number }[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const row = cells(lines[i]!, separator);
    const column =
      termColumn >= 0
        ? foldTerm(row[termColumn] ?? '') === wanted
          ? termColumn
          : -1
        : row.findIndex((c) => foldTerm(c) === wanted);
    if (column >= 0) found.push({ line: i + 1, column: column + 1 });
  }
  return found;
}

/** Cells of one physical line; quoted separators are rare in a term column and not split on. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === separator && !quoted) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}
