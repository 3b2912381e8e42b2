import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { ClockModule, ShiftedClock, SystemClock } from './common/clock/clock';
import { TestClockModule } from './common/clock/test-clock.module';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { loggerOptions } from './logging';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ContestRetentionModule } from './modules/contests/contest-retention.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PostsModule } from './modules/posts/posts.module';
import { PublishingModule } from './modules/publishing/publishing.module';
import { UsersModule } from './modules/users/users.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';

/**
 * A worker process (POSTPLAN_ROLE=worker): the modules that hold background work (publishing,
 * review expiry, notification mail, the wording index, contest data retention) and what they stand on, nothing that
 * only answers people: no exports, imports, share links, comments, invitations, setup, demo
 * seeding or OpenAPI document. Fewer modules loaded is less memory per worker (docs/publishing.md).
 * Auth stays, so every route a module brings along is guarded as in the full app.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          ...loggerOptions(config),
          // Probes and scrapes are not logged per request here. Logging one would also switch on
          // the per-request log context (AsyncLocalStorage), whose hooks then tax every promise
          // of the engine for the life of the process: several percent of a burst's CPU.
          exclude: ['health', 'health/ready', 'metrics'].map((path) => ({
            path,
            method: RequestMethod.GET,
          })),
        }),
        ScheduleModule.forRoot(),
        ClockModule.forRoot(config.testClock ? new ShiftedClock() : new SystemClock()),
        ...(config.testClock ? [TestClockModule] : []),
        DatabaseModule,
        HealthModule,
        AuditModule,
        NotificationsModule,
        PublishingModule,
        UsersModule,
        WorkspacesModule,
        AuthModule,
        PostsModule,
        ContestRetentionModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
