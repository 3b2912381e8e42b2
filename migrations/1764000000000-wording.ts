import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The wording review's storage: a workspace's settings, brand rules and word list; a channel's
 * own settings; and the duplicate index, MinHash signatures of every post variant with their LSH
 * band keys, so finding near-duplicates on a channel is an indexed lookup, not a scan.
 */
export class Wording1764000000000 implements MigrationInterface {
  name = 'Wording1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // version moves with every change of settings, brand rules or word list (in the same
    // transaction): API processes keep the compiled settings in memory and compare it per check.
    await q.query(`
      CREATE TABLE wording_settings (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
        version bigint NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE wording_brand_rules (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('banned', 'preferred')),
        term text NOT NULL CHECK (length(term) BETWEEN 1 AND 120),
        replacement text CHECK (length(replacement) BETWEEN 1 AND 120),
        severity text CHECK (severity IN ('error', 'warning', 'hint')),
        message_de text CHECK (length(message_de) <= 500),
        message_en text CHECK (length(message_en) <= 500),
        inflect boolean NOT NULL DEFAULT true,
        PRIMARY KEY (workspace_id, id),
        CHECK (kind <> 'preferred' OR replacement IS NOT NULL)
      )`);
    // One rule per term: a term both banned and preferred would be a contradiction.
    await q.query(
      `CREATE UNIQUE INDEX wording_brand_rules_term_key ON wording_brand_rules (workspace_id, lower(term))`,
    );

    await q.query(`
      CREATE TABLE wording_words (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        word text NOT NULL CHECK (length(word) BETWEEN 1 AND 80),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, word)
      )`);

    await q.query(`
      ALTER TABLE channels
        ADD COLUMN wording jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(wording) = 'object')`);

    // One row per (post, channel): what was signed, when it goes out (planned time, else
    // creation), and the signature; signature is null when the text has nothing to compare
    // (only emoji or punctuation), so the row still records that the variant is indexed.
    await q.query(`
      CREATE TABLE wording_signatures (
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        post_version integer NOT NULL,
        version smallint NOT NULL,
        signature bytea CHECK (length(signature) = 512),
        fingerprint text,
        PRIMARY KEY (post_id, channel_id)
      )`);
    await q.query(`CREATE INDEX wording_signatures_at_idx ON wording_signatures (at)`);

    // The LSH buckets: a lookup probes (channel, band key) for the 32 keys of the text and gets
    // only posts that share a band with it, inside the window, from the index alone.
    await q.query(`
      CREATE TABLE wording_signature_bands (
        channel_id uuid NOT NULL,
        band_key bigint NOT NULL,
        post_id uuid NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (channel_id, band_key, post_id) INCLUDE (at),
        FOREIGN KEY (post_id, channel_id) REFERENCES wording_signatures (post_id, channel_id)
          ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX wording_signature_bands_post_idx ON wording_signature_bands (post_id, channel_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE wording_signature_bands`);
    await q.query(`DROP TABLE wording_signatures`);
    await q.query(`ALTER TABLE channels DROP COLUMN wording`);
    await q.query(`DROP TABLE wording_words`);
    await q.query(`DROP TABLE wording_brand_rules`);
    await q.query(`DROP TABLE wording_settings`);
  }
}
