import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text,
        locale text CHECK (locale IN ('de', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        time_zone text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('de', 'en')),
        holiday_country text NOT NULL DEFAULT 'DE',
        holiday_region text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE memberships (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'author', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)`);

    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at)`);

    await q.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        platform text NOT NULL CHECK (platform IN ('x', 'bluesky', 'mastodon', 'threads', 'linkedin',
          'instagram', 'facebook', 'telegram', 'pinterest', 'discord', 'slack', 'webhook', 'manual', 'sandbox')),
        color text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX channels_workspace_idx ON channels (workspace_id)`);

    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        status text NOT NULL CHECK (status IN ('idea', 'draft')),
        title text NOT NULL DEFAULT '',
        text text NOT NULL,
        planned_at timestamptz,
        tags text[] NOT NULL DEFAULT '{}',
        author_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    // The calendar reads a workspace's live posts by planned time; everything else is a filter on that.
    await q.query(
      `CREATE INDEX posts_calendar_idx ON posts (workspace_id, planned_at) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX posts_unscheduled_idx ON posts (workspace_id, created_at) WHERE planned_at IS NULL AND deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX posts_tags_idx ON posts USING gin (tags)`);

    await q.query(`
      CREATE TABLE post_variants (
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        text text,
        PRIMARY KEY (post_id, channel_id)
      )`);
    await q.query(`CREATE INDEX post_variants_channel_idx ON post_variants (channel_id, post_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'post_variants',
      'posts',
      'channels',
      'login_attempts',
      'api_tokens',
      'sessions',
      'memberships',
      'workspaces',
      'users',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
