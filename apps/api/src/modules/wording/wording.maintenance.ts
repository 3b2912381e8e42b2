import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { SIGNATURE_VERSION } from '@postplan/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DuplicateSignaturesRepository } from './duplicate-signatures.repository';
import { WordingService } from './wording.service';
import { Clock } from '../../common/clock/clock';

/** The longest duplicate window a workspace can choose; older signatures serve no lookup. */
const HORIZON_DAYS = 366;
const BATCH = 200;

/**
 * Keeps the duplicate index complete. Posts index themselves on every save; this signs what
 * was never signed (posts from before the index existed, a new signature version) shortly after
 * start and daily, and drops signatures no window can reach. Runs in worker processes only.
 */
@Injectable()
export class WordingMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Wording');
  private running: Promise<unknown> | undefined;
  private stopping = false;

  constructor(
    private readonly signatures: DuplicateSignaturesRepository,
    private readonly wording: WordingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private horizon(): Date {
    return new Date(this.clock.nowMs() - HORIZON_DAYS * 86_400_000);
  }

  /** Background work belongs to worker processes (POSTPLAN_ROLE all or worker). */
  private get isWorker(): boolean {
    return this.config.role !== 'api';
  }

  onApplicationBootstrap(): void {
    if (!this.isWorker) return;
    this.running = this.catchUp().catch((e: unknown) =>
      this.logger.error(`Catching up the duplicate index failed: ${String(e)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  @Cron(CronExpression.EVERY_DAY_AT_4AM, { name: 'wording-index' })
  async daily(): Promise<void> {
    if (this.isWorker) await this.runDaily();
  }

  /** One round of what the daily job does: drop unreachable signatures, sign what is missing. */
  async runDaily(): Promise<void> {
    const removed = await this.signatures.prune(this.horizon());
    const signed = await this.catchUp();
    if (removed > 0 || signed > 0)
      this.logger.log(`Duplicate index: ${signed} posts signed, ${removed} signatures dropped`);
  }

  /** Signs every post the index lacks, in batches; returns how many. */
  async catchUp(): Promise<number> {
    let signed = 0;
    const failed = new Set<string>();
    while (!this.stopping) {
      const batch = (
        await this.signatures.unindexed(this.horizon(), SIGNATURE_VERSION, BATCH + failed.size)
      ).filter((p) => !failed.has(p.id));
      if (batch.length === 0) break;
      for (const post of batch) {
        if (this.stopping) break;
        try {
          await this.signatures.transaction((em) =>
            this.wording.indexPost(em, post.workspace_id, post.id),
          );
          signed++;
        } catch (e) {
          failed.add(post.id);
          this.logger.warn(
            `Post ${post.id} could not be signed for the duplicate index: ${String(e)}`,
          );
        }
      }
    }
    return signed;
  }
}
