import { toQueryString } from '../../../lib/api/api-client';
import type { PostFilters, VisibleRange } from './post-filters';

export type ExportKind =
  | 'csv-semicolon'
  | 'csv-comma'
  | 'xlsx'
  | 'json'
  | 'ics'
  | 'print-week'
  | 'print-month'
  | 'pdf-week'
  | 'pdf-month';

const FILE: Record<ExportKind, string> = {
  'csv-semicolon': 'posts.csv',
  'csv-comma': 'posts.csv',
  xlsx: 'posts.xlsx',
  json: 'posts.json',
  ics: 'posts.ics',
  'print-week': 'plan.html',
  'print-month': 'plan.html',
  'pdf-week': 'plan.pdf',
  'pdf-month': 'plan.pdf',
};

/**
 * The export address for what the calendar shows: its visible range (FullCalendar's end is
 * exclusive, like the API's `to`) and its filters, in the language of the page.
 */
export function exportUrl(
  workspace: string,
  kind: ExportKind,
  range: VisibleRange,
  filters: PostFilters,
  lang: 'de' | 'en',
): string {
  const query = toQueryString({
    from: range.start,
    to: range.end,
    channel: filters.channel,
    status: filters.status,
    tag: filters.tag,
    author: filters.author,
    campaign: filters.campaign,
    lang,
    delimiter: kind === 'csv-comma' ? 'comma' : undefined,
    view: kind.endsWith('-month') ? 'month' : kind.endsWith('-week') ? 'week' : undefined,
  });
  return `/api/v1/workspaces/${encodeURIComponent(workspace)}/exports/${FILE[kind]}${query}`;
}
