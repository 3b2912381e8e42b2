import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The grammatical gender of a brand rule's term and replacement (German nouns), so a one-click
 * fix can re-inflect the article and adjectives ("die Kiste" -> "der Kasten"). Null: unknown,
 * and the fix is offered only where nothing has to agree.
 */
export class BrandRuleGenders1765000000000 implements MigrationInterface {
  name = 'BrandRuleGenders1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE wording_brand_rules
        ADD COLUMN term_gender text CHECK (term_gender IN ('m', 'f', 'n')),
        ADD COLUMN replacement_gender text CHECK (replacement_gender IN ('m', 'f', 'n'))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE wording_brand_rules DROP COLUMN term_gender, DROP COLUMN replacement_gender`,
    );
  }
}
