import { type LocalizedText } from '../core/types';
import { type BrandRule, BrandRuleSchema } from '../settings/settings.schema';
import {
  columnLetter,
  detectSeparator,
  escapeCell,
  parseCsv,
  type Separator,
  unescapeCell,
} from './csv';

export type BrandCsvError = {
  line: number;
  column: number;
  field?: string;
  message: LocalizedText;
};
export type BrandCsvResult = { rules: BrandRule[]; errors: BrandCsvError[]; separator: Separator };

const COLUMNS = [
  'kind',
  'term',
  'replacement',
  'severity',
  'message_de',
  'message_en',
  'inflect',
] as const;
type Column = (typeof COLUMNS)[number];

// German headers as a German team would type them in Excel.
const HEADER_ALIASES: Record<string, Column> = {
  kind: 'kind',
  art: 'kind',
  typ: 'kind',
  term: 'term',
  begriff: 'term',
  wort: 'term',
  replacement: 'replacement',
  ersatz: 'replacement',
  stattdessen: 'replacement',
  severity: 'severity',
  schweregrad: 'severity',
  stufe: 'severity',
  message_de: 'message_de',
  meldung_de: 'message_de',
  hinweis_de: 'message_de',
  message_en: 'message_en',
  meldung_en: 'message_en',
  hinweis_en: 'message_en',
  inflect: 'inflect',
  flektieren: 'inflect',
  beugen: 'inflect',
};
const KIND_VALUES: Record<string, BrandRule['kind']> = {
  banned: 'banned',
  verboten: 'banned',
  preferred: 'preferred',
  bevorzugt: 'preferred',
};
const SEVERITY_VALUES: Record<string, NonNullable<BrandRule['severity']>> = {
  error: 'error',
  fehler: 'error',
  warning: 'warning',
  warnung: 'warning',
  hint: 'hint',
  hinweis: 'hint',
};
const BOOLEAN_VALUES: Record<string, boolean> = {
  true: true,
  ja: true,
  yes: true,
  '1': true,
  false: false,
  nein: false,
  no: false,
  '0': false,
};

/**
 * Reads brand rules from CSV. Every problem names its line and column so the settings screen can
 * point at the cell; rows with errors are skipped, the rest are imported.
 */
