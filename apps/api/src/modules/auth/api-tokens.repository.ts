import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type TokenScope } from '@postplan/contracts';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';

export type TokenUse =
  | { status: 'ok'; id: string; userId: string; scopes: TokenScope[] }
  | { status: 'expired' }
  | { status: 'unknown' };

@Injectable()
export class ApiTokensRepository {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  create(
    row: Pick<ApiTokenEntity, 'userId' | 'name' | 'prefix' | 'tokenHash' | 'scopes' | 'expiresAt'>,
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
   * The owner and scopes of a live token. Its last use is recorded at most once a minute: a
   * script that polls must not turn every read into a write. An expired token is told apart so
   * the script's author learns why it stopped working.
   */
  async use(tokenHash: Buffer): Promise<TokenUse> {
    // One round trip; the database's clock on both sides, as it wrote the row's times.
    const rows: {
      id: string;
      user_id: string;
      scopes: TokenScope[];
      expired: boolean;
    }[] = await this.db.query(
      `WITH t AS (
         SELECT id, user_id, scopes, last_used_at, coalesce(expires_at <= now(), false) AS expired
           FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL
       ), touched AS (
         UPDATE api_tokens a SET last_used_at = now() FROM t
          WHERE a.id = t.id AND NOT t.expired
            AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute')
       )
       SELECT id, user_id, scopes, expired FROM t`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return { status: 'unknown' };
    if (r.expired) return { status: 'expired' };
    return { status: 'ok', id: r.id, userId: r.user_id, scopes: r.scopes };
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const r = await this.tokens.update(
      { id, userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return (r.affected ?? 0) > 0;
  }
}
