import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { type Params } from 'nestjs-pino';
import { type DestinationStream } from 'pino';
import { type Options } from 'pino-http';
import { type AppConfig } from './config/app-config';

/**
 * JSON logs with a request id on every line. Credentials never reach a log line: headers and
 * body fields that carry them are censored before pino writes anything.
 */
export function loggerOptions(config: AppConfig, stream?: DestinationStream): Params {
  const options: Options = {
    level: config.logLevel,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        // Channel credentials, wherever a body carries them (connect forms, OAuth answers).
        'req.body.credentials',
        '*.credentials',
        '*.accessToken',
        '*.refreshToken',
        '*.appPassword',
        '*.botToken',
        '*.webhookUrl',
        '*.signingSecret',
      ],
      censor: '[redacted]',
    },
    customProps: () => ({ service: 'postplan' }),
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactPathSecrets(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    // Tests hand in a stream to read every line the app writes.
    pinoHttp: stream ? [options, stream] : options,
  };
}

/**
 * Link tokens travel in the path: review links (/r/<token>, /api/v1/review/<token>/...), share
 * links (/s/<token>, /api/v1/shared/<token>/...) and calendar feeds (/api/v1/feeds/<token>/...).
 * A share feed's key travels in the query.
 */
export function redactPathSecrets(url: string): string {
  return (
    url
      .replace(/\/(r|review|s|shared|feeds)\/[A-Za-z0-9_-]{20,}/g, '/$1/[redacted]')
      .replace(/([?&]key=)[^&]+/g, '$1[redacted]')
      // An OAuth callback carries the authorization code and state.
      .replace(/([?&](?:code|state)=)[^&]+/g, '$1[redacted]')
  );
}
