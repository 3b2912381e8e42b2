import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { ImportRepository } from './import.repository';
import { PlanLinksRepository } from './plan-links.repository';

const DAY_MS = 24 * 3_600_000;

/**
 * Hourly: day-old password attempts on share links throttle nothing any more, and uploaded
 * import files are not kept beyond a week.
 */
@Injectable()
export class PlanLinksMaintenance {
  constructor(
    private readonly links: PlanLinksRepository,
    private readonly imports: ImportRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'plan-exchange-cleanup' })
  async cleanUp(): Promise<void> {
    await this.links.deleteUnlockAttemptsBefore(new Date(this.clock.nowMs() - DAY_MS));
    await this.imports.deleteJobsBefore(new Date(this.clock.nowMs() - 7 * DAY_MS));
  }
}
