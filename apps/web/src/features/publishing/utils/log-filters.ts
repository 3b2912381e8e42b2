import { PUBLICATION_STATUSES, type PublicationStatus } from '@postplan/contracts';
import { toLocal } from '@postplan/domain';

/** The status filter: everything, what needs a person, or one status. */
export type StatusFilter = 'all' | 'attention' | PublicationStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = [
  'all',
  'attention',
  ...PUBLICATION_STATUSES,
];
const ATTENTION: PublicationStatus[] = ['failed', 'unconfirmed', 'missed'];

/** The period: calendar days in the workspace's zone, so "today" is the team's today. */
export type PeriodFilter = 'all' | 'today' | 'week' | 'month' | 'custom';
export const PERIOD_FILTERS: readonly PeriodFilter[] = ['all', 'today', 'week', 'month', 'custom'];

export type LogFilters = {
  status: StatusFilter;
  period: PeriodFilter;
  /** custom: first and last day, both included ("2026-10-25"). */
  from: string;
  to: string;
};

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, list: readonly T[], fallback: T): T {
  return list.find((item) => item === value) ?? fallback;
}

export function filtersFromParams(params: URLSearchParams): LogFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY_RE.test(value) ? value : '';
  };
  return {
    status: oneOf(params.get('status'), STATUS_FILTERS, 'all'),
    period: oneOf(params.get('period'), PERIOD_FILTERS, 'all'),
    from: day('from'),
    to: day('to'),
  };
}

export function filtersToParams(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.period !== 'all') params.set('period', filters.period);
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  return params;
}

/** "2026-10-25" plus n days, by the calendar (not 24-hour steps, which DST would skew). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return date.toISOString().slice(0, 10);
}

export function todayIn(now: Date, timeZone: string): string {
  const l = toLocal(now, timeZone);
  return `${String(l.year).padStart(4, '0')}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

export type LogQuery = { status?: string[]; from?: string; to?: string };

/**
 * What the API is asked: statuses, and days as [from, to) that the server reads in the
 * workspace's zone. A custom range's last day is included, so `to` is the day after it.
 */
export function logQuery(filters: LogFilters, now: Date, timeZone: string): LogQuery {
  const query: LogQuery = {};
  if (filters.status === 'attention') query.status = ATTENTION;
  else if (filters.status !== 'all') query.status = [filters.status];
  const today = todayIn(now, timeZone);
  switch (filters.period) {
    case 'all':
      break;
    case 'today':
      query.from = today;
      query.to = addDays(today, 1);
      break;
    case 'week':
      query.from = addDays(today, -6);
      query.to = addDays(today, 1);
      break;
    case 'month':
      query.from = addDays(today, -29);
      query.to = addDays(today, 1);
      break;
    case 'custom':
      if (filters.from) query.from = filters.from;
      if (filters.to) query.to = addDays(filters.to, 1);
      break;
  }
  return query;
}

/** A custom range whose end lies before its start finds nothing: say so instead of asking. */
export function rangeError(filters: LogFilters): 'endBeforeStart' | null {
  if (filters.period !== 'custom' || !filters.from || !filters.to) return null;
  return filters.to < filters.from ? 'endBeforeStart' : null;
}
