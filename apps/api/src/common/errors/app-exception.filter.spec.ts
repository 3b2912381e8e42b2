import { type ArgumentsHost, Logger } from '@nestjs/common';
import { type ErrorCode, type ErrorDetails } from '@postplan/contracts';
import { type AppConfig } from '../../config/app-config';
import { AppError, staleVersion } from './app-error';
import { AppExceptionFilter } from './app-exception.filter';

function answer(env: AppConfig['env'], error: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    headersSent: false,
    setHeader: jest.fn(),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new AppExceptionFilter({ env } as AppConfig).catch(error, host);
  return sent;
}

/** An error whose details the compiler would refuse: what a careless cast could still send. */
const broken = () =>
  new AppError<ErrorCode>('STALE_VERSION', 'stale', {
    current: 3,
  } as unknown as ErrorDetails<ErrorCode>);

beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

describe('the exception filter and the error contract', () => {
  it('sends details that match their schema', () => {
    expect(answer('test', staleVersion('post', 4, 'stale'))).toEqual({
      status: 409,
      body: {
        error: {
          code: 'STALE_VERSION',
          message: 'stale',
          details: { resource: 'post', currentVersion: 4, reason: 'version' },
        },
      },
    });
  });

  it('fails loudly in tests when details break the contract', () => {
    expect(answer('test', broken()).status).toBe(500);
  });

  it('keeps the code in production but never sends details that break the contract', () => {
    expect(answer('production', broken())).toEqual({
      status: 409,
      body: { error: { code: 'STALE_VERSION', message: 'stale' } },
    });
  });
});
