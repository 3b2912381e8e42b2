import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccountEmailsRepository } from './account-emails.repository';

/** How long a sent, failed or skipped account e-mail stays in its outbox. */
export const ACCOUNT_EMAIL_RETENTION_DAYS = 30;

/**
 * Hourly, in worker processes (and `all`): account e-mail rows that are settled and older than
 * the retention period are deleted. They hold an address and who invited it, nothing the
 * product needs once the mail is out (invitations and resets keep their own rows).
 */
@Injectable()
export class AccountEmailsRetention {
  private readonly log = new Logger(AccountEmailsRetention.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AccountEmailsRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'account-email-retention' })
  async tick(): Promise<void> {
    if (this.config.role === 'api') return;
    try {
      await this.deleteExpired();
    } catch (e) {
      this.log.error(`Deleting old account e-mail failed: ${(e as Error).message}`);
    }
  }

  /** How many rows it deleted. */
  async deleteExpired(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - ACCOUNT_EMAIL_RETENTION_DAYS * 86_400_000);
    const deleted = await this.repo.deleteSettledBefore(cutoff);
    if (deleted > 0) this.log.log(`Deleted ${deleted} settled account e-mail row(s)`);
    return deleted;
  }
}
