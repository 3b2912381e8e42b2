import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    em: EntityManager,
    row: {
      email: string;
      ip: string;
      userId: string | null;
      tokenHash: Buffer | null;
      expiresAt: Date;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO password_resets (email, ip, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.email, row.ip, row.userId, row.tokenHash, row.expiresAt],
    );
  }

  /** Requests since a moment, for this address and from this client, known account or not. */
  async countSince(email: string, ip: string, since: Date): Promise<{ email: number; ip: number }> {
    const rows: { email: number; ip: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS email, count(*) FILTER (WHERE ip = $2)::int AS ip
         FROM password_resets WHERE created_at >= $3 AND (email = $1 OR ip = $2)`,
      [email, ip, since],
    );
    return rows[0] ?? { email: 0, ip: 0 };
  }

  async findUsable(tokenHash: Buffer): Promise<{ id: string; userId: string } | null> {
    const rows: { id: string; user_id: string }[] = await this.db.query(
      `SELECT id, user_id FROM password_resets
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() AND user_id IS NOT NULL`,
      [tokenHash],
    );
    const r = rows[0];
    return r ? { id: r.id, userId: r.user_id } : null;
  }

  /**
   * Marks this link used, and every other open link of the person with it, so an older mail
   * cannot be used after a reset. False when this link was used meanwhile.
   */
  async useAllFor(em: EntityManager, id: string, userId: string): Promise<boolean> {
    const claimed: unknown[] = await em.query(
      `WITH claimed AS (
         UPDATE password_resets SET used_at = now()
          WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING 1
       )
       SELECT * FROM claimed`,
      [id],
    );
    if (claimed.length === 0) return false;
    await em.query(
      `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return true;
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM password_resets WHERE created_at < $1`, [before]);
  }
}
