import { type DataSource } from 'typeorm';

export type FailureCounts = {
  /** Failures for this subject from this address since its last success here. */
  pair: number;
  /** Failures for this subject from anywhere. */
  account: number;
  /** Failures from this address for any subject. */
  address: number;
  /** Failures for this subject from this known browser (its device cookie); 0 without one. */
  device: number;
  /** When the oldest failure in each count leaves the window. */
  oldest: { pair: Date | null; account: Date | null; address: Date | null; device: Date | null };
};

/** Where attempts are kept: a table with `ip`, `succeeded`, `attempted_at` and a subject column. */
export type AttemptTable = { table: string; subject: string };

/**
 * The counts the throttle decides on (see login-throttle.ts), for any kind of secret guessed
 * by subject and address: logins (the account is the subject), review-link passwords (the link).
 * The table and column names are constants of the code, never input.
 */
export async function countFailures(
  db: DataSource,
  { table, subject }: AttemptTable,
  subjectValue: string,
  ip: string,
  since: Date,
  device: string | null = null,
): Promise<FailureCounts> {
  const rows: {
    pair: string;
    account: string;
    address: string;
    pair_oldest: Date | null;
    account_oldest: Date | null;
    address_oldest: Date | null;
    device_count: string;
    device_oldest: Date | null;
  }[] = await db.query(
    `WITH last_ok AS (
       SELECT max(attempted_at) AS at FROM ${table}
        WHERE ${subject} = $1 AND ip = $2 AND succeeded AND attempted_at >= $3
     ), fails AS (
       SELECT ${subject} AS subject, ip, device, attempted_at FROM ${table}
        WHERE NOT succeeded AND attempted_at >= $3 AND (${subject} = $1 OR ip = $2)
     )
     SELECT
       count(*) FILTER (WHERE subject = $1 AND ip = $2
         AND attempted_at > coalesce((SELECT at FROM last_ok), '-infinity')) AS pair,
       count(*) FILTER (WHERE subject = $1) AS account,
       count(*) FILTER (WHERE ip = $2) AS address,
       min(attempted_at) FILTER (WHERE subject = $1 AND ip = $2
         AND attempted_at > coalesce((SELECT at FROM last_ok), '-infinity')) AS pair_oldest,
       min(attempted_at) FILTER (WHERE subject = $1) AS account_oldest,
       min(attempted_at) FILTER (WHERE ip = $2) AS address_oldest,
       count(*) FILTER (WHERE subject = $1 AND device = $4) AS device_count,
       min(attempted_at) FILTER (WHERE subject = $1 AND device = $4) AS device_oldest
     FROM fails`,
    [subjectValue, ip, since, device],
  );
  const r = rows[0]!;
  return {
    pair: Number(r.pair),
    account: Number(r.account),
    address: Number(r.address),
    device: Number(r.device_count),
    oldest: {
      pair: r.pair_oldest,
      account: r.account_oldest,
      address: r.address_oldest,
      device: r.device_oldest,
    },
  };
}

/**
 * One table of attempts (logins, review-link and share-link passwords): what the throttle
 * counts, written and pruned the same way for each. Repositories extend it with their table.
 */
export class AttemptLog {
  constructor(
    private readonly db: DataSource,
    private readonly table: AttemptTable,
  ) {}

  /** `device` is the known browser's id (from its signed device cookie), or null. */
  async record(
    subjectValue: string,
    ip: string,
    succeeded: boolean,
    device: string | null = null,
  ): Promise<void> {
    const { table, subject } = this.table;
    await this.db.query(
      `INSERT INTO ${table} (${subject}, ip, succeeded, device) VALUES ($1, $2, $3, $4)`,
      [subjectValue, ip, succeeded, device],
    );
  }

  failuresSince(
    subjectValue: string,
    ip: string,
    since: Date,
    device: string | null = null,
  ): Promise<FailureCounts> {
    return countFailures(this.db, this.table, subjectValue, ip, since, device);
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table.table} WHERE attempted_at < $1`, [before]);
  }
}
