import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PublishingMetrics } from './publishing.metrics';
import { PublishingWorker } from './publishing.worker';

/** For the operator's monitoring: Prometheus figures and a readiness check. */
@ApiTags('health')
@Controller()
@Public()
export class OperationsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: PublishingMetrics,
    private readonly worker: PublishingWorker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  @ApiExcludeEndpoint()
  async prometheus(@Res() res: Response): Promise<void> {
    const body = await this.metrics.registry.metrics();
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(body);
  }

  /**
   * Ready to take traffic or work: the database answers within 2 s and, in a worker process,
   * the wake-up connection listens. 503 otherwise, with what is down.
   */
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const database = await Promise.race([
      this.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
    const worker = this.config.role === 'api' ? null : this.worker.listening;
    const ok = database && worker !== false;
    if (!ok) res.status(503);
    return {
      status: ok ? 'ready' : 'not_ready',
      database: database ? 'up' : 'down',
      worker: worker === null ? 'off' : worker ? 'listening' : 'down',
    };
  }
}
