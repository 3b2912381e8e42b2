import { AppError } from '../../common/errors/app-error';

export type PublicationErrorCode =
  | 'PUBLICATION_NOT_FOUND'
  | 'PUBLICATION_STATE_CONFLICT'
  | 'POST_NOT_FOUND'
  | 'POST_NOT_APPROVED'
  | 'NOTHING_TO_PUBLISH'
  | 'STALE_VERSION'
  | 'FORBIDDEN_ROLE'
  | 'VALIDATION_FAILED'
  | 'INVALID_DATE_RANGE';

export class PublicationError extends AppError<PublicationErrorCode> {}

export const publicationNotFound = () =>
  new PublicationError('PUBLICATION_NOT_FOUND', 'There is no such publication in this workspace.');
