import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptLog, type FailureCounts } from './attempt-counts';

export type { FailureCounts };

/** Login attempts by address (the e-mail is the subject). */
@Injectable()
export class LoginAttemptsRepository extends AttemptLog {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, { table: 'login_attempts', subject: 'email' });
  }
}
