import {
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  readErrorDetails,
} from '@postplan/contracts';

/** Codes the client produces itself, when no error body from the API is available. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'INVALID_RESPONSE', 'HTTP_ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type AnyErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: AnyErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: AnyErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/**
 * The details of an API error with this code, as the contract (`ERROR_DETAILS`) describes them;
 * null for another error, or for details that are not the contract's (then show the message).
 */
export function errorDetails<C extends ErrorCode>(error: unknown, code: C): ErrorDetails<C> | null {
  return isApiError(error, code) ? readErrorDetails(code, error.details) : null;
}

const known = new Set<string>(ERROR_CODES);

export function isKnownErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && known.has(code);
}

/** Builds an ApiError from a response body that may or may not follow the error contract. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = body.error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as {
        code?: unknown;
        message?: unknown;
        details?: unknown;
      };
      const text = typeof message === 'string' ? message : `HTTP ${status}`;
      if (isKnownErrorCode(code)) return new ApiError(status, code, text, details);
      return new ApiError(status, 'HTTP_ERROR', text, details);
    }
  }
  return new ApiError(status, 'HTTP_ERROR', `HTTP ${status}`);
}
