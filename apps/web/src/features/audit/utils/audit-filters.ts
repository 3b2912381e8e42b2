import { formatInZone, parseRangeBound } from '@postplan/domain';
import type { QueryValue } from '../../../lib/api/api-client';

export type AuditFilters = {
  /** An action or a family ("post.*"); empty: all. */
  action: string;
  /** A member's user id; empty: everyone. */
  actor: string;
  /** Local dates (YYYY-MM-DD) in the workspace's zone; `to` is inclusive. */
  from: string;
  to: string;
};

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };

/** The actions offered in the filter, most asked for first. */
export const AUDIT_ACTIONS = [
  { value: 'post.*', label: 'audit.action.post' },
  { value: 'post.decision_recorded', label: 'audit.action.postDecision' },
  { value: 'post.status_changed', label: 'audit.action.postStatus' },
  { value: 'post.content_changed', label: 'audit.action.postContent' },
  { value: 'post.created', label: 'audit.action.postCreated' },
  { value: 'post.moved', label: 'audit.action.postMoved' },
  { value: 'post.deleted', label: 'audit.action.postDeleted' },
  { value: 'comment.*', label: 'audit.action.comment' },
  { value: 'review_link.*', label: 'audit.action.reviewLink' },
  { value: 'workspace.*', label: 'audit.action.workspace' },
  { value: 'wording.*', label: 'audit.action.wording' },
  { value: 'access.denied', label: 'audit.action.denied' },
  { value: 'auth.*', label: 'audit.action.auth' },
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

/** The start of a local day in the zone, as an instant with its offset. */
function dayStart(date: string, timeZone: string): string {
  return formatInZone(parseRangeBound(date, timeZone), timeZone);
}

export function rangeIsValid(filters: AuditFilters): boolean {
  return !(filters.from && filters.to && filters.from > filters.to);
}

/**
 * The API's query: days become instants at local midnight in the workspace's zone, and the
 * inclusive "to" day becomes the exclusive start of the day after.
 */
export function auditQuery(filters: AuditFilters, timeZone: string): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  if (filters.action) query.action = filters.action;
  if (filters.actor) query.actor = filters.actor;
  if (DAY.test(filters.from)) query.from = dayStart(filters.from, timeZone);
  if (DAY.test(filters.to)) query.to = dayStart(nextDay(filters.to), timeZone);
  return query;
}
