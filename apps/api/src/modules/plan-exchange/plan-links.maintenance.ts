import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
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
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'plan-exchange-cleanup' })
  async cleanUp(): Promise<void> {
    await this.links.deleteUnlockAttemptsBefore(new Date(Date.now() - DAY_MS));
    await this.imports.deleteJobsBefore(new Date(Date.now() - 7 * DAY_MS));
  }
}
