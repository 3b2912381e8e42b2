import { Global, Module } from '@nestjs/common';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Global: every feature that tells people something injects NotificationsService. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationMailer],
  exports: [NotificationsService, NotificationMailer],
})
export class NotificationsModule {}
