import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import { type ErrorBody, type ErrorCode, errorDetailsProblem } from '@postplan/contracts';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppError } from './app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { statusOf } from './error-status';

/**
 * The one place where failures become HTTP answers: domain codes keep their meaning, Nest's own
 * exceptions get codes too, and anything unexpected is logged and
 * answered as INTERNAL_ERROR without its details.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  /** In tests a broken contract is a failure (500) that no test can overlook. */
  private readonly strict: boolean;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.strict = config?.env === 'test';
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body, headers } = this.toResponse(exception);
    if (status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(status).json(body);
  }

  private toResponse(e: unknown): {
    status: number;
    body: ErrorBody;
    headers?: Record<string, string>;
  } {
    if (e instanceof AppError) {
      const err = e as AppError;
      // Every code's details have a schema in the contracts; what leaves must match it.
      const problem = errorDetailsProblem(err.code, err.details);
      if (problem) {
        this.logger.error(`Details of ${err.code} break the contract: ${problem}`);
        if (this.strict) return internalError();
      }
      return {
        status: statusOf(err.code),
        body: errorBody(err.code, err.message, problem ? undefined : err.details),
        headers: err.headers,
      };
    }
    if (e instanceof ZodValidationException) {
      const zodError = e.getZodError();
      return validationFailed(zodError instanceof ZodError ? zodError : undefined);
    }
    if (e instanceof ZodError) return validationFailed(e);
    if (e instanceof HttpException) {
      const status = e.getStatus();
      if (status === 404) {
        return { status, body: errorBody('ROUTE_NOT_FOUND', 'There is no such route in the API.') };
      }
      if (status === 413) {
        return { status, body: errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large.') };
      }
      if (status < 500)
        return { status, body: errorBody('VALIDATION_FAILED', e.message, { issues: [] }) };
    }
    return internalError();
  }
}

function internalError() {
  return {
    status: 500,
    body: errorBody('INTERNAL_ERROR', 'Something went wrong on our side. Please try again.'),
  };
}

function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

function validationFailed(error: ZodError | undefined) {
  const issues = (error?.issues ?? []).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
    code: i.code,
  }));
  const first = issues[0];
  const message = first
    ? `${first.path ? `${first.path}: ` : ''}${first.message}`
    : 'The request is not valid.';
  return { status: 400, body: errorBody('VALIDATION_FAILED', message, { issues }) };
}
