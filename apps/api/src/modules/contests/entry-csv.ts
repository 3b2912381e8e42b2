import {
  type EntryCsvIssue,
  type EntryCsvReport,
  PLATFORMS,
  type Platform,
} from '@postplan/contracts';
import { TimeZoneError, parseZonedDateTime, toLocal } from '@postplan/domain';
import { parse } from 'csv-parse/sync';
import { detectDelimiter } from '../plan-exchange/import-file';
import { textProblem } from '../../common/http/text-input';
import { ContestError } from './contest.errors';

/**
 * Entries from elsewhere (a form, another tool's export) as CSV: one row per entry, columns
 * recognised by heading in German or English. The file may be UTF-8, UTF-16 (with BOM, what
 * Excel's "Unicode text" writes) or Windows-1252 (Excel's "CSV" on a German Windows).
 */

export type Encoding = EntryCsvReport['encoding'];

export type CsvEntry = {
  line: number;
  platform: Platform | null;
  handle: string;
  commentId: string | null;
  text: string | null;
  enteredAt: Date;
  email: string | null;
  age: number | null;
  country: string | null;
};

const MAX_TEXT = 5000;

const HEADINGS: Record<string, string[]> = {
  handle: ['handle', 'name', 'nutzername', 'benutzername', 'username', 'user', 'account', 'konto'],
  platform: ['platform', 'plattform', 'netzwerk', 'network'],
  comment_id: ['comment_id', 'kommentar_id', 'id', 'entry_id'],
  text: ['text', 'kommentar', 'comment', 'nachricht', 'message', 'antwort'],
  entered_at: [
    'entered_at',
    'zeit',
    'zeitpunkt',
    'datum',
    'date',
    'time',
    'timestamp',
    'teilgenommen_am',
    'eingegangen',
  ],
  email: ['email', 'e_mail', 'mail'],
  birth_date: ['birth_date', 'geburtsdatum', 'birthday', 'geboren'],
  age: ['age', 'alter'],
  country: ['country', 'land', 'wohnsitz'],
};

const COUNTRIES: Record<string, string> = {
  deutschland: 'DE',
  germany: 'DE',
  österreich: 'AT',
  oesterreich: 'AT',
  austria: 'AT',
  schweiz: 'CH',
  switzerland: 'CH',
  liechtenstein: 'LI',
  luxemburg: 'LU',
  luxembourg: 'LU',
};

const PLATFORM_ALIASES: Record<string, Platform> = {
  twitter: 'x',
  insta: 'instagram',
  fb: 'facebook',
};

