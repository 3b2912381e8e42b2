import { AppError } from '../../common/errors/app-error';

export type MediaErrorCode =
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_FILE_MISSING'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_TYPE_UNSUPPORTED'
  | 'MEDIA_TYPE_MISMATCH'
  | 'MEDIA_FILE_DAMAGED'
  | 'MEDIA_DIMENSIONS_TOO_LARGE'
  | 'MEDIA_IN_USE'
  | 'UNKNOWN_MEDIA'
  | 'UNKNOWN_CHANNEL'
  | 'MEDIA_PLATFORM_REJECTED'
  | 'MEDIA_PROCESSING_UNAVAILABLE'
  | 'FORBIDDEN_ROLE'
  | 'VALIDATION_FAILED';

export class MediaError<C extends MediaErrorCode = MediaErrorCode> extends AppError<C> {}

export const mediaNotFound = () =>
  new MediaError('MEDIA_NOT_FOUND', 'There is no such file in this workspace’s media library.');

export const damaged = (reason: 'truncated' | 'unreadable') =>
  new MediaError(
    'MEDIA_FILE_DAMAGED',
    reason === 'truncated'
      ? 'The file is incomplete (cut off before its end); nothing was stored.'
      : 'The file cannot be read as the format it claims; nothing was stored.',
    { reason },
  );
