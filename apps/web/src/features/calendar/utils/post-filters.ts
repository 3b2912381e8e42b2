import { POST_STATUSES, type PostStatus } from '@postplan/contracts';
import type { QueryValue } from '../../../lib/api/api-client';

export type PostFilters = {
  channel: string[];
  status: PostStatus[];
  tag: string[];
  author: string[];
  campaign: string[];
  /** Full-text search (title, texts, tags); empty: none. */
  q: string;
};

export const FILTER_KEYS = ['channel', 'status', 'tag', 'author', 'campaign'] as const;
export const EMPTY_FILTERS: PostFilters = {
  channel: [],
  status: [],
  tag: [],
  author: [],
  campaign: [],
  q: '',
};
const MAX_SEARCH = 200;

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const isStatus = (value: string): value is PostStatus =>
  (POST_STATUSES as readonly string[]).includes(value);

/** Filters live in the URL (?channel=a,b&status=idea…) so a filtered view can be shared and reloaded. */
export function filtersFromSearchParams(params: URLSearchParams): PostFilters {
  return {
    channel: list(params.get('channel')),
    status: list(params.get('status')).filter(isStatus),
    tag: list(params.get('tag')),
    author: list(params.get('author')),
    campaign: list(params.get('campaign')),
    q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH),
  };
}

export function withFilters(params: URLSearchParams, filters: PostFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values.length > 0) next.set(key, values.join(','));
    else next.delete(key);
  }
  if (filters.q.trim()) next.set('q', filters.q.trim());
  else next.delete('q');
  return next;
}

export function countActiveFilters(filters: PostFilters): number {
  return (
    FILTER_KEYS.filter((key) => filters[key].length > 0).length + (isSearch(filters.q) ? 1 : 0)
  );
}

/** The API needs a letter or digit to search for; "#" alone is no search. */
export function isSearch(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

function filterQuery(filters: PostFilters): Record<string, QueryValue> {
  return {
    channel: filters.channel,
    status: filters.status,
    tag: filters.tag,
    author: filters.author,
    campaign: filters.campaign,
    ...(isSearch(filters.q) ? { q: filters.q.trim() } : {}),
  };
}

export type VisibleRange = { start: string; end: string };

/**
 * The posts query for what the calendar shows. FullCalendar's end is exclusive, and so is the
 * API's `to`: the strings pass through unchanged, offsets included.
 */
export function rangeQuery(range: VisibleRange, filters: PostFilters): Record<string, QueryValue> {
  return { from: range.start, to: range.end, ...filterQuery(filters) };
}

/** The ideas backlog: posts without a planned time, under the same filters. */
export function ideasQuery(filters: PostFilters): Record<string, QueryValue> {
  return { unscheduled: 'true', ...filterQuery(filters) };
}
