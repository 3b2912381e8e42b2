import { TimeZoneError } from '@postplan/domain';
import { AppError, invalidInput } from './app-error';

/** Translates the domain's time-zone errors into API errors with their own codes. */
export function toAppError(e: TimeZoneError): AppError {
  const d = e.detail;
  switch (d.code) {
    case 'INVALID_TIME_ZONE':
      return new AppError('INVALID_TIME_ZONE', e.message, { timeZone: d.timeZone });
    case 'LOCAL_TIME_DOES_NOT_EXIST':
      return new AppError('LOCAL_TIME_DOES_NOT_EXIST', e.message, {
        local: d.local,
        timeZone: d.timeZone,
        nextValid: d.nextValid,
      });
    case 'LOCAL_TIME_AMBIGUOUS':
      return new AppError('LOCAL_TIME_AMBIGUOUS', e.message, {
        local: d.local,
        timeZone: d.timeZone,
        candidates: d.candidates,
      });
    case 'INVALID_DATE_TIME':
      return invalidInput('', e.message, { code: 'invalid_date_time', input: d.input });
  }
}

/** Runs a time conversion and rethrows its failure as an API error. */
export function withTimeErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TimeZoneError) throw toAppError(e);
    throw e;
  }
}
