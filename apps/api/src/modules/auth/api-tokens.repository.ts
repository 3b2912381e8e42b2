import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';

@Injectable()
export class ApiTokensRepository {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  create(
    row: Pick<ApiTokenEntity, 'userId' | 'name' | 'prefix' | 'tokenHash'>,
  ): Promise<ApiTokenEntity> {
    return this.tokens.save(this.tokens.create(row));
  }

  listActive(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({
      where: { userId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * The owner of a live token. Its last use is recorded at most once a minute: a script that
   * polls must not turn every read into a write.
   */
  async use(tokenHash: Buffer): Promise<{ id: string; userId: string } | null> {
    const rows: { id: string; user_id: string; last_used_at: Date | null }[] = await this.db.query(
      `SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    if (!r.last_used_at || Date.now() - r.last_used_at.getTime() > 60_000) {
      await this.db.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [r.id]);
    }
    return { id: r.id, userId: r.user_id };
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.tokens.update(
      { id, userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return (r.affected ?? 0) > 0;
  }
}
