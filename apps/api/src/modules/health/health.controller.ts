import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Health } from '@postplan/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/actor';
import { APP_VERSION } from '../../config/version';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Liveness plus a real round trip to PostgreSQL; 503 when the database does not answer. */
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const up = await Promise.race([
      this.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', version: APP_VERSION };
  }
}
