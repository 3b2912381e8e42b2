import { type INestApplication } from '@nestjs/common';
import { type AppConfig } from './config/app-config';
import { createHttpApp } from './http-app';
import { WorkerModule } from './worker.module';

/** A worker process: background work, plus health, readiness and metrics over HTTP. */
export function createWorkerApp(config: AppConfig): Promise<INestApplication> {
  return createHttpApp(WorkerModule.forRoot(config), config);
}
