import { AppError } from '../../common/errors/app-error';

export type CrisisErrorCode =
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'CHANNEL_NOT_FOUND'
  | 'POST_NOT_DUE'
  | 'PLANNED_TIME_IN_PAST'
  | 'VALIDATION_FAILED';

export class CrisisError<C extends CrisisErrorCode = CrisisErrorCode> extends AppError<C> {}
