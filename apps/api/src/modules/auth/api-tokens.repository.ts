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

  /** Marks the token used and returns its owner, in one round trip; revoked tokens match nothing. */
  async use(tokenHash: Buffer): Promise<{ id: string; userId: string } | null> {
    const rows: { id: string; user_id: string }[] = await this.db.query(
      // Wrapped in a CTE because TypeORM returns [rows, count] for a bare UPDATE.
      `WITH used AS (
         UPDATE api_tokens SET last_used_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL
          RETURNING id, user_id
       ) SELECT id, user_id FROM used`,
      [tokenHash],
    );
    const r = rows[0];
    return r ? { id: r.id, userId: r.user_id } : null;
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.tokens.update(
      { id, userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return (r.affected ?? 0) > 0;
  }
}
