import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { type DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { type Clock } from './common/clock/clock';
import { type AppConfig } from './config/app-config';
import { jsonBody } from './common/http/json-body';
import { serverTiming } from './common/http/server-timing';
import { textInput } from './common/http/text-input';
import { setupOpenApi } from './openapi';

/** Builds the HTTP application; main.ts listens with it, integration tests drive it in-process. */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; logStream?: DestinationStream } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
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
  setupOpenApi(app);
  serveWebApp(app, config.webDist);
  await app.init();
  return app;
}

/** The built single-page app, with every non-API path falling back to index.html. */
function serveWebApp(app: NestExpressApplication, dist: string): void {
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
