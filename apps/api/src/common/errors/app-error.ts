import {
  type ErrorCode,
  type ErrorDetails,
  type ErrorDetailsArgs,
  type Post,
  type StaleVersionDetails,
  type ValidationIssue,
} from '@postplan/contracts';

/**
 * What services throw: a stable code, a message a person can act on, and the details the code's
 * schema in `@postplan/contracts` (ERROR_DETAILS) describes; the compiler checks them at every
 * `new AppError(code, message, details)`, and the exception filter checks them again at run time.
 * Services never throw HttpException; the exception filter turns codes into statuses.
 * Each feature narrows the code union with its own subclass (PostError, AuthError, ...).
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly details?: ErrorDetails<C>;
  /** Extra response headers, such as Retry-After. */
  headers?: Record<string, string>;

  constructor(
    readonly code: C,
    message: string,
    ...details: ErrorDetailsArgs<C>
  ) {
    super(message);
    this.name = new.target.name;
    this.details = details[0];
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = headers;
    return this;
  }
}

/**
 * For codes chosen at run time (the domain's refusals mapped to API codes): the compiler cannot
 * pair code and details here, so the exception filter's check against the schema is the judge.
 */
export function appErrorOf(code: ErrorCode, message: string, details: unknown): AppError {
  return new AppError<ErrorCode>(code, message, details as ErrorDetails<ErrorCode>);
}

/** STALE_VERSION, built the same way by everything that has a version. */
export function staleVersion(
  resource: StaleVersionDetails['resource'],
  currentVersion: number,
  message: string,
  extra: { current?: Post; reason?: StaleVersionDetails['reason'] } = {},
): AppError<'STALE_VERSION'> {
  return new AppError('STALE_VERSION', message, {
    resource,
    currentVersion,
    reason: extra.reason ?? 'version',
    ...(extra.current ? { current: extra.current } : {}),
  });
}

/** VALIDATION_FAILED for one field, in the shape zod's own refusals have. */
export function invalidInput(
  path: string,
  message: string,
  extra: Omit<ValidationIssue, 'path' | 'message'> = {},
): AppError<'VALIDATION_FAILED'> {
  return new AppError('VALIDATION_FAILED', path ? `${path}: ${message}` : message, {
    issues: [{ path, message, code: 'custom', ...extra }],
  });
}

/** TOO_MANY_ATTEMPTS with its Retry-After header. */
export function tooManyAttempts(message: string, retryAfterSeconds: number) {
  return new AppError('TOO_MANY_ATTEMPTS', message, { retryAfterSeconds }).withHeaders({
    'Retry-After': String(retryAfterSeconds),
  });
}
