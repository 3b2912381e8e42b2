import { ApiError, type AnyErrorCode } from '../api/api-error';
import type { MessageKey } from './messages-en';
import type { Translate } from './translate';

/** Every code has its own translated message; the record type makes a new code impossible to forget. */
export const ERROR_MESSAGE_KEYS: Record<AnyErrorCode, MessageKey> = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
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
