import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type FailureCounts = {
  /** Failures for this account from this address since its last success here. */
  pair: number;
  /** Failures for this account from anywhere. */
  account: number;
  /** Failures from this address for any account. */
  address: number;
  /** When the oldest failure in each count leaves the window. */
  oldest: { pair: Date | null; account: Date | null; address: Date | null };
};

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

  async failuresSince(email: string, ip: string, since: Date): Promise<FailureCounts> {
    const rows: {
      pair: string;
      account: string;
      address: string;
      pair_oldest: Date | null;
      account_oldest: Date | null;
      address_oldest: Date | null;
    }[] = await this.db.query(
      `WITH last_ok AS (
         SELECT max(attempted_at) AS at FROM login_attempts
          WHERE email = $1 AND ip = $2 AND succeeded AND attempted_at >= $3
       ), fails AS (
         SELECT email, ip, attempted_at FROM login_attempts
          WHERE NOT succeeded AND attempted_at >= $3 AND (email = $1 OR ip = $2)
       )
       SELECT
         count(*) FILTER (WHERE email = $1 AND ip = $2
           AND attempted_at > coalesce((SELECT at FROM last_ok), '-infinity')) AS pair,
         count(*) FILTER (WHERE email = $1) AS account,
         count(*) FILTER (WHERE ip = $2) AS address,
         min(attempted_at) FILTER (WHERE email = $1 AND ip = $2
           AND attempted_at > coalesce((SELECT at FROM last_ok), '-infinity')) AS pair_oldest,
         min(attempted_at) FILTER (WHERE email = $1) AS account_oldest,
         min(attempted_at) FILTER (WHERE ip = $2) AS address_oldest
       FROM fails`,
      [email, ip, since],
    );
    const r = rows[0]!;
    return {
      pair: Number(r.pair),
      account: Number(r.account),
      address: Number(r.address),
      oldest: { pair: r.pair_oldest, account: r.account_oldest, address: r.address_oldest },
    };
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [before]);
  }
}
