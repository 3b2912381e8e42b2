import { AppError } from '../../common/errors/app-error';

export type NotificationErrorCode = 'NOTIFICATION_NOT_FOUND' | 'VALIDATION_FAILED';

export class NotificationError<
  C extends NotificationErrorCode = NotificationErrorCode,
> extends AppError<C> {}
