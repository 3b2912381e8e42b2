import { type INestApplication } from '@nestjs/common';
import { type DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { type Clock } from './common/clock/clock';
import { type AppConfig } from './config/app-config';
import { createHttpApp, serveWebApp } from './http-app';
import { setupOpenApi } from './openapi';

/** Builds the HTTP application; main.ts listens with it, integration tests drive it in-process. */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; logStream?: DestinationStream } = {},
): Promise<INestApplication> {
  return createHttpApp(AppModule.forRoot(config, options), config, (app) => {
    setupOpenApi(app);
    serveWebApp(app, config.webDist);
  });
}
