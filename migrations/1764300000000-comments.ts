import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Comments on a post's wording. A thread is its first comment (parent_id null) with replies.
 * The first comment may be anchored to words of the base text or of one channel's variant, and
 * may carry a suggestion: a proposed replacement of those words.
 */
export class Comments1764300000000 implements MigrationInterface {
  name = 'Comments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comments (id) ON DELETE CASCADE,

        -- A member, or a review-link visitor (the link's label is kept as it was, so history
        -- still reads right after the link is renamed or removed).
        author_type text NOT NULL CHECK (author_type IN ('user', 'link')),
        author_user_id uuid REFERENCES users (id),
        link_id uuid,
        link_label text,
        visitor_name text,

        body text NOT NULL CHECK (char_length(body) <= 5000),
        mentions jsonb NOT NULL DEFAULT '[]',
        post_version integer NOT NULL,

        -- No foreign key on the channel: a comment outlives a removed variant or channel and is
        -- then shown as outdated, with its quote.
        anchor_channel_id uuid,
        anchor_quote text,
        anchor_prefix text,
        anchor_suffix text,
        anchor_start integer,
        anchor_end integer,

        suggestion text,
        suggestion_state text CHECK (suggestion_state IN ('open', 'accepted', 'dismissed')),
        suggestion_decided_at timestamptz,
        suggestion_decided_by uuid REFERENCES users (id),

        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id),

        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users (id),

        CONSTRAINT comments_author_ck CHECK (
          (author_type = 'user' AND author_user_id IS NOT NULL AND link_id IS NULL)
          OR (author_type = 'link' AND author_user_id IS NULL AND link_id IS NOT NULL
              AND link_label IS NOT NULL AND visitor_name IS NOT NULL)),
        CONSTRAINT comments_body_ck CHECK (char_length(body) > 0 OR suggestion IS NOT NULL),
        CONSTRAINT comments_anchor_ck CHECK (
          (anchor_quote IS NULL AND anchor_prefix IS NULL AND anchor_suffix IS NULL
            AND anchor_start IS NULL AND anchor_end IS NULL AND anchor_channel_id IS NULL)
          OR (anchor_quote <> '' AND anchor_prefix IS NOT NULL AND anchor_suffix IS NOT NULL
            AND anchor_start >= 0 AND anchor_end > anchor_start)),
        CONSTRAINT comments_suggestion_ck CHECK (
          (suggestion IS NULL AND suggestion_state IS NULL)
          OR (suggestion IS NOT NULL AND suggestion_state IS NOT NULL AND anchor_quote IS NOT NULL)),
        CONSTRAINT comments_reply_ck CHECK (
          parent_id IS NULL OR (anchor_quote IS NULL AND suggestion IS NULL AND resolved_at IS NULL))
      )`);
    await q.query(`CREATE INDEX comments_post_idx ON comments (post_id, created_at)`);
    await q.query(
      `CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE comments`);
  }
}
