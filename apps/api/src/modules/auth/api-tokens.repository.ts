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
    // One round trip; the database's clock on both sides, as it wrote the row's time.
    const rows: { id: string; user_id: string }[] = await this.db.query(
      `WITH t AS (
         SELECT id, user_id, last_used_at FROM api_tokens
          WHERE token_hash = $1 AND revoked_at IS NULL
       ), touched AS (
         UPDATE api_tokens a SET last_used_at = now() FROM t
          WHERE a.id = t.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute')
       )
       SELECT id, user_id FROM t`,
      [tokenHash],
    );
    const r = rows[0];
    return r ? { id: r.id, userId: r.user_id } : null;
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.tokens.update(
      { id, userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return (r.affected ?? 0) > 0;
  }
}
