import { BrandRulesCsvImportJsonSchema } from '@postplan/contracts';
import express, { type Request, type Response } from 'express';
import { BODY_LIMIT } from '../../common/http/json-body';
import { textProblem } from '../../common/http/text-input';
import { invalidInput } from '../../common/errors/app-error';
import { WordingError } from './wording.errors';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values'];

const readRaw = express.raw({ type: () => true, limit: BODY_LIMIT });

/**
 * The CSV of an import: a text/csv body (what a file upload sends) or JSON `{ "csv": "…" }`.
 * Without a charset, UTF-8 is assumed and, if the bytes are not UTF-8, Windows-1252: what Excel
 * on Windows writes when a German team saves "CSV (Trennzeichen-getrennt)".
 */
export async function readCsvBody(req: Request, res: Response): Promise<string> {
  if (req.is('application/json')) return BrandRulesCsvImportJsonSchema.parse(req.body ?? {}).csv;
  if (!req.is(CSV_TYPES)) {
    throw new WordingError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the brand rules as text/csv, or as JSON { "csv": "…" }.',
    );
  }
  const body = await new Promise<Buffer>((resolve, reject) =>
    readRaw(req, res, (err?: unknown) => {
      if (!err) return resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      const type = (err as { type?: string }).type;
      reject(
        type === 'entity.too.large'
          ? new WordingError(
              'PAYLOAD_TOO_LARGE',
              'The file is larger than the 1 MB the API accepts.',
            )
          : invalidInput('', 'The request body could not be read.'),
      );
    }),
  );
  const csv = decode(body, charsetOf(req.headers['content-type']));
  // The JSON form was checked by the request pipeline; a raw body is only readable here.
  const problem = textProblem(csv);
  if (problem) {
    throw new WordingError('INVALID_TEXT', 'The file contains a character that cannot be stored.', {
      location: 'body',
      path: '',
      problem,
    });
  }
  return csv;
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

function decode(body: Buffer, charset: string | undefined): string {
  if (charset) {
    try {
      return new TextDecoder(charset, { fatal: true }).decode(body);
    } catch (e) {
      throw new WordingError(
        'UNSUPPORTED_MEDIA_TYPE',
        e instanceof RangeError
          ? `The charset ${charset} is not supported; send UTF-8.`
          : `The file is not valid ${charset}.`,
      );
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}
