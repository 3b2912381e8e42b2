import { ApiError, type AnyErrorCode } from '../api/api-error';
import type { MessageKey } from './messages-en';
import type { Translate } from './translate';

/** Every code has its own translated message; the record type makes a new code impossible to forget. */
export const ERROR_MESSAGE_KEYS: Record<AnyErrorCode, MessageKey> = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  PUBLICATION_NOT_FOUND: 'error.PUBLICATION_NOT_FOUND',
  PUBLICATION_STATE_CONFLICT: 'error.PUBLICATION_STATE_CONFLICT',
  POST_NOT_APPROVED: 'error.POST_NOT_APPROVED',
  NOTHING_TO_PUBLISH: 'error.NOTHING_TO_PUBLISH',
  MALFORMED_JSON: 'error.MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'error.PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'error.UNSUPPORTED_MEDIA_TYPE',
  ROUTE_NOT_FOUND: 'error.ROUTE_NOT_FOUND',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS: 'error.TOO_MANY_ATTEMPTS',
  CSRF_TOKEN_INVALID: 'error.CSRF_TOKEN_INVALID',
  FORBIDDEN_ROLE: 'error.FORBIDDEN_ROLE',
  SETUP_ALREADY_DONE: 'error.SETUP_ALREADY_DONE',
  WORKSPACE_NOT_FOUND: 'error.WORKSPACE_NOT_FOUND',
  SLUG_TAKEN: 'error.SLUG_TAKEN',
  INVALID_TIME_ZONE: 'error.INVALID_TIME_ZONE',
  LOCAL_TIME_DOES_NOT_EXIST: 'error.LOCAL_TIME_DOES_NOT_EXIST',
  LOCAL_TIME_AMBIGUOUS: 'error.LOCAL_TIME_AMBIGUOUS',
  INVALID_DATE_RANGE: 'error.INVALID_DATE_RANGE',
  MEMBER_NOT_FOUND: 'error.MEMBER_NOT_FOUND',
  MEMBER_EXISTS: 'error.MEMBER_EXISTS',
  LAST_OWNER: 'error.LAST_OWNER',
  TOKEN_NOT_FOUND: 'error.TOKEN_NOT_FOUND',
  CHANNEL_NOT_FOUND: 'error.CHANNEL_NOT_FOUND',
  UNKNOWN_CHANNEL: 'error.UNKNOWN_CHANNEL',
  POST_NOT_FOUND: 'error.POST_NOT_FOUND',
  POST_NOT_DELETED: 'error.POST_NOT_DELETED',
  VERSION_REQUIRED: 'error.VERSION_REQUIRED',
  STALE_VERSION: 'error.STALE_VERSION',
  WORDING_BLOCKED: 'error.WORDING_BLOCKED',
  BRAND_CSV_INVALID: 'error.BRAND_CSV_INVALID',
  BRAND_RULE_DUPLICATE: 'error.BRAND_RULE_DUPLICATE',
  COMMENT_NOT_FOUND: 'error.COMMENT_NOT_FOUND',
  NOT_COMMENT_AUTHOR: 'error.NOT_COMMENT_AUTHOR',
  SUGGESTION_NOT_OPEN: 'error.SUGGESTION_NOT_OPEN',
  SUGGESTION_OUTDATED: 'error.SUGGESTION_OUTDATED',
  ANCHOR_RANGE_INVALID: 'error.ANCHOR_RANGE_INVALID',
  TRANSITION_NOT_ALLOWED: 'error.TRANSITION_NOT_ALLOWED',
  NOT_ALLOWED_VIA_LINK: 'error.NOT_ALLOWED_VIA_LINK',
  SELF_APPROVAL_FORBIDDEN: 'error.SELF_APPROVAL_FORBIDDEN',
  NOT_AN_APPROVER: 'error.NOT_AN_APPROVER',
  LEVEL_NOT_REACHED: 'error.LEVEL_NOT_REACHED',
  ALREADY_DECIDED: 'error.ALREADY_DECIDED',
  CONTENT_CHANGED: 'error.CONTENT_CHANGED',
  NO_ELIGIBLE_APPROVER: 'error.NO_ELIGIBLE_APPROVER',
  NOT_YET_DUE: 'error.NOT_YET_DUE',
  REVIEW_ROUND_MISSING: 'error.REVIEW_ROUND_MISSING',
  REVISION_NOT_FOUND: 'error.REVISION_NOT_FOUND',
  REVIEW_LINK_NOT_FOUND: 'error.REVIEW_LINK_NOT_FOUND',
  REVIEW_LINK_EXPIRED: 'error.REVIEW_LINK_EXPIRED',
  REVIEW_LINK_PASSWORD_REQUIRED: 'error.REVIEW_LINK_PASSWORD_REQUIRED',
  REVIEW_LINK_PASSWORD_WRONG: 'error.REVIEW_LINK_PASSWORD_WRONG',
  REVIEW_LINK_PERMISSION_MISSING: 'error.REVIEW_LINK_PERMISSION_MISSING',
  REVIEW_LINK_SCOPE_PARTIAL: 'error.REVIEW_LINK_SCOPE_PARTIAL',
  UNKNOWN_POST: 'error.UNKNOWN_POST',
  NOTIFICATION_NOT_FOUND: 'error.NOTIFICATION_NOT_FOUND',
  ALREADY_PAUSED: 'error.ALREADY_PAUSED',
  NOT_PAUSED: 'error.NOT_PAUSED',
  POST_NOT_DUE: 'error.POST_NOT_DUE',
  PLANNED_TIME_IN_PAST: 'error.PLANNED_TIME_IN_PAST',
  INTERNAL_ERROR: 'error.INTERNAL_ERROR',
  NETWORK_ERROR: 'error.NETWORK_ERROR',
  INVALID_RESPONSE: 'error.INVALID_RESPONSE',
  HTTP_ERROR: 'error.HTTP_ERROR',
};

/**
 * A sentence for a person: the translation for the code; for a response outside the contract
 * the server's own message (better than nothing); for anything else a generic sentence.
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'HTTP_ERROR' && error.message && !/^HTTP \d+$/.test(error.message))
      return error.message;
    return t(ERROR_MESSAGE_KEYS[error.code]);
  }
  return t('error.unknown');
}

/** Codes a client can meet on a review link, worded for them (German: "Sie"). */
export const CLIENT_ERROR_MESSAGE_KEYS = {
  VALIDATION_FAILED: 'clientReview.error.VALIDATION_FAILED',
  VERSION_REQUIRED: 'clientReview.error.VERSION_REQUIRED',
  NOT_AN_APPROVER: 'clientReview.error.NOT_AN_APPROVER',
  ALREADY_DECIDED: 'clientReview.error.ALREADY_DECIDED',
  INTERNAL_ERROR: 'clientReview.error.INTERNAL_ERROR',
  NETWORK_ERROR: 'clientReview.error.NETWORK_ERROR',
} as const satisfies Partial<Record<AnyErrorCode, MessageKey>>;

/** Like errorMessage, for the pages clients see: the formal wording where the team's differs. */
export function clientErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError && Object.hasOwn(CLIENT_ERROR_MESSAGE_KEYS, error.code)) {
    return t(CLIENT_ERROR_MESSAGE_KEYS[error.code as keyof typeof CLIENT_ERROR_MESSAGE_KEYS]);
  }
  return errorMessage(error, t);
}