/** Bytes to text, saying which encoding it was. */
export function decodeEntriesCsv(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

const normaliseHeading = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function columnsOf(headers: string[]): Partial<Record<string, number>> {
  const out: Partial<Record<string, number>> = {};
  headers.forEach((h, i) => {
    const n = normaliseHeading(h);
    for (const [field, names] of Object.entries(HEADINGS)) {
      if (out[field] === undefined && names.includes(n)) out[field] = i;
    }
  });
  return out;
}

/** 24.12.2026 18:30, 24.12.2026, 2026-12-24T18:30(+01:00), 2026-12-24 18:30 */
function parseWhen(raw: string, timeZone: string): Date | TimeZoneError | null {
  const s = raw.trim();
  let iso: string | null = null;
  const de =
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:\d{2})?)?$/.exec(
      s,
    );
  if (de) {
    const [, d, m, y, hh = '0', mm = '00', ss, offset = ''] = de;
    iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}${ss ? `:${ss}` : ''}${offset}`;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    iso = `${s}T00:00`;
  } else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(s)) {
    iso = s.replace(' ', 'T').replace(/\.\d+/, '').replace(/Z$/, 'Z');
  }
  if (!iso) return null;
  try {
    return parseZonedDateTime(iso, timeZone);
  } catch (e) {
    if (e instanceof TimeZoneError) return e;
    return null;
  }
}

function ageOn(birth: string, day: Date, timeZone: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth.trim()) ??
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(birth.trim());
  if (!m) return null;
  const [y, mo, d] = m[1]!.length === 4 ? [+m[1]!, +m[2]!, +m[3]!] : [+m[3]!, +m[2]!, +m[1]!];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const l = toLocal(day, timeZone);
  let age = l.year - y;
  if (l.month < mo || (l.month === mo && l.day < d)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

/**
 * Reads and checks every row; nothing here writes. Line numbers are the file's (the heading is
 * line 1), so a person can find the row in their spreadsheet.
 */
export function readEntriesCsv(
  bytes: Buffer,
  ctx: { timeZone: string; ageOn: Date },
): { encoding: Encoding; rows: number; entries: CsvEntry[]; issues: EntryCsvIssue[] } {
  const { text, encoding } = decodeEntriesCsv(bytes);
  const problem = textProblem(text);
  if (problem) {
    throw new ContestError('INVALID_TEXT', 'The file contains a character that cannot be stored.', {
      location: 'body',
      path: '',
      problem,
    });
  }
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
    throw new ContestError(
      'CONTEST_ENTRIES_CSV_INVALID',
      `The CSV file cannot be read: ${(e as Error).message}`,
      { dryRun: true, ok: false, encoding, rows: 0, imported: 0, issues: [] },
    );
  }
  const [header, ...data] = records;
  const issues: EntryCsvIssue[] = [];
  const entries: CsvEntry[] = [];
  if (!header) return { encoding, rows: 0, entries, issues };
  const cols = columnsOf(header.record);
  const headings = header.record.map((h) => h.trim());
  const heading = (field: string) => (cols[field] === undefined ? field : headings[cols[field]]!);
  const seen = new Set<string>();
  data.forEach((r, i) => {
    const line = (i === 0 ? header.info.lines : data[i - 1]!.info.lines) + 1;
    const cell = (field: string): string => {
      const idx = cols[field];
      return idx === undefined ? '' : (r.record[idx] ?? '').trim();
    };
    const problem = (
      field: string | null,
      code: EntryCsvIssue['code'],
      message: string,
      severity: EntryCsvIssue['severity'] = 'error',
    ) => issues.push({ line, column: field ? heading(field) : null, code, severity, message });
    const before = issues.filter((x) => x.severity === 'error').length;

    const handle = cell('handle');
    if (!handle)
      problem('handle', 'HANDLE_MISSING', 'The row has no handle (name of the entrant).');
    const rawPlatform = cell('platform').toLowerCase();
    let platform: Platform | null = null;
    if (rawPlatform) {
      platform = (PLATFORMS as readonly string[]).includes(rawPlatform)
        ? (rawPlatform as Platform)
        : (PLATFORM_ALIASES[rawPlatform] ?? null);
      if (!platform)
        problem('platform', 'UNKNOWN_PLATFORM', `Unknown platform “${cell('platform')}”.`);
    }
    let enteredAt: Date | null = null;
    const when = cell('entered_at');
    const parsed = when ? parseWhen(when, ctx.timeZone) : null;
    if (parsed instanceof Date) enteredAt = parsed;
    else if (
      parsed instanceof TimeZoneError &&
      parsed.detail.code === 'LOCAL_TIME_DOES_NOT_EXIST'
    ) {
      problem(
        'entered_at',
        'LOCAL_TIME_DOES_NOT_EXIST',
        `${when} does not exist in ${ctx.timeZone} (the clocks went forward).`,
      );
    } else if (parsed instanceof TimeZoneError && parsed.detail.code === 'LOCAL_TIME_AMBIGUOUS') {
      problem(
        'entered_at',
        'LOCAL_TIME_AMBIGUOUS',
        `${when} happened twice in ${ctx.timeZone}; give it with its offset (+01:00 or +02:00).`,
      );
    } else {
      problem(
        'entered_at',
        'INVALID_DATE',
        when
          ? `“${when}” is not a date and time such as 24.12.2026 18:30.`
          : 'The row has no time of entry.',
      );
    }
    const body = cell('text');
    if (body.length > MAX_TEXT)
      problem('text', 'TEXT_TOO_LONG', `The text is longer than ${MAX_TEXT} characters.`);
    const email = cell('email').toLowerCase();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      problem('email', 'INVALID_EMAIL', `“${email}” is not an email address.`);
    let age: number | null = null;
    if (cell('birth_date')) {
      age = ageOn(cell('birth_date'), ctx.ageOn, ctx.timeZone);
      if (age === null)
        problem(
          'birth_date',
          'INVALID_AGE',
          `“${cell('birth_date')}” is not a birth date such as 31.01.2000.`,
        );
    } else if (cell('age')) {
      age = /^\d{1,3}$/.test(cell('age')) ? Number(cell('age')) : null;
      if (age === null) problem('age', 'INVALID_AGE', `“${cell('age')}” is not an age in years.`);
    }
    let country: string | null = null;
    if (cell('country')) {
      const c = cell('country');
      country = /^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : (COUNTRIES[c.toLowerCase()] ?? null);
      if (!country)
        problem('country', 'INVALID_COUNTRY', `“${c}” is not a country code such as DE.`);
    }
    const commentId = cell('comment_id') || null;
    if (issues.filter((x) => x.severity === 'error').length > before) return;
    const key = commentId ? `${platform ?? 'any'}:${commentId}` : null;
    if (key && seen.has(key)) {
      problem(
        'comment_id',
        'DUPLICATE_ROW',
        `The entry ${commentId} appears twice; the later row is skipped.`,
        'warning',
      );
      return;
    }
    if (key) seen.add(key);
    entries.push({
      line,
      platform,
      handle,
      commentId,
      text: body || null,
      enteredAt: enteredAt!,
      email: email || null,
      age,
      country,
    });
  });
  return { encoding, rows: data.length, entries, issues };
}
