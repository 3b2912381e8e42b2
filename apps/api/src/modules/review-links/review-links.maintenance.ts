import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { UnlockAttemptsRepository } from './unlock-attempts.repository';
import { Clock } from '../../common/clock/clock';

/** Day-old password attempts on review links throttle nothing any more. */
@Injectable()
export class ReviewLinksMaintenance {
  constructor(
    private readonly attempts: UnlockAttemptsRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'review-link-attempts-cleanup' })
  async cleanUp(): Promise<void> {
    await this.attempts.deleteOlderThan(new Date(this.clock.nowMs() - 24 * 3_600_000));
  }
}
