import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countFailures, type FailureCounts } from './attempt-counts';

export type { FailureCounts };

@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `device` is the known browser's id (from its signed device cookie), or null. */
  async record(
    email: string,
    ip: string,
    succeeded: boolean,
    device: string | null = null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO login_attempts (email, ip, succeeded, device) VALUES ($1, $2, $3, $4)`,
      [email, ip, succeeded, device],
    );
  }

  failuresSince(
    email: string,
    ip: string,
    since: Date,
    device: string | null = null,
  ): Promise<FailureCounts> {
    return countFailures(
      this.db,
      { table: 'login_attempts', subject: 'email' },
      email,
      ip,
      since,
      device,
    );
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [before]);
  }
}
