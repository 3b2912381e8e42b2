import { AppError } from '../../common/errors/app-error';

export type ReviewLinkErrorCode =
  | 'REVIEW_LINK_NOT_FOUND'
  | 'REVIEW_LINK_EXPIRED'
  | 'REVIEW_LINK_PASSWORD_REQUIRED'
  | 'REVIEW_LINK_PASSWORD_WRONG'
  | 'REVIEW_LINK_PERMISSION_MISSING'
  | 'REVIEW_LINK_SCOPE_PARTIAL'
  | 'TOO_MANY_ATTEMPTS'
  | 'POST_NOT_FOUND'
  | 'UNKNOWN_CHANNEL'
  | 'UNKNOWN_POST'
  | 'VALIDATION_FAILED';

export class ReviewLinkError<
  C extends ReviewLinkErrorCode = ReviewLinkErrorCode,
> extends AppError<C> {}

/** Unknown, malformed and revoked links answer alike: a revoked link tells nothing more. */
export const linkNotFound = () =>
  new ReviewLinkError(
    'REVIEW_LINK_NOT_FOUND',
    'This review link does not exist or is no longer valid. Please ask for a new one.',
  );

export const linkExpired = () =>
  new ReviewLinkError(
    'REVIEW_LINK_EXPIRED',
    'This review link has expired. Please ask for a new one.',
  );

/** Posts outside the link answer like unknown posts, so nothing leaks about them. */
export const postNotInLink = () =>
  new ReviewLinkError('POST_NOT_FOUND', 'There is no such post in this review link.');

/** A failure shaped like the validation pipe's, so forms can show it at the field. */
export function invalidField(path: string, message: string): ReviewLinkError {
  return new ReviewLinkError('VALIDATION_FAILED', `${path}: ${message}`, {
    issues: [{ path, message, code: 'custom' }],
  });
}
