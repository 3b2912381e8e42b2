import { type MigrationInterface, type QueryRunner } from 'typeorm';

const TABLES = ['posts', 'post_variants', 'channels'];
const EVENTS = [
  ['INSERT', 'NEW'],
  ['UPDATE', 'NEW'],
  ['DELETE', 'OLD'],
] as const;

/**
 * A counter per workspace that moves whenever anything the calendar shows changes. Readers
 * compare it to decide whether a cached calendar answer is still current. Triggers keep it
 * honest: no write path can forget to move it.
 */
export class CalendarVersion1763800000000 implements MigrationInterface {
  name = 'CalendarVersion1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN calendar_version bigint NOT NULL DEFAULT 0`);
    // Statement-level triggers: a bulk change of thousands of rows moves the counter once.
    await q.query(`
      CREATE FUNCTION bump_calendar_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'post_variants' THEN
          UPDATE workspaces SET calendar_version = calendar_version + 1
           WHERE id IN (SELECT p.workspace_id FROM posts p WHERE p.id IN (SELECT post_id FROM changed));
        ELSE
          UPDATE workspaces SET calendar_version = calendar_version + 1
           WHERE id IN (SELECT workspace_id FROM changed);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      for (const [event, transition] of EVENTS) {
        await q.query(
          `CREATE TRIGGER ${table}_calendar_${event.toLowerCase()} AFTER ${event} ON ${table}
           REFERENCING ${transition} TABLE AS changed
           FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_version()`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const [event] of EVENTS)
        await q.query(`DROP TRIGGER ${table}_calendar_${event.toLowerCase()} ON ${table}`);
    }
    await q.query(`DROP FUNCTION bump_calendar_version()`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN calendar_version`);
  }
}
