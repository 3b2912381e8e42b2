import { AppError } from '../../common/errors/app-error';

export type AuthErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'CSRF_TOKEN_INVALID'
  | 'TOKEN_NOT_FOUND'
  | 'SETUP_ALREADY_DONE';

export class AuthError<C extends AuthErrorCode = AuthErrorCode> extends AppError<C> {}
