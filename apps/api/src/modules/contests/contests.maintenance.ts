import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { ContestsRepository } from './contests.repository';

/**
 * Daily: entrant data of contests whose retention period after the draw has passed is deleted
 * (handles, texts, emails, ages, countries). Pseudonyms, the commitment, the draw and the
 * masked winner labels stay, so the certificate keeps verifying.
 */
@Injectable()
export class ContestsMaintenance {
  private readonly log = new Logger(ContestsMaintenance.name);

  constructor(
    private readonly repo: ContestsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'contest-retention' })
  async deleteExpiredEntrantData(): Promise<number> {
    const now = this.clock.now();
    const due = await this.repo.dueForDeletion(now);
    for (const c of due) {
      await this.repo.transaction(async (em) => {
        const wiped = await this.repo.deleteEntrantData(em, c.id, now);
        await this.audit.record(em, {
          workspaceId: c.workspace_id,
          actor: { type: 'system' },
          action: 'contest.entrant_data_deleted',
          subject: { type: 'contest', id: c.id },
          after: { entries: wiped },
        });
      });
    }
    if (due.length > 0) this.log.log(`Deleted the entrant data of ${due.length} contest(s)`);
    return due.length;
  }
}
