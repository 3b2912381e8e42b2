import { type MigrationInterface, type QueryRunner } from 'typeorm';

const CALENDAR_EVENTS = [
  ['INSERT', 'NEW'],
  ['UPDATE', 'NEW'],
  ['DELETE', 'OLD'],
] as const;

/**
 * Campaigns: a named period with a colour, a goal, an owner, channels, a brief and UTM defaults.
 * A post belongs to at most one campaign.
 *
 * The period is two calendar days (inclusive) in the workspace's time zone, not instants: a
 * campaign "runs 1 to 14 March" wherever the team sits, and the calendar draws the band from
 * local midnight to local midnight.
 *
 * posts.campaign_id references (workspace_id, id) so that the database itself refuses a post
 * that points into another workspace's campaign. Deleting a campaign with posts is refused (NO
 * ACTION, checked at the end of the statement so a workspace can still be deleted whole): the campaign decides the
 * UTM parameters in its posts' links, which are part of the approved content; silently dropping
 * them would void approvals behind everyone's back. The API refuses to delete a campaign that
 * still has posts, binned ones included.
 */
export class Campaigns1766200000000 implements MigrationInterface {
  name = 'Campaigns1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        color text NOT NULL CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        goal text NOT NULL DEFAULT '',
        goal_target numeric,
        goal_unit text,
        owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
        brief text NOT NULL DEFAULT '',
        utm jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(
      `CREATE INDEX campaigns_period_idx ON campaigns (workspace_id, starts_on, ends_on)`,
    );

    await q.query(`
      CREATE TABLE campaign_channels (
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        PRIMARY KEY (campaign_id, channel_id)
      )`);
    await q.query(`CREATE INDEX campaign_channels_channel_idx ON campaign_channels (channel_id)`);

    await q.query(`ALTER TABLE posts ADD COLUMN campaign_id uuid`);
    await q.query(`
      ALTER TABLE posts ADD CONSTRAINT posts_campaign_fk
        FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaigns (workspace_id, id)
        ON DELETE NO ACTION`);
    await q.query(
      `CREATE INDEX posts_campaign_idx ON posts (campaign_id, planned_at) WHERE campaign_id IS NOT NULL`,
    );
    // The calendar draws campaigns (band, colour): a change of one moves the calendar version
    // like a change of a post, so a cached calendar answer is never stale.
    for (const [event, transition] of CALENDAR_EVENTS) {
      await q.query(
        `CREATE TRIGGER campaigns_calendar_${event.toLowerCase()} AFTER ${event} ON campaigns
         REFERENCING ${transition} TABLE AS changed
         FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [event] of CALENDAR_EVENTS)
      await q.query(`DROP TRIGGER campaigns_calendar_${event.toLowerCase()} ON campaigns`);
    await q.query(`ALTER TABLE posts DROP COLUMN campaign_id`);
    await q.query(`DROP TABLE campaign_channels`);
    await q.query(`DROP TABLE campaigns`);
  }
}
