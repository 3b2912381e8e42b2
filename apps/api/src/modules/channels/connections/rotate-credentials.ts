import { type Pool } from 'pg';
import { type CredentialCipher } from './credential-cipher';

/**
 * Re-encrypts every channel credential not yet under the cipher's current key, `batchSize` rows
 * per transaction. Each batch is locked (FOR UPDATE SKIP LOCKED), so a token refresh running at
 * the same time either waits for the batch or is skipped and picked up by the next one; it can
 * never write old ciphertext back. Safe to run again: rows already rotated are not touched.
 */
export async function rotateCredentials(
  pool: Pool,
  cipher: CredentialCipher,
  batchSize = 100,
): Promise<{ rewritten: number; remaining: { keyVersion: number; rows: number }[] }> {
  let rewritten = 0;
  for (;;) {
    const client = await pool.connect();
    let n = 0;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        channel_id: string;
        key_version: number;
        iv: Buffer;
        auth_tag: Buffer;
        ciphertext: Buffer;
      }>(
        `SELECT channel_id, key_version, iv, auth_tag, ciphertext FROM channel_credentials
          WHERE key_version <> $1 ORDER BY channel_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cipher.current, batchSize],
      );
      for (const row of rows) {
        const secrets = cipher.open(row.channel_id, {
          keyVersion: row.key_version,
          iv: row.iv,
          authTag: row.auth_tag,
          ciphertext: row.ciphertext,
        });
        const sealed = cipher.seal(row.channel_id, secrets);
        await client.query(
          `UPDATE channel_credentials SET key_version = $2, iv = $3, auth_tag = $4, ciphertext = $5
            WHERE channel_id = $1`,
          [row.channel_id, sealed.keyVersion, sealed.iv, sealed.authTag, sealed.ciphertext],
        );
      }
      await client.query('COMMIT');
      n = rows.length;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    rewritten += n;
    if (n < batchSize) break;
  }
  const { rows } = await pool.query<{ key_version: number; n: string }>(
    `SELECT key_version, count(*) AS n FROM channel_credentials WHERE key_version <> $1
      GROUP BY key_version ORDER BY key_version`,
    [cipher.current],
  );
  return {
    rewritten,
    remaining: rows.map((r) => ({ keyVersion: r.key_version, rows: Number(r.n) })),
  };
}
