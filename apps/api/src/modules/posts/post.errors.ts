import { AppError } from '../../common/errors/app-error';

export type PostErrorCode =
  | 'POST_NOT_FOUND'
  | 'POST_NOT_DELETED'
  | 'VERSION_REQUIRED'
  | 'STALE_VERSION'
  | 'UNKNOWN_CHANNEL'
  | 'UNKNOWN_MEDIA'
  | 'UNKNOWN_CAMPAIGN'
  | 'INVALID_DATE_RANGE'
  | 'FORBIDDEN_ROLE'
  | 'VALIDATION_FAILED';

export class PostError<C extends PostErrorCode = PostErrorCode> extends AppError<C> {}

export const postNotFound = () =>
  new PostError('POST_NOT_FOUND', 'There is no such post in this workspace.');
