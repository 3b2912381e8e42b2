import { AppError } from '../../common/errors/app-error';

export type ContestErrorCode =
  | 'CONTEST_NOT_FOUND'
  | 'UNKNOWN_CAMPAIGN'
  | 'UNKNOWN_POST'
  | 'CONTEST_NOT_OPEN'
  | 'CONTEST_PERIOD_NOT_ENDED'
  | 'CONTEST_RULES_MISSING'
  | 'CONTEST_NO_ELIGIBLE_ENTRANTS'
  | 'CONTEST_NOT_COMMITTED'
  | 'CONTEST_ALREADY_DRAWN'
  | 'CONTEST_NOT_DRAWN'
  | 'CONTEST_NO_ALTERNATE_LEFT'
  | 'CONTEST_ENTRANT_NOT_FOUND'
  | 'CONTEST_NOT_A_WINNER'
  | 'CONTEST_ENTRIES_CSV_INVALID'
  | 'CONTEST_ENTRANT_DATA_DELETED'
  | 'INVALID_DATE_RANGE'
  | 'VERSION_REQUIRED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_TEXT'
  | 'PDF_RENDERER_UNAVAILABLE';

export class ContestError<C extends ContestErrorCode = ContestErrorCode> extends AppError<C> {}

/** Unknown ids, other workspaces' contests and unknown public tokens answer alike. */
export const contestNotFound = () =>
  new ContestError('CONTEST_NOT_FOUND', 'There is no such contest in this workspace.');

export const entrantNotFound = (entrantId: string) =>
  new ContestError('CONTEST_ENTRANT_NOT_FOUND', 'There is no such entrant in this contest.', {
    entrantId,
  });
