import { type ErrorCode } from '@postplan/contracts';

/** The HTTP status of every error code. The compiler refuses a code without one. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'INVALID_TIME_ZONE':
    case 'INVALID_DATE_RANGE':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'CSRF_TOKEN_INVALID':
    case 'FORBIDDEN_ROLE':
      return 403;
    case 'ROUTE_NOT_FOUND':
    case 'WORKSPACE_NOT_FOUND':
    case 'MEMBER_NOT_FOUND':
    case 'TOKEN_NOT_FOUND':
    case 'CHANNEL_NOT_FOUND':
    case 'POST_NOT_FOUND':
      return 404;
    case 'SETUP_ALREADY_DONE':
    case 'SLUG_TAKEN':
    case 'MEMBER_EXISTS':
    case 'LAST_OWNER':
    case 'POST_NOT_DELETED':
    case 'STALE_VERSION':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'LOCAL_TIME_DOES_NOT_EXIST':
    case 'LOCAL_TIME_AMBIGUOUS':
    case 'UNKNOWN_CHANNEL':
      return 422;
    case 'VERSION_REQUIRED':
      return 428;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
