import {
  MAX_ALTERNATES,
  MAX_PRIZES,
  MAX_WINNERS,
  type Contest,
  type CreateContestRequest,
  type EntryMethod,
} from '@postplan/contracts';
import { formatInZone, resolveLocal, toLocal } from '@postplan/domain';

/**
 * The contest form as a person fills it in: numbers as typed text, the entry period as
 * wall-clock dates and times in the workspace's zone. `validateContestForm` says what is wrong
 * at which field before anything is sent; the server checks again and has the last word.
 */
export type PrizeRow = { name: string; quantity: string; value: string };

export type ContestFormValues = {
  /** The campaign it belongs to; '' when it stands alone. */
  campaignId: string;
  title: string;
  description: string;
  /** One prize per row, in the order they are awarded; the quantities add up to the winners. */
  prizes: PrizeRow[];
  alternates: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** How to enter: comments on linked contest posts, a keyword or hashtag, CSV from elsewhere. */
  viaPosts: boolean;
  postIds: string[];
  viaKeyword: boolean;
  keyword: string;
  viaCsv: boolean;
  minimumAge: string;
  /** ISO 3166-1 alpha-2 codes, comma or space separated ("DE, AT, CH"); empty: anywhere. */
  countries: string;
  onePerPerson: boolean;
  excludeStaff: boolean;
  /** Exclude the winners of the last N contests; empty: nobody is excluded for winning before. */
  excludePreviousWinners: string;
  requiredMentions: string;
  /** Further staff handles or e-mail addresses to exclude, one per line. */
  staffHandles: string;
  retentionDays: string;
  organiserName: string;
  organiserAddress: string;
  organiserEmail: string;
};

export type ContestFormField =
  | 'title'
  | 'prizes'
  | 'alternates'
  | 'start'
  | 'end'
  | 'methods'
  | 'postIds'
  | 'keyword'
  | 'minimumAge'
  | 'countries'
  | 'excludePreviousWinners'
  | 'requiredMentions'
  | 'retentionDays'
  | 'organiserName'
  | 'organiserAddress'
  | 'organiserEmail';

export type ContestFormErrorKey =
  | 'contests.form.error.title'
  | 'contests.form.error.prizes'
  | 'contests.form.error.prizeQuantity'
  | 'contests.form.error.winners'
  | 'contests.form.error.alternates'
  | 'contests.form.error.startMissing'
  | 'contests.form.error.endMissing'
  | 'contests.form.error.timeDoesNotExist'
  | 'contests.form.error.timeAmbiguous'
  | 'contests.form.error.endBeforeStart'
  | 'contests.form.error.methods'
  | 'contests.form.error.postIds'
  | 'contests.form.error.keyword'
  | 'contests.form.error.minimumAge'
  | 'contests.form.error.countries'
  | 'contests.form.error.excludePreviousWinners'
  | 'contests.form.error.requiredMentions'
  | 'contests.form.error.retentionDays'
  | 'contests.form.error.organiserName'
  | 'contests.form.error.organiserAddress'
  | 'contests.form.error.organiserEmail';

export type ContestFormErrors = Partial<Record<ContestFormField, ContestFormErrorKey>>;

export const TITLE_MAX = 200;
export const AGE_MAX = 99;
export const PREVIOUS_CONTESTS_MAX = 50;
export const MENTIONS_MAX = 20;
export const RETENTION_MAX = 365;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Z]{2}$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function emptyContestForm(campaignId = ''): ContestFormValues {
  return {
    campaignId,
    title: '',
    description: '',
    prizes: [{ name: '', quantity: '1', value: '' }],
    alternates: '2',
    startDate: '',
    startTime: '00:00',
    endDate: '',
    endTime: '23:59',
    viaPosts: true,
    postIds: [],
    viaKeyword: false,
    keyword: '',
    viaCsv: false,
    minimumAge: '18',
    countries: 'DE, AT, CH',
    onePerPerson: true,
    excludeStaff: true,
    excludePreviousWinners: '',
    requiredMentions: '0',
    staffHandles: '',
    retentionDays: '90',
    organiserName: '',
    organiserAddress: '',
    organiserEmail: '',
  };
}

/** A whole number typed into a field, or null when it is none (decimals, letters, empty). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** "de, AT ch" -> ["DE", "AT", "CH"], in the order typed, each once. */
export function parseCountries(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const code = part.trim().toUpperCase();
    if (code) seen.add(code);
  }
  return [...seen];
}

