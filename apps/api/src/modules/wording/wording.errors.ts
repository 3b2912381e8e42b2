import { AppError } from '../../common/errors/app-error';

export type WordingErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_TEXT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNKNOWN_CHANNEL'
  | 'BRAND_CSV_INVALID'
  | 'BRAND_RULE_DUPLICATE'
  | 'STALE_VERSION';

export class WordingError<C extends WordingErrorCode = WordingErrorCode> extends AppError<C> {}
