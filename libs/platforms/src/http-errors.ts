import { PublishError } from './adapter';

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfterHeader(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The usual meaning of an HTTP failure. Adapters override what their platform documents
 * differently (a 503 that is "not applied", a 500 that may have been).
 */
export function classifyHttpFailure(
  status: number,
  headers: Headers,
  platformMessage: string | undefined,
): PublishError {
  const said = platformMessage ? `: ${platformMessage}` : '';
  if (status === 429) {
    return new PublishError('retryable', 'RATE_LIMITED', `The platform asks to slow down${said}`, {
      retryAfterMs: parseRetryAfterHeader(headers.get('retry-after')),
    });
  }
  if (status === 401 || status === 403) {
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `The platform refused the credentials${said}`,
    );
  }
  if (status === 400 || status === 413 || status === 422) {
    return new PublishError('permanent', 'REJECTED', `The platform refused the post${said}`);
  }
  if (status >= 500) {
    return new PublishError(
      'unknown',
      'PLATFORM_ERROR',
      `The platform failed (${status}); the post may have gone out${said}`,
    );
  }
  return new PublishError(
    'permanent',
    'UNEXPECTED_ANSWER',
    `The platform answered ${status}${said}`,
  );
}
