import { type ErrorCode } from '@postplan/contracts';

/**
 * What services throw: a stable code, a message a person can act on, and optional details.
 * Services never throw HttpException; the exception filter turns codes into statuses.
 * Each feature narrows the code union with its own subclass (PostError, AuthError, ...).
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
