import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The media library: one row per uploaded file (written only once the file is stored), and the
 * media a post uses, in order, with the alt text of that use. `channel_id` null is the post's
 * base media; a channel whose variant has `media_override` uses its own rows instead (none at
 * all is an empty override). A library item in use cannot disappear: post_media restricts.
 */
export class Media1766100000000 implements MigrationInterface {
  name = 'Media1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('image', 'video')),
        name text NOT NULL,
        mime_type text NOT NULL,
        bytes bigint NOT NULL CHECK (bytes >= 0),
        width integer CHECK (width > 0),
        height integer CHECK (height > 0),
        duration_ms integer CHECK (duration_ms >= 0),
        video_codec text,
        alt_text text,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL,
        thumbnail_key text NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX media_library ON media (workspace_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE post_media (
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        channel_id uuid REFERENCES channels(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        media_id uuid NOT NULL REFERENCES media(id) ON DELETE RESTRICT,
        alt_text text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX post_media_slot ON post_media (post_id, coalesce(channel_id, '00000000-0000-0000-0000-000000000000'::uuid), position)`,
    );
    await q.query(`CREATE INDEX post_media_by_media ON post_media (media_id)`);
    await q.query(
      `ALTER TABLE post_variants ADD COLUMN media_override boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `ALTER TABLE workspaces ADD COLUMN media_alt_text_required boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE sandbox_posts ADD COLUMN media jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sandbox_posts DROP COLUMN media`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN media_alt_text_required`);
    await q.query(`ALTER TABLE post_variants DROP COLUMN media_override`);
    await q.query(`DROP TABLE post_media`);
    await q.query(`DROP TABLE media`);
  }
}
