import { Global, Module } from '@nestjs/common';
import { AccountEmailsRepository } from './account-emails.repository';
import { AccountEmailsRetention } from './account-emails.retention';
import { AccountMailService } from './account-mail.service';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Global: every feature that tells people something injects NotificationsService. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationMailer,
    AccountEmailsRepository,
    AccountEmailsRetention,
    AccountMailService,
  ],
  exports: [NotificationsService, NotificationMailer, AccountMailService],
})
export class NotificationsModule {}
