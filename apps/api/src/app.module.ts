import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { type DestinationStream } from 'pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { APP_PIPE } from '@nestjs/core';
import { Clock, ClockModule, ShiftedClock, SystemClock } from './common/clock/clock';
import { TestClockModule } from './common/clock/test-clock.module';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { loggerOptions } from './logging';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { CommentsModule } from './modules/comments/comments.module';
import { ContestsModule } from './modules/contests/contests.module';
import { CrisisModule } from './modules/crisis/crisis.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { MediaModule } from './modules/media/media.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PlanExchangeModule } from './modules/plan-exchange/plan-exchange.module';
import { PostsModule } from './modules/posts/posts.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { PublishingModule } from './modules/publishing/publishing.module';
import { ReviewLinksModule } from './modules/review-links/review-links.module';
import { SetupModule } from './modules/setup/setup.module';
import { UsersModule } from './modules/users/users.module';
import { WordingModule } from './modules/wording/wording.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';

@Module({})
export class AppModule {
  /** `clock`: the integration tests' own (a ManualClock); otherwise the system's, or with
   *  POSTPLAN_TEST_CLOCK one the browser journeys can set. */
  static forRoot(
    config: AppConfig,
    options: { clock?: Clock; logStream?: DestinationStream } = {},
  ): DynamicModule {
    const clock = options.clock ?? (config.testClock ? new ShiftedClock() : new SystemClock());
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, options.logStream)),
        ScheduleModule.forRoot(),
        ClockModule.forRoot(clock),
        ...(config.testClock ? [TestClockModule] : []),
        DatabaseModule,
        HealthModule,
        AuditModule,
        NotificationsModule,
        PublishingModule,
        UsersModule,
        WorkspacesModule,
        AuthModule,
        InvitationsModule,
        SetupModule,
        ChannelsModule,
        MediaModule,
        WordingModule,
        PostsModule,
        CampaignsModule,
        CommentsModule,
        ReviewLinksModule,
        PlanExchangeModule,
        ContestsModule,
        CrisisModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
