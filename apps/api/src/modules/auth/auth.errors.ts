import { AppError } from '../../common/errors/app-error';

export type AuthErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'CSRF_TOKEN_INVALID'
  | 'TOKEN_NOT_FOUND'
  | 'SETUP_ALREADY_DONE'
  | 'WEAK_PASSWORD'
  | 'PASSWORD_RESET_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_SCOPE_MISSING'
  | 'SESSION_REQUIRED'
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_EXPIRED'
  | 'INVITATION_SIGN_IN_REQUIRED'
  | 'EMAIL_NOT_VERIFIED'
  | 'MEMBER_EXISTS'
  | 'FORBIDDEN_ROLE'
  | 'VALIDATION_FAILED';

export class AuthError<C extends AuthErrorCode = AuthErrorCode> extends AppError<C> {}
