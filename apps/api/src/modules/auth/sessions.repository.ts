import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, LessThan, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';

export type SessionLookup = { id: string; userId: string; csrfToken: string; lastSeenAt: Date };

@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async create(
    row: Omit<SessionEntity, 'id' | 'createdAt' | 'lastSeenAt'>,
  ): Promise<SessionEntity> {
    return this.sessions.save(this.sessions.create(row));
  }

  /** A live session by its token hash; expired ones do not exist. */
  async findLive(tokenHash: Buffer): Promise<SessionLookup | null> {
    const rows: { id: string; user_id: string; csrf_token: string; last_seen_at: Date }[] =
      await this.db.query(
        `SELECT id, user_id, csrf_token, last_seen_at FROM sessions
          WHERE token_hash = $1 AND expires_at > now()`,
        [tokenHash],
      );
    const r = rows[0];
    return r
      ? { id: r.id, userId: r.user_id, csrfToken: r.csrf_token, lastSeenAt: r.last_seen_at }
      : null;
  }

  /** Sliding expiry: an active session lives on, an idle one runs out. */
  async touch(id: string, ttlMs: number): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET last_seen_at = now(), expires_at = now() + $2 * interval '1 millisecond'
        WHERE id = $1`,
      [id, ttlMs],
    );
  }

  async delete(id: string): Promise<void> {
    await this.sessions.delete({ id });
  }

  async deleteExpired(now: Date): Promise<number> {
    const r = await this.sessions.delete({ expiresAt: LessThan(now) });
    return r.affected ?? 0;
  }
}
