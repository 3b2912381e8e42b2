import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countFailures, type FailureCounts } from '../auth/attempt-counts';

/**
 * Password attempts on review links, counted like login attempts: the link plays the account.
 * pair = this link from this address since its last success here; account = this link from
 * anywhere; address = this address on any link.
 */
@Injectable()
export class UnlockAttemptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `device` is the id of a browser that unlocked this link before (its signed cookie), or null. */
  async record(
    linkId: string,
    ip: string,
    succeeded: boolean,
    device: string | null = null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO review_link_unlock_attempts (link_id, ip, succeeded, device) VALUES ($1, $2, $3, $4)`,
      [linkId, ip, succeeded, device],
    );
  }

  failuresSince(
    linkId: string,
    ip: string,
    since: Date,
    device: string | null = null,
  ): Promise<FailureCounts> {
    return countFailures(
      this.db,
      { table: 'review_link_unlock_attempts', subject: 'link_id' },
      linkId,
      ip,
      since,
      device,
    );
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM review_link_unlock_attempts WHERE attempted_at < $1`, [
      before,
    ]);
  }
}
