import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type MediaKind, type MediaMimeType, type PostStatus } from '@postplan/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type MediaRow = {
  id: string;
  workspace_id: string;
  kind: MediaKind;
  name: string;
  mime_type: MediaMimeType;
  bytes: string | number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  video_codec: string | null;
  alt_text: string | null;
  sha256: string;
  storage_key: string;
  thumbnail_key: string;
  uploaded_by: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  usage_count: number;
};

export type NewMedia = Omit<MediaRow, 'usage_count' | 'deleted_at' | 'updated_at' | 'bytes'> & {
  bytes: number;
};

export type MediaUse = { postId: string; status: PostStatus; hasPendingPublication: boolean };

const USAGE = `(SELECT count(DISTINCT pm.post_id)::int FROM post_media pm JOIN posts p ON p.id = pm.post_id
                 WHERE pm.media_id = m.id AND p.deleted_at IS NULL)`;
const SELECT = `SELECT m.*, ${USAGE} AS usage_count FROM media m`;

/** `%` and `_` are wildcards in LIKE: a search for "50%" means the characters. */
const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class MediaRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(em: EntityManager, row: NewMedia): Promise<void> {
    await em.query(
      `INSERT INTO media (id, workspace_id, kind, name, mime_type, bytes, width, height, duration_ms,
                          video_codec, alt_text, sha256, storage_key, thumbnail_key, uploaded_by,
                          created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        row.id,
        row.workspace_id,
        row.kind,
        row.name,
        row.mime_type,
        row.bytes,
        row.width,
        row.height,
        row.duration_ms,
        row.video_codec,
        row.alt_text,
        row.sha256,
        row.storage_key,
        row.thumbnail_key,
        row.uploaded_by,
        row.created_at,
      ],
    );
  }

  /** One item of the workspace; `withDeleted` for files still shown in posts that use them. */
  async find(
    workspaceId: string,
    id: string,
    opts: { withDeleted?: boolean; em?: EntityManager } = {},
  ): Promise<MediaRow | null> {
    const rows: MediaRow[] = await (opts.em ?? this.db).query(
      `${SELECT} WHERE m.workspace_id = $1 AND m.id = $2 ${opts.withDeleted ? '' : 'AND m.deleted_at IS NULL'}`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** For signed links only: the link's signature already names exactly this item. */
  async findAnyWorkspace(id: string): Promise<MediaRow | null> {
    const rows: MediaRow[] = await this.db.query(`${SELECT} WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Items by id, deleted ones included (the caller decides what they may still be used for). */
  async findMany(
    workspaceId: string,
    ids: readonly string[],
    em?: EntityManager,
  ): Promise<MediaRow[]> {
    if (ids.length === 0) return [];
    return (em ?? this.db).query(`${SELECT} WHERE m.workspace_id = $1 AND m.id = ANY($2::uuid[])`, [
      workspaceId,
      ids,
    ]);
  }

  /** Newest first; every word must occur in the name or the alt text. Keyset paging. */
  async list(
    workspaceId: string,
    f: {
      words: string[];
      kind?: MediaKind;
      after?: { createdAt: Date; id: string };
      limit: number;
    },
  ): Promise<MediaRow[]> {
    const values: unknown[] = [workspaceId];
    const where = ['m.workspace_id = $1', 'm.deleted_at IS NULL'];
    for (const word of f.words) {
      values.push(`%${likeEscape(word)}%`);
      where.push(`(m.name || ' ' || coalesce(m.alt_text, '')) ILIKE $${values.length}`);
    }
    if (f.kind) {
      values.push(f.kind);
      where.push(`m.kind = $${values.length}`);
    }
    if (f.after) {
      values.push(f.after.createdAt, f.after.id);
      where.push(`(m.created_at, m.id) < ($${values.length - 1}, $${values.length}::uuid)`);
    }
    values.push(f.limit);
    return this.db.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY m.created_at DESC, m.id DESC LIMIT $${values.length}`,
      values,
    );
  }

  async update(
    em: EntityManager,
    id: string,
    change: { altText?: string | null; name?: string },
    now: Date,
  ): Promise<void> {
    await em.query(
      `UPDATE media SET alt_text = CASE WHEN $2 THEN $3 ELSE alt_text END,
                        name = coalesce($4, name), updated_at = $5
        WHERE id = $1`,
      [id, change.altText !== undefined, change.altText ?? null, change.name ?? null, now],
    );
  }

  /** Locks the item, so a delete and a post attaching it cannot cross. */
  async lock(em: EntityManager, workspaceId: string, id: string): Promise<MediaRow | null> {
    await em.query(`SELECT 1 FROM media WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [
      workspaceId,
      id,
    ]);
    return this.find(workspaceId, id, { em });
  }

  /** Every post (deleted ones too) that uses the item, with what decides whether it may go. */
  async uses(em: EntityManager, id: string): Promise<(MediaUse & { deleted: boolean })[]> {
    return em.query(
      `SELECT DISTINCT p.id AS "postId", p.status, p.deleted_at IS NOT NULL AS deleted,
              EXISTS (SELECT 1 FROM publications pb WHERE pb.post_id = p.id
                         AND pb.status IN ('pending', 'sending', 'unconfirmed')) AS "hasPendingPublication"
         FROM post_media pm JOIN posts p ON p.id = pm.post_id
        WHERE pm.media_id = $1`,
      [id],
    );
  }

  async softDelete(em: EntityManager, id: string, now: Date): Promise<void> {
    await em.query(`UPDATE media SET deleted_at = $2, updated_at = $2 WHERE id = $1`, [id, now]);
  }

  async hardDelete(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM media WHERE id = $1`, [id]);
  }

  async altTextRequired(workspaceId: string, em?: EntityManager): Promise<boolean> {
    const rows: { required: boolean }[] = await (em ?? this.db).query(
      `SELECT media_alt_text_required AS required FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return rows[0]?.required ?? false;
  }

  async setAltTextRequired(
    em: EntityManager,
    workspaceId: string,
    required: boolean,
  ): Promise<void> {
    await em.query(`UPDATE workspaces SET media_alt_text_required = $2 WHERE id = $1`, [
      workspaceId,
      required,
    ]);
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