export function normaliseKeyword(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export type PeriodCheck =
  | { kind: 'incomplete' }
  | { kind: 'exact'; instant: string }
  | { kind: 'nonexistent' }
  | { kind: 'ambiguous' };

/** Wall-clock date and time in the workspace's zone -> the instant, as the editor does it. */
export function resolvePeriodBound(date: string, time: string, timeZone: string): PeriodCheck {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return { kind: 'incomplete' };
  const resolution = resolveLocal(
    {
      year: Number(d[1]),
      month: Number(d[2]),
      day: Number(d[3]),
      hour: Number(t[1]),
      minute: Number(t[2]),
      second: 0,
      millisecond: 0,
    },
    timeZone,
  );
  switch (resolution.kind) {
    case 'exact':
      return { kind: 'exact', instant: formatInZone(resolution.instant, timeZone) };
    case 'nonexistent':
      return { kind: 'nonexistent' };
    case 'ambiguous':
      return { kind: 'ambiguous' };
  }
}

/** An instant shown as the wall-clock date and time fields of the workspace's zone. */
export function instantToFields(instant: string, timeZone: string): { date: string; time: string } {
  const local = toLocal(new Date(instant), timeZone);
  return {
    date: `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`,
    time: `${pad(local.hour)}:${pad(local.minute)}`,
  };
}

function boundError(check: PeriodCheck, missing: ContestFormErrorKey): ContestFormErrorKey | null {
  switch (check.kind) {
    case 'incomplete':
      return missing;
    case 'nonexistent':
      return 'contests.form.error.timeDoesNotExist';
    case 'ambiguous':
      return 'contests.form.error.timeAmbiguous';
    case 'exact':
      return null;
  }
}

function numberError(
  text: string,
  { min, max, optional }: { min: number; max: number; optional: boolean },
): boolean {
  if (text.trim() === '') return !optional;
  const value = wholeNumber(text);
  return value === null || value < min || value > max;
}

export function validateContestForm(
  values: ContestFormValues,
  timeZone: string,
): ContestFormErrors {
  const errors: ContestFormErrors = {};
  const title = values.title.trim();
  if (!title || title.length > TITLE_MAX) errors.title = 'contests.form.error.title';
  const prizes = filledPrizes(values.prizes);
  if (prizes.length === 0 || prizes.length > MAX_PRIZES)
    errors.prizes = 'contests.form.error.prizes';
  else if (
    prizes.some((p) => numberError(p.quantity, { min: 1, max: MAX_WINNERS, optional: false }))
  )
    errors.prizes = 'contests.form.error.prizeQuantity';
  else if (winnersCount(values.prizes) > MAX_WINNERS) errors.prizes = 'contests.form.error.winners';
  if (numberError(values.alternates, { min: 0, max: MAX_ALTERNATES, optional: true }))
    errors.alternates = 'contests.form.error.alternates';

  const start = resolvePeriodBound(values.startDate, values.startTime, timeZone);
  const end = resolvePeriodBound(values.endDate, values.endTime, timeZone);
  const startError = boundError(start, 'contests.form.error.startMissing');
  const endError = boundError(end, 'contests.form.error.endMissing');
  if (startError) errors.start = startError;
  if (endError) errors.end = endError;
  if (
    start.kind === 'exact' &&
    end.kind === 'exact' &&
    Date.parse(end.instant) <= Date.parse(start.instant)
  )
    errors.end = 'contests.form.error.endBeforeStart';

  if (!values.viaPosts && !values.viaKeyword && !values.viaCsv)
    errors.methods = 'contests.form.error.methods';
  if (values.viaPosts && values.postIds.length === 0)
    errors.postIds = 'contests.form.error.postIds';
  if (values.viaKeyword && normaliseKeyword(values.keyword).length < 2)
    errors.keyword = 'contests.form.error.keyword';

  if (numberError(values.minimumAge, { min: 0, max: AGE_MAX, optional: true }))
    errors.minimumAge = 'contests.form.error.minimumAge';
  if (!parseCountries(values.countries).every((c) => COUNTRY.test(c)))
    errors.countries = 'contests.form.error.countries';
  if (
    numberError(values.excludePreviousWinners, {
      min: 1,
      max: PREVIOUS_CONTESTS_MAX,
      optional: true,
    })
  )
    errors.excludePreviousWinners = 'contests.form.error.excludePreviousWinners';
  if (numberError(values.requiredMentions, { min: 0, max: MENTIONS_MAX, optional: true }))
    errors.requiredMentions = 'contests.form.error.requiredMentions';
  if (numberError(values.retentionDays, { min: 1, max: RETENTION_MAX, optional: false }))
    errors.retentionDays = 'contests.form.error.retentionDays';

  if (!values.organiserName.trim()) errors.organiserName = 'contests.form.error.organiserName';
  if (!values.organiserAddress.trim())
    errors.organiserAddress = 'contests.form.error.organiserAddress';
  const email = values.organiserEmail.trim();
  if (email && !EMAIL.test(email)) errors.organiserEmail = 'contests.form.error.organiserEmail';
  return errors;
}

export function hasErrors(errors: ContestFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Rows with a name: an empty row the person added and left is not a prize. */
function filledPrizes(rows: PrizeRow[]): PrizeRow[] {
  return rows.filter((p) => p.name.trim() !== '');
}

/** How many winners the prizes make: the sum of their quantities (as the server counts). */
export function winnersCount(rows: PrizeRow[]): number {
  return filledPrizes(rows).reduce((sum, p) => sum + (wholeNumber(p.quantity) ?? 0), 0);
}

function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

function methodsOf(values: ContestFormValues): EntryMethod[] {
  return [
    ...(values.viaPosts ? (['comment'] as const) : []),
    ...(values.viaKeyword ? (['keyword'] as const) : []),
    ...(values.viaCsv ? (['csv'] as const) : []),
  ];
}

function instantOf(date: string, time: string, timeZone: string): string {
  const check = resolvePeriodBound(date, time, timeZone);
  if (check.kind !== 'exact') throw new Error('validate the form before converting it');
  return check.instant;
}

/**
 * The request for a valid form (check with validateContestForm first). The period goes with the
 * workspace's offset, so the server never has to guess on the night the clocks change.
 */
export function toContestRequest(
  values: ContestFormValues,
  timeZone: string,
): CreateContestRequest {
  const number = (text: string, fallback: number) => wholeNumber(text) ?? fallback;
  return {
    campaignId: values.campaignId || null,
    title: values.title.trim(),
    description: values.description.trim(),
    prizes: filledPrizes(values.prizes).map((p) => ({
      name: p.name.trim(),
      quantity: number(p.quantity, 1),
      value: p.value.trim() || null,
    })),
    alternatesCount: number(values.alternates, 0),
    entriesFrom: instantOf(values.startDate, values.startTime, timeZone),
    entriesUntil: instantOf(values.endDate, values.endTime, timeZone),
    entryMethods: methodsOf(values),
    eligibility: {
      minimumAge: wholeNumber(values.minimumAge),
      countries: parseCountries(values.countries),
      onePerPerson: values.onePerPerson,
      excludeStaff: values.excludeStaff,
      staffHandles: lines(values.staffHandles),
      excludePreviousWinnersOfLast: number(values.excludePreviousWinners, 0),
      requiredMentions: number(values.requiredMentions, 0),
      keyword: values.viaKeyword ? normaliseKeyword(values.keyword) : null,
    },
    organiser: {
      name: values.organiserName.trim(),
      address: values.organiserAddress.trim(),
      email: values.organiserEmail.trim() || null,
    },
    retentionDays: number(values.retentionDays, 90),
    // Linked posts matter for comments and keywords; CSV alone needs none.
    postIds: values.viaPosts || values.viaKeyword ? values.postIds : [],
  };
}

/** A saved contest back into the form, its period as wall-clock time in the workspace zone. */
export function contestToForm(contest: Contest, timeZone: string): ContestFormValues {
  const start = instantToFields(contest.entriesFrom, timeZone);
  const end = instantToFields(contest.entriesUntil, timeZone);
  const e = contest.eligibility;
  return {
    campaignId: contest.campaignId ?? '',
    title: contest.title,
    description: contest.description,
    prizes: contest.prizes.map((p) => ({
      name: p.name,
      quantity: String(p.quantity),
      value: p.value ?? '',
    })),
    alternates: String(contest.alternatesCount),
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    viaPosts: contest.entryMethods.includes('comment'),
    postIds: contest.postIds,
    viaKeyword: contest.entryMethods.includes('keyword'),
    keyword: e.keyword ?? '',
    viaCsv: contest.entryMethods.includes('csv'),
    minimumAge: e.minimumAge === null ? '' : String(e.minimumAge),
    countries: e.countries.join(', '),
    onePerPerson: e.onePerPerson,
    excludeStaff: e.excludeStaff,
    excludePreviousWinners: e.excludePreviousWinnersOfLast
      ? String(e.excludePreviousWinnersOfLast)
      : '',
    requiredMentions: String(e.requiredMentions),
    staffHandles: e.staffHandles.join('\n'),
    retentionDays: String(contest.retentionDays),
    organiserName: contest.organiser.name,
    organiserAddress: contest.organiser.address,
    organiserEmail: contest.organiser.email ?? '',
  };
}

/** Days around today in the zone, within the 400 days a calendar query may span. */
export function searchWindow(
  timeZone: string,
  now: Date = new Date(),
): { from: string; to: string } {
  const day = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(now.getTime() + offsetDays * 86_400_000));
  return { from: day(-180), to: day(180) };
}
