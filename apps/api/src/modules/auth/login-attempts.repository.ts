import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countFailures, type FailureCounts } from './attempt-counts';

export type { FailureCounts };

@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    await this.db.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`, [
      email,
      ip,
      succeeded,
    ]);
  }

  failuresSince(email: string, ip: string, since: Date): Promise<FailureCounts> {
    return countFailures(this.db, { table: 'login_attempts', subject: 'email' }, email, ip, since);
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [before]);
  }
}
