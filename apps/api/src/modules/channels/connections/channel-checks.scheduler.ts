import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { ChannelConnectionsService } from './channel-connections.service';

/**
 * Once a day, every connected channel is checked with its platform and its expiry looked at
 * (ChannelConnectionsService.checkAll holds the logic). Worker processes only; an alert is
 * raised once per change, so two workers checking the same day tell people once.
 */
@Injectable()
export class ChannelChecksScheduler {
  private readonly log = new Logger(ChannelChecksScheduler.name);
  private running = false;

  constructor(
    private readonly connections: ChannelConnectionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_DAY_AT_5AM, { name: 'channel-checks' })
  async daily(): Promise<void> {
    if (this.config.role === 'api' || this.running) return;
    this.running = true;
    try {
      const { checked, alerts } = await this.connections.checkAll();
      this.log.log(`Checked ${checked} channel connection(s); ${alerts} need attention`);
    } catch (e) {
      this.log.error(`The channel check failed: ${(e as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
