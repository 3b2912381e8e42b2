import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { SessionsRepository } from './sessions.repository';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { Clock } from '../../common/clock/clock';

/** Keeps the auth tables small: expired sessions and day-old login attempts serve no one. */
@Injectable()
export class AuthMaintenance {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'auth-cleanup' })
  async cleanUp(): Promise<void> {
    await this.sessions.deleteExpired(this.clock.now());
    await this.attempts.deleteOlderThan(new Date(this.clock.nowMs() - 24 * 3_600_000));
  }
}
