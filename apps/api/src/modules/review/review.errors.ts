import { type ErrorCode, type ErrorDetails } from '@postplan/contracts';
import { type ReviewErrorCode, type ReviewFailure } from '@postplan/domain';
import { AppError } from '../../common/errors/app-error';

export class ReviewError<C extends ErrorCode = ErrorCode> extends AppError<C> {}

/** The API's code for each of the domain's refusals; the wording gate has its API name. */
const API_CODE: Record<ReviewErrorCode, ErrorCode> = {
  TRANSITION_NOT_ALLOWED: 'TRANSITION_NOT_ALLOWED',
  FORBIDDEN_ROLE: 'FORBIDDEN_ROLE',
  NOT_ALLOWED_VIA_LINK: 'NOT_ALLOWED_VIA_LINK',
  SELF_APPROVAL_FORBIDDEN: 'SELF_APPROVAL_FORBIDDEN',
  NOT_AN_APPROVER: 'NOT_AN_APPROVER',
  LEVEL_NOT_REACHED: 'LEVEL_NOT_REACHED',
  ALREADY_DECIDED: 'ALREADY_DECIDED',
  BLOCKED_BY_FINDINGS: 'WORDING_BLOCKED',
  CONTENT_CHANGED: 'CONTENT_CHANGED',
  NO_ELIGIBLE_APPROVER: 'NO_ELIGIBLE_APPROVER',
  APPROVERS_NOT_RESOLVED: 'INTERNAL_ERROR',
  NOT_YET_DUE: 'NOT_YET_DUE',
  REVIEW_ROUND_MISSING: 'REVIEW_ROUND_MISSING',
  ANCHOR_RANGE_INVALID: 'ANCHOR_RANGE_INVALID',
  SUGGESTION_OUTDATED: 'SUGGESTION_OUTDATED',
};

/** The domain's details are checked against the code's schema by the exception filter. */
export function reviewError(failure: ReviewFailure): ReviewError {
  return new ReviewError<ErrorCode>(
    API_CODE[failure.code],
    failure.message,
    failure.details as ErrorDetails<ErrorCode>,
  );
}
