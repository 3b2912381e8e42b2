import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Full-text search over posts: title and tags (weight A), the base text (B) and the channels' own
 * texts (C), in one tsvector per post. The workspace's language picks the configuration (German
 * stems "Kisten" to "kist", English "running" to "run"); a 'simple' copy is added so names and
 * words of the other language still match as typed.
 *
 * Variant texts live in post_variants, so a generated column cannot see them: triggers keep the
 * column current on every change of a post, of its variants and of the workspace's language.
 */
export class PostSearch1765010000000 implements MigrationInterface {
  name = 'PostSearch1765010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector`);
    await q.query(`
      CREATE FUNCTION post_search_config(locale text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE AS $$
          SELECT CASE locale WHEN 'de' THEN 'pg_catalog.german'::regconfig
                             ELSE 'pg_catalog.english'::regconfig END
        $$`);
    await q.query(`
      CREATE FUNCTION post_search_document(post_id uuid, workspace uuid, title text, body text, tags text[])
        RETURNS tsvector LANGUAGE sql STABLE AS $$
          WITH cfg AS (
            SELECT post_search_config(w.locale) AS c FROM workspaces w WHERE w.id = workspace
          ), variants AS (
            SELECT coalesce(string_agg(v.text, ' '), '') AS t
              FROM post_variants v WHERE v.post_id = post_search_document.post_id AND v.text IS NOT NULL
          )
          SELECT setweight(to_tsvector(cfg.c, coalesce(title, '')), 'A')
              || setweight(to_tsvector(cfg.c, array_to_string(tags, ' ')), 'A')
              || setweight(to_tsvector(cfg.c, coalesce(body, '')), 'B')
              || setweight(to_tsvector(cfg.c, variants.t), 'C')
              || setweight(to_tsvector('pg_catalog.simple',
                   concat_ws(' ', title, array_to_string(tags, ' '), body, variants.t)), 'D')
            FROM cfg, variants
        $$`);
    await q.query(`
      CREATE FUNCTION posts_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search := post_search_document(NEW.id, NEW.workspace_id, NEW.title, NEW.text, NEW.tags);
          RETURN NEW;
        END $$`);
    await q.query(`
      CREATE TRIGGER posts_search BEFORE INSERT OR UPDATE OF title, text, tags ON posts
        FOR EACH ROW EXECUTE FUNCTION posts_search_refresh()`);
    await q.query(`
      CREATE FUNCTION post_variants_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE posts p
             SET search = post_search_document(p.id, p.workspace_id, p.title, p.text, p.tags)
           WHERE p.id IN (SELECT post_id FROM changed_variants);
          RETURN NULL;
        END $$`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const table = event === 'DELETE' ? 'OLD TABLE' : 'NEW TABLE';
      await q.query(`
        CREATE TRIGGER post_variants_search_${event.toLowerCase()} AFTER ${event} ON post_variants
          REFERENCING ${table} AS changed_variants
          FOR EACH STATEMENT EXECUTE FUNCTION post_variants_search_refresh()`);
    }
    await q.query(`
      CREATE FUNCTION workspaces_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.locale IS DISTINCT FROM OLD.locale THEN
            UPDATE posts p
               SET search = post_search_document(p.id, p.workspace_id, p.title, p.text, p.tags)
             WHERE p.workspace_id = NEW.id;
          END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE TRIGGER workspaces_search AFTER UPDATE OF locale ON workspaces
        FOR EACH ROW EXECUTE FUNCTION workspaces_search_refresh()`);
    await q.query(
      `UPDATE posts SET search = post_search_document(id, workspace_id, title, text, tags)`,
    );
    await q.query(`CREATE INDEX posts_search_idx ON posts USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER workspaces_search ON workspaces`);
    await q.query(`DROP FUNCTION workspaces_search_refresh()`);
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER post_variants_search_${event} ON post_variants`);
    await q.query(`DROP FUNCTION post_variants_search_refresh()`);
    await q.query(`DROP TRIGGER posts_search ON posts`);
    await q.query(`DROP FUNCTION posts_search_refresh()`);
    await q.query(`DROP FUNCTION post_search_document(uuid, uuid, text, text, text[])`);
    await q.query(`DROP FUNCTION post_search_config(text)`);
    await q.query(`ALTER TABLE posts DROP COLUMN search`);
  }
}
