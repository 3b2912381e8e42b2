import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ContestsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Background work belongs to the worker processes (and to `all`), never to an API-only one. */
  @Cron(CronExpression.EVERY_HOUR, { name: 'contest-retention' })
  async tick(): Promise<void> {
    if (this.config.role === 'api') return;
    try {
      await this.deleteExpiredEntrantData();
    } catch (e) {
      this.log.error(`Deleting expired entrant data failed: ${(e as Error).message}`);
    }
  }

  /** How many contests' entrant data it deleted. Safe to run in several processes at once. */
  async deleteExpiredEntrantData(): Promise<number> {
    const now = this.clock.now();
    const due = await this.repo.dueForDeletion(now);
    let deleted = 0;
    for (const c of due) {
      await this.repo.transaction(async (em) => {
        // Another process may have been first: the lock waits for it, the check then skips.
        const row = await this.repo.lock(em, c.workspace_id, c.id);
        if (!row || row.entrant_data_deleted_at) return;
        const wiped = await this.repo.deleteEntrantData(em, c.id, now);
        deleted += 1;
        await this.audit.record(em, {
          workspaceId: c.workspace_id,
          actor: { type: 'system' },
          action: 'contest.entrant_data_deleted',
          subject: { type: 'contest', id: c.id },
          after: { entries: wiped },
        });
      });
    }
    if (deleted > 0) this.log.log(`Deleted the entrant data of ${deleted} contest(s)`);
    return deleted;
  }
}
