/**
 * Dates and times as the app's language writes them, for fields whose value stays ISO
 * (`YYYY-MM-DD`, `HH:mm`) for the code behind them. The browser's own date and time inputs
 * follow the browser's locale instead (an English browser shows a German UI 12/08/2026 and
 * 10:00 AM), so the app formats and parses these itself.
 */

type Part = 'day' | 'month' | 'year';
type DatePattern = { order: Part[]; separator: string };

const patterns = new Map<string, DatePattern>();

/** The order of day, month and year and their separator in the locale's numeric dates. */
export function datePattern(intlLocale: string): DatePattern {
  const known = patterns.get(intlLocale);
  if (known) return known;
  const parts = new Intl.DateTimeFormat(intlLocale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(Date.UTC(2000, 10, 22));
  const order = parts
    .map((p) => p.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  const pattern = { order, separator };
  patterns.set(intlLocale, pattern);
  return pattern;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-08-12` as the locale writes it: `12.08.2026` (de-DE), `12/08/2026` (en-GB). */
export function formatLocalDate(iso: string, intlLocale: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const values: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  const { order, separator } = datePattern(intlLocale);
  return order.map((part) => values[part]).join(separator);
}

/**
 * What someone typed, in the locale's order with any separator (`12.8.2026`, `12/08/26`), or
 * ISO; null when it is no date. Two-digit years are this century's.
 */
export function parseLocalDate(text: string, intlLocale: string): string | null {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const numbers = trimmed.split(/[^0-9]+/).filter(Boolean);
    if (numbers.length !== 3 || numbers.some((n) => n.length > 4)) return null;
    const values: Partial<Record<Part, string>> = {};
    datePattern(intlLocale).order.forEach((part, index) => (values[part] = numbers[index]));
    const yearText = values.year ?? '';
    if (yearText.length !== 2 && yearText.length !== 4) return null;
    year = Number(yearText) + (yearText.length === 2 ? 2000 : 0);
    month = Number(values.month);
    day = Number(values.day);
  }
  if (!validDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A wall-clock time in 24 hours (both languages write it so): `9:05`, `0905`, `9.05`, `9`. */
export function parseLocalTime(text: string): string | null {
  const trimmed = text.trim();
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(trimmed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
