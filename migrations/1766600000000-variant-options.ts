import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Per-platform options of a post's channel variant (first comment, Pinterest board, Instagram
 * format, LinkedIn visibility, Telegram silent ...), validated against the channel's platform
 * by the API. `{}` hashes like a variant without options, so existing approvals stay valid.
 */
export class VariantOptions1766600000000 implements MigrationInterface {
  name = 'VariantOptions1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE post_variants ADD COLUMN options jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    await q.query(
      `ALTER TABLE post_variants ADD CONSTRAINT post_variants_options_object CHECK (jsonb_typeof(options) = 'object')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_variants DROP COLUMN options`);
  }
}
