import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ReviewService } from './review.service';

/**
 * The clock of review: every 15 seconds, unapproved posts whose planned time has come become
 * approval_expired. Runs in worker processes (POSTPLAN_ROLE all or worker); several workers
 * share the work through row locks (SKIP LOCKED), so none expires a post twice.
 */
@Injectable()
export class ReviewScheduler {
  private readonly log = new Logger(ReviewScheduler.name);
  private running = false;

  constructor(
    private readonly review: ReviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval('review-expiry', 15_000)
  async tick(): Promise<void> {
    if (this.config.role === 'api' || this.running) return;
    this.running = true;
    try {
      const n = await this.review.expireDue();
      if (n > 0) this.log.log(`${n} post(s) reached their planned time without approval`);
    } catch (e) {
      this.log.error(`Expiry run failed: ${(e as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
