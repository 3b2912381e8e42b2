import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptLog } from '../auth/attempt-counts';

/**
 * Password attempts on review links, counted like login attempts: the link plays the account.
 * pair = this link from this address since its last success here; account = this link from
 * anywhere; address = this address on any link.
 */
@Injectable()
export class UnlockAttemptsRepository extends AttemptLog {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, { table: 'review_link_unlock_attempts', subject: 'link_id' });
  }
}