export function parseBrandRulesCsv(input: string): BrandCsvResult {
  const separator = detectSeparator(input.replace(/^\uFEFF/u, ''));
  const { records, errors: syntaxErrors } = parseCsv(input, separator);
  const errors: BrandCsvError[] = syntaxErrors.map((e) => ({
    line: e.line,
    column: e.column,
    message:
      e.kind === 'unterminated-quote'
        ? at(e.line, e.column, 'Anführungszeichen wird nicht geschlossen', 'quote is never closed')
        : at(
            e.line,
            e.column,
            'Text nach dem schließenden Anführungszeichen',
            'text after the closing quote',
          ),
  }));
  const header = records[0];
  if (!header)
    return {
      rules: [],
      errors: [
        ...errors,
        { line: 1, column: 1, message: at(1, 1, 'Die Datei ist leer', 'the file is empty') },
      ],
      separator,
    };

  const columns = header.fields.map((name) => HEADER_ALIASES[name.trim().toLowerCase()]);
  header.fields.forEach((name, i) => {
    if (columns[i] === undefined && name.trim() !== '') {
      errors.push({
        line: header.line,
        column: i + 1,
        field: name,
        message: at(
          header.line,
          i + 1,
          `Unbekannte Spalte „${name}“ (erwartet: ${COLUMNS.join(', ')})`,
          `unknown column “${name}” (expected: ${COLUMNS.join(', ')})`,
        ),
      });
    }
  });
  for (const required of ['kind', 'term'] as const) {
    if (!columns.includes(required)) {
      errors.push({
        line: header.line,
        column: 1,
        field: required,
        message: at(
          header.line,
          1,
          `Spalte „${required}“ fehlt in der Kopfzeile`,
          `the header has no “${required}” column`,
        ),
      });
    }
  }
  if (!columns.includes('kind') || !columns.includes('term'))
    return { rules: [], errors, separator };

  const rules: BrandRule[] = [];
  for (const record of records.slice(1)) {
    const cell = (name: Column) => {
      const index = columns.indexOf(name);
      return index < 0 ? '' : unescapeCell(record.fields[index] ?? '').trim();
    };
    const columnOf = (name: Column) => columns.indexOf(name) + 1;
    const rowErrors: BrandCsvError[] = [];
    const fail = (name: Column, de: string, en: string) =>
      rowErrors.push({
        line: record.line,
        column: columnOf(name),
        field: name,
        message: at(record.line, columnOf(name), de, en),
      });

    const kind = KIND_VALUES[cell('kind').toLowerCase()];
    if (!kind)
      fail(
        'kind',
        `„${cell('kind')}“ ist keine Art (banned/verboten oder preferred/bevorzugt)`,
        `“${cell('kind')}” is not a kind (banned or preferred)`,
      );
    const term = cell('term');
    if (!term) fail('term', 'Der Begriff fehlt', 'the term is missing');
    else if (term.length > 120)
      fail(
        'term',
        'Der Begriff ist länger als 120 Zeichen',
        'the term is longer than 120 characters',
      );
    const replacement = cell('replacement');
    if (kind === 'preferred' && !replacement)
      fail(
        'replacement',
        'Ein bevorzugter Begriff braucht einen Ersatz',
        'a preferred term needs a replacement',
      );
    const severityText = cell('severity').toLowerCase();
    const severity = severityText ? SEVERITY_VALUES[severityText] : undefined;
    if (severityText && !severity)
      fail(
        'severity',
        `„${cell('severity')}“ ist keine Stufe (error, warning, hint)`,
        `“${cell('severity')}” is not a severity (error, warning, hint)`,
      );
    const inflectText = cell('inflect').toLowerCase();
    const inflect = inflectText ? BOOLEAN_VALUES[inflectText] : undefined;
    if (inflectText && inflect === undefined)
      fail(
        'inflect',
        `„${cell('inflect')}“ ist weder ja noch nein`,
        `“${cell('inflect')}” is neither true nor false`,
      );
    if (rowErrors.length > 0 || !kind) {
      errors.push(...rowErrors);
      continue;
    }
    const messageDe = cell('message_de');
    const messageEn = cell('message_en');
    const rule: BrandRule = {
      kind,
      term,
      ...(replacement ? { replacement } : {}),
      ...(severity ? { severity } : {}),
      ...(messageDe || messageEn
        ? {
            message: {
              ...(messageDe ? { de: messageDe } : {}),
              ...(messageEn ? { en: messageEn } : {}),
            },
          }
        : {}),
      ...(inflect === false ? { inflect } : {}),
    };
    const checked = BrandRuleSchema.safeParse(rule);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const name = (issue?.path[0] as Column | undefined) ?? 'term';
      fail(
        COLUMNS.includes(name) ? name : 'term',
        issue?.message ?? 'ungültig',
        issue?.message ?? 'invalid',
      );
      errors.push(...rowErrors);
      continue;
    }
    rules.push(rule);
  }
  return { rules, errors, separator };
}

/** Writes what Excel in Germany opens correctly by double-click: BOM, semicolons, CRLF. */
export function serializeBrandRulesCsv(
  rules: readonly BrandRule[],
  options: { separator?: Separator; bom?: boolean } = {},
): string {
  const separator = options.separator ?? ';';
  const rows = [COLUMNS.join(separator)];
  for (const rule of rules) {
    const values: Record<Column, string> = {
      kind: rule.kind,
      term: rule.term,
      replacement: rule.replacement ?? '',
      severity: rule.severity ?? '',
      message_de: rule.message?.de ?? '',
      message_en: rule.message?.en ?? '',
      inflect: rule.inflect === false ? 'false' : 'true',
    };
    rows.push(COLUMNS.map((c) => escapeCell(values[c], separator)).join(separator));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}

function at(line: number, column: number, de: string, en: string): LocalizedText {
  const letter = columnLetter(column);
  return {
    de: `Zeile ${line}, Spalte ${letter}: ${de}`,
    en: `Line ${line}, column ${letter}: ${en}`,
  };
}
