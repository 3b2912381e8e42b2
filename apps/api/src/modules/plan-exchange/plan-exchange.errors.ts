import { AppError } from '../../common/errors/app-error';

export type PlanExchangeErrorCode =
  | 'INVALID_DATE_RANGE'
  | 'VALIDATION_FAILED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNKNOWN_CHANNEL'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_FILE_INVALID'
  | 'IMPORT_HAS_ERRORS'
  | 'IMPORT_ALREADY_RUN'
  | 'IMAGE_FETCH_FAILED'
  | 'IMAGE_REJECTED'
  | 'SHARE_LINK_NOT_FOUND'
  | 'SHARE_LINK_EXPIRED'
  | 'SHARE_LINK_PASSWORD_REQUIRED'
  | 'SHARE_LINK_PASSWORD_WRONG'
  | 'TOO_MANY_ATTEMPTS'
  | 'FEED_NOT_FOUND'
  | 'PDF_RENDERER_UNAVAILABLE'
  | 'CAMPAIGN_NOT_FOUND'
  | 'UNKNOWN_CAMPAIGN';

export class PlanExchangeError<
  C extends PlanExchangeErrorCode = PlanExchangeErrorCode,
> extends AppError<C> {}

/** Unknown, malformed and revoked links answer alike: a revoked link tells nothing more. */
export const shareLinkNotFound = () =>
  new PlanExchangeError(
    'SHARE_LINK_NOT_FOUND',
    'This link to the plan does not exist or is no longer valid. Please ask for a new one.',
  );

export const shareLinkExpired = () =>
  new PlanExchangeError('SHARE_LINK_EXPIRED', 'This link to the plan has expired.');

export const feedNotFound = () =>
  new PlanExchangeError('FEED_NOT_FOUND', 'This calendar feed does not exist (any more).');

export const importNotFound = () =>
  new PlanExchangeError('IMPORT_NOT_FOUND', 'There is no such import in this workspace.');
