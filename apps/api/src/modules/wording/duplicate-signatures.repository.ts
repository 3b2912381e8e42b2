import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type StoredSignature } from '@postplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type SignedText } from './duplicate-signatures';

/** A post as the index needs it: its texts per channel and when it goes out. */
export type IndexablePost = {
  version: number;
  text: string;
  at: Date;
  deleted: boolean;
  variants: { channelId: string; text: string | null }[];
};

export type SignatureWrite = SignedText & { channelId: string };

/** One text to look up: the channel it goes to and its band keys. */
export type DuplicateProbe = { channelId: string; bandKeys: string[] };

/** Stored signatures of post variants and their LSH band keys (see docs/wording.md). */
@Injectable()
export class DuplicateSignaturesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Locks the post (concurrent re-indexing of one post takes turns) and reads what the index
   * stores of it. Null if the post does not exist in the workspace.
   */
  async lockPost(
    em: EntityManager,
    workspaceId: string,
    postId: string,
  ): Promise<IndexablePost | null> {
    const locked: unknown[] = await em.query(
      `SELECT 1 FROM posts WHERE workspace_id = $1 AND id = $2 FOR UPDATE`,
      [workspaceId, postId],
    );
    if (locked.length === 0) return null;
    const rows: IndexablePost[] = await em.query(
      `SELECT p.version, p.text, coalesce(p.planned_at, p.created_at) AS at,
              p.deleted_at IS NOT NULL AS deleted,
              coalesce((SELECT json_agg(json_build_object('channelId', v.channel_id, 'text', v.text) ORDER BY v.position)
                          FROM post_variants v WHERE v.post_id = p.id), '[]'::json) AS variants
         FROM posts p WHERE p.id = $1`,
      [postId],
    );
    return rows[0] ?? null;
  }

  /** Replaces what the index holds for one post (nothing, when `signatures` is empty). */
  async replace(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    post: { version: number; at: Date } | null,
    signatures: SignatureWrite[],
  ): Promise<void> {
    await em.query(`DELETE FROM wording_signatures WHERE post_id = $1`, [postId]);
    if (!post || signatures.length === 0) return;
    await em.query(
      `INSERT INTO wording_signatures
              (post_id, channel_id, workspace_id, at, post_version, version, signature, fingerprint)
       SELECT $1, s.channel_id, $2, $3, $4, s.version, s.signature, s.fingerprint
         FROM unnest($5::uuid[], $6::smallint[], $7::bytea[], $8::text[])
              AS s(channel_id, version, signature, fingerprint)`,
      [
        postId,
        workspaceId,
        post.at,
        post.version,
        signatures.map((s) => s.channelId),
        signatures.map((s) => s.version),
        signatures.map((s) => s.signature),
        signatures.map((s) => s.fingerprint),
      ],
    );
    const bands = signatures.flatMap((s) => s.bandKeys.map((key) => [s.channelId, key] as const));
    if (bands.length === 0) return;
    await em.query(
      `INSERT INTO wording_signature_bands (channel_id, band_key, post_id, at)
       SELECT b.channel_id, b.band_key, $1, $2
         FROM unnest($3::uuid[], $4::bigint[]) AS b(channel_id, band_key)
       ON CONFLICT DO NOTHING`,
      [postId, post.at, bands.map((b) => b[0]), bands.map((b) => b[1])],
    );
  }

  /**
   * Variants that share at least one band with a probe on the probe's channel, inside the time
   * window: an index lookup per (channel, band key), then the candidates' signatures.
   */
  async candidates(
    workspaceId: string,
    probes: DuplicateProbe[],
    window: { from: Date; to: Date },
    excludePostId: string | null,
    signatureVersion: number,
  ): Promise<StoredSignature[]> {
    const pairs = probes.flatMap((p) => p.bandKeys.map((key) => [p.channelId, key] as const));
    if (pairs.length === 0) return [];
    const rows: {
      post_id: string;
      channel_id: string;
      at: Date;
      version: number;
      signature: string;
      fingerprint: string;
    }[] = await this.db.query(
      `SELECT s.post_id, s.channel_id, s.at, s.version, encode(s.signature, 'base64') AS signature, s.fingerprint
         FROM wording_signatures s
        WHERE s.workspace_id = $1 AND s.version = $7 AND s.signature IS NOT NULL
          AND (s.post_id, s.channel_id) IN (
                SELECT b.post_id, b.channel_id
                  FROM unnest($2::uuid[], $3::bigint[]) AS q(channel_id, band_key)
                  JOIN wording_signature_bands b
                    ON b.channel_id = q.channel_id AND b.band_key = q.band_key
                 WHERE b.at >= $4 AND b.at <= $5 AND b.post_id IS DISTINCT FROM $6::uuid)
        ORDER BY s.at DESC
        LIMIT 1000`,
      [
        workspaceId,
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
        window.from,
        window.to,
        excludePostId,
        signatureVersion,
      ],
    );
    return rows.map((r) => ({
      // One post has a signature per channel; the index keys them apart.
      id: `${r.post_id}/${r.channel_id}`,
      channelId: r.channel_id,
      at: r.at,
      version: r.version,
      signature: r.signature,
      fingerprint: r.fingerprint,
    }));
  }

  /**
   * Live posts with variants whose signatures are missing, stale or of another signature
   * version, planned (or created) after `since`: what the index must still sign.
   */
  async unindexed(
    since: Date,
    signatureVersion: number,
    limit: number,
  ): Promise<{ id: string; workspace_id: string }[]> {
    return this.db.query(
      `SELECT p.id, p.workspace_id
         FROM posts p
        WHERE p.deleted_at IS NULL
          AND coalesce(p.planned_at, p.created_at) >= $1
          AND EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM wording_signatures s
                           WHERE s.post_id = p.id AND s.post_version = p.version AND s.version = $2)
        LIMIT $3`,
      [since, signatureVersion, limit],
    );
  }

  /** Forgets signatures of deleted posts and of posts too old for any window. */
  async prune(before: Date): Promise<number> {
    // For DELETE, TypeORM's PostgreSQL driver answers [rows, affected].
    const [, old] = await this.db.query<[unknown, number]>(
      `DELETE FROM wording_signatures WHERE at < $1`,
      [before],
    );
    const [, deleted] = await this.db.query<[unknown, number]>(
      `DELETE FROM wording_signatures s USING posts p
        WHERE s.post_id = p.id AND p.deleted_at IS NOT NULL`,
    );
    return old + deleted;
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
