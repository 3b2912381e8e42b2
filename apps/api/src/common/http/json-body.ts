import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { AppError, invalidInput } from '../errors/app-error';

type BodyParserError = Error & { type?: string };

export const BODY_LIMIT = '1mb';

/** Reads JSON bodies up to 1 MB and turns the parser's failures into coded API errors. */
export function jsonBody(): RequestHandler {
  const parse = express.json({
    limit: BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
  });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => next(err ? toAppError(err as BodyParserError) : undefined));
}

function toAppError(err: BodyParserError): AppError {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        'The request body is larger than the 1 MB the API accepts.',
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.');
    default:
      return invalidInput('', 'The request body could not be read.');
  }
}
