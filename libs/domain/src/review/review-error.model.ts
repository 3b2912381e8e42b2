/**
 * Error codes of the review capability. They are part of the API's contract (the API maps each
 * to an HTTP status and passes the code through), so a code never changes meaning once released.
 * `FORBIDDEN_ROLE` deliberately reuses the API's existing code of the same meaning.
 */
export const REVIEW_ERROR_CODES = [
  'TRANSITION_NOT_ALLOWED',
  'FORBIDDEN_ROLE',
  'NOT_ALLOWED_VIA_LINK',
  'SELF_APPROVAL_FORBIDDEN',
  'NOT_AN_APPROVER',
  'LEVEL_NOT_REACHED',
  'ALREADY_DECIDED',
  'BLOCKED_BY_FINDINGS',
  'CONTENT_CHANGED',
  'NO_ELIGIBLE_APPROVER',
  'APPROVERS_NOT_RESOLVED',
  'NOT_YET_DUE',
  'REVIEW_ROUND_MISSING',
  'ANCHOR_RANGE_INVALID',
  'SUGGESTION_OUTDATED',
] as const;

export type ReviewErrorCode = (typeof REVIEW_ERROR_CODES)[number];

export type ReviewFailure = {
  ok: false;
  code: ReviewErrorCode;
  message: string;
  details?: unknown;
};

export function reviewFailure(
  code: ReviewErrorCode,
  message: string,
  details?: unknown,
): ReviewFailure {
  return details === undefined
    ? { ok: false, code, message }
    : { ok: false, code, message, details };
}
