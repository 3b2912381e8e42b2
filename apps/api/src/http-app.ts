import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { type AppConfig } from './config/app-config';
import { jsonBody } from './common/http/json-body';
import { serverTiming } from './common/http/server-timing';
import { textInput } from './common/http/text-input';

/**
 * The HTTP application around a root module: the same security headers, cookies, body parsing
 * and prefix for the full app and for a worker process. `extras` adds what only the full app
 * serves (the OpenAPI document, the web app).
 */
export async function createHttpApp(
  root: DynamicModule,
  config: AppConfig,
  extras: (app: NestExpressApplication) => void = () => undefined,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(serverTiming);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // FullCalendar and the editor set element styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(jsonBody());
  app.use(textInput());
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  extras(app);
  await app.init();
  return app;
}

/** The built single-page app, with every non-API path falling back to index.html. */
export function serveWebApp(app: NestExpressApplication, dist: string): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return;
  app.use(
    '/assets',
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
