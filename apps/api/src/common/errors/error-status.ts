import { type ErrorCode } from '@postplan/contracts';

/** The HTTP status of every error code. The compiler refuses a code without one. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_TEXT':
    case 'MALFORMED_JSON':
    case 'INVALID_TIME_ZONE':
    case 'INVALID_DATE_RANGE':
    case 'PASSWORD_RESET_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'REVIEW_LINK_PASSWORD_REQUIRED':
    case 'REVIEW_LINK_PASSWORD_WRONG':
    case 'SHARE_LINK_PASSWORD_REQUIRED':
    case 'SHARE_LINK_PASSWORD_WRONG':
    case 'TOKEN_EXPIRED':
      return 401;
    case 'CSRF_TOKEN_INVALID':
    case 'FORBIDDEN_ROLE':
    case 'NOT_COMMENT_AUTHOR':
    case 'NOT_ALLOWED_VIA_LINK':
    case 'SELF_APPROVAL_FORBIDDEN':
    case 'NOT_AN_APPROVER':
    case 'REVIEW_LINK_PERMISSION_MISSING':
    case 'REVIEW_LINK_SCOPE_PARTIAL':
    case 'TOKEN_SCOPE_MISSING':
    case 'SESSION_REQUIRED':
    case 'EMAIL_NOT_VERIFIED':
      return 403;
    case 'ROUTE_NOT_FOUND':
    case 'WORKSPACE_NOT_FOUND':
    case 'MEMBER_NOT_FOUND':
    case 'TOKEN_NOT_FOUND':
    case 'CHANNEL_NOT_FOUND':
    case 'POST_NOT_FOUND':
    case 'NOTIFICATION_NOT_FOUND':
    case 'COMMENT_NOT_FOUND':
    case 'REVISION_NOT_FOUND':
    case 'REVIEW_LINK_NOT_FOUND':
    case 'PUBLICATION_NOT_FOUND':
    case 'IMPORT_NOT_FOUND':
    case 'SHARE_LINK_NOT_FOUND':
    case 'FEED_NOT_FOUND':
    case 'INVITATION_NOT_FOUND':
      return 404;
    case 'SETUP_ALREADY_DONE':
    case 'SLUG_TAKEN':
    case 'MEMBER_EXISTS':
    case 'LAST_OWNER':
    case 'POST_NOT_DELETED':
    case 'STALE_VERSION':
    case 'ALREADY_PAUSED':
    case 'NOT_PAUSED':
    case 'POST_NOT_DUE':
    case 'SUGGESTION_NOT_OPEN':
    case 'TRANSITION_NOT_ALLOWED':
    case 'LEVEL_NOT_REACHED':
    case 'ALREADY_DECIDED':
    case 'CONTENT_CHANGED':
    case 'NOT_YET_DUE':
    case 'REVIEW_ROUND_MISSING':
    case 'SUGGESTION_OUTDATED':
    case 'PUBLICATION_STATE_CONFLICT':
    case 'POST_NOT_APPROVED':
    case 'NOTHING_TO_PUBLISH':
    case 'IMPORT_ALREADY_RUN':
    case 'INVITATION_SIGN_IN_REQUIRED':
      return 409;
    case 'REVIEW_LINK_EXPIRED':
    case 'SHARE_LINK_EXPIRED':
    case 'INVITATION_EXPIRED':
      return 410;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'LOCAL_TIME_DOES_NOT_EXIST':
    case 'LOCAL_TIME_AMBIGUOUS':
    case 'UNKNOWN_CHANNEL':
    case 'VARIANT_OPTIONS_INVALID':
    case 'BRAND_CSV_INVALID':
    case 'BRAND_RULE_DUPLICATE':
    case 'PLANNED_TIME_IN_PAST':
    case 'UNKNOWN_POST':
    case 'WORDING_BLOCKED':
    case 'NO_ELIGIBLE_APPROVER':
    case 'ANCHOR_RANGE_INVALID':
    case 'IMPORT_FILE_INVALID':
    case 'IMPORT_HAS_ERRORS':
    case 'WEAK_PASSWORD':
      return 422;
    case 'VERSION_REQUIRED':
      return 428;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
    case 'PDF_RENDERER_UNAVAILABLE':
      return 503;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
