import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Locale } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { type AccountMailKind } from './account-mail';
import { type EmailOutcome } from './notifications.repository';

export type ClaimedAccountEmail = {
  id: string;
  attempts: number;
  kind: AccountMailKind;
  to_address: string;
  locale: Locale;
  data: Record<string, unknown>;
  secret: Buffer | null;
};

/** The outbox for account e-mail (invitations, password resets): rows per address, not per member. */
@Injectable()
export class AccountEmailsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    em: EntityManager,
    row: {
      kind: AccountMailKind;
      toAddress: string;
      locale: Locale;
      data: Record<string, unknown>;
      secret: Buffer | null;
      skipReason: string | null;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO account_emails (kind, to_address, locale, data, secret, status, skip_reason)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
      [
        row.kind,
        row.toAddress,
        row.locale,
        JSON.stringify(row.data),
        row.skipReason ? null : row.secret,
        row.skipReason ? 'skipped' : 'pending',
        row.skipReason,
      ],
    );
  }

  /** Claims due rows like the notification outbox does: one statement, SKIP LOCKED, a lease. */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedAccountEmail[]> {
    return this.db.query(
      `WITH claimed AS (
       UPDATE account_emails e
          SET status = 'sending', attempts = e.attempts + 1,
              next_attempt_at = now() + ($2::int * interval '1 millisecond'), updated_at = now()
        WHERE e.id IN (
                SELECT id FROM account_emails
                 WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
                 ORDER BY next_attempt_at
                 LIMIT $1
                 FOR UPDATE SKIP LOCKED)
        RETURNING e.id, e.attempts, e.kind, e.to_address, e.locale, e.data, e.secret
       )
       SELECT * FROM claimed`,
      [limit, leaseMs],
    );
  }

  /**
   * Deletes settled rows (sent, failed, skipped) last changed before `cutoff`: an address and
   * the name of whoever invited it are kept no longer than the outbox needs them.
   */
  async deleteSettledBefore(cutoff: Date): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `WITH gone AS (
         DELETE FROM account_emails
          WHERE status IN ('sent', 'failed', 'skipped') AND updated_at < $1
          RETURNING 1
       )
       SELECT * FROM gone`,
      [cutoff],
    );
    return rows.length;
  }

  /** Settles a row; once it is sent, failed or skipped, the sealed link is deleted. */
  async settle(id: string, outcome: EmailOutcome): Promise<void> {
    switch (outcome.status) {
      case 'sent':
        await this.db.query(
          `UPDATE account_emails SET status = 'sent', sent_at = now(), last_error = NULL,
                  secret = NULL, updated_at = now() WHERE id = $1`,
          [id],
        );
        return;
      case 'retry':
        await this.db.query(
          `UPDATE account_emails SET status = 'pending', next_attempt_at = $2, last_error = $3,
                  updated_at = now() WHERE id = $1`,
          [id, outcome.at, outcome.error],
        );
        return;
      case 'failed':
        await this.db.query(
          `UPDATE account_emails SET status = 'failed', last_error = $2, secret = NULL,
                  updated_at = now() WHERE id = $1`,
          [id, outcome.error],
        );
        return;
      case 'skipped':
        await this.db.query(
          `UPDATE account_emails SET status = 'skipped', skip_reason = $2, secret = NULL,
                  updated_at = now() WHERE id = $1`,
          [id, outcome.reason],
        );
        return;
    }
  }
}
