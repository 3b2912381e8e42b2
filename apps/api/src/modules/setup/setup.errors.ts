import { AuthError } from '../auth/auth.errors';

export const alreadyDone = () =>
  new AuthError('SETUP_ALREADY_DONE', 'Postplan is already set up; please log in.');
