import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { UnlockAttemptsRepository } from './unlock-attempts.repository';

/** Day-old password attempts on review links throttle nothing any more. */
@Injectable()
export class ReviewLinksMaintenance {
  constructor(private readonly attempts: UnlockAttemptsRepository) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'review-link-attempts-cleanup' })
  async cleanUp(): Promise<void> {
    await this.attempts.deleteOlderThan(new Date(Date.now() - 24 * 3_600_000));
  }
}
