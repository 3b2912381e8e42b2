import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Locale, type Platform } from '@postplan/contracts';
import { type UtmDefaults } from '@postplan/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type BrandRuleRow } from './wording.mapper';

/** What a check needs besides the text, in one round trip. */
export type CheckContextRow = {
  /** Of the wording configuration; 0 while the workspace has never saved any. */
  version: number;
  workspace_locale: Locale;
  user_locale: Locale | null;
  channels: { id: string; platform: Platform; wording: Record<string, unknown> }[];
  /** Names of the members and channels, which the spell checker takes as known words. */
  names: string[];
};

export type StoredWordingConfig = {
  version: number;
  settings: Record<string, unknown>;
  updated_at: Date | null;
  rules: BrandRuleRow[];
  words: string[];
};

/** The workspace's wording settings, brand rules and word list. */
@Injectable()
export class WordingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async checkContext(
    workspaceId: string,
    channelIds: string[],
    userId: string | null,
  ): Promise<CheckContextRow | null> {
    const rows: CheckContextRow[] = await this.db.query(
      `SELECT coalesce(s.version, 0)::int AS version,
              w.locale AS workspace_locale,
              (SELECT u.locale FROM users u WHERE u.id = $3) AS user_locale,
              coalesce((SELECT json_agg(json_build_object('id', c.id, 'platform', c.platform, 'wording', c.wording))
                          FROM channels c WHERE c.workspace_id = w.id AND c.id = ANY($2::uuid[])), '[]'::json) AS channels,
              array(SELECT n FROM (SELECT u.name AS n FROM memberships m JOIN users u ON u.id = m.user_id
                                    WHERE m.workspace_id = w.id
                                   UNION SELECT c.name FROM channels c WHERE c.workspace_id = w.id) names
                     WHERE n IS NOT NULL ORDER BY n) AS names
         FROM workspaces w
         LEFT JOIN wording_settings s ON s.workspace_id = w.id
        WHERE w.id = $1`,
      [workspaceId, channelIds, userId],
    );
    return rows[0] ?? null;
  }

  /** The public rules paths of the contests a post belongs to ("/c/<token>/rules"). */
  async contestRulesPaths(postId: string): Promise<string[]> {
    const rows: { token: string }[] = await this.db.query(
      `SELECT c.public_token AS token FROM contest_posts cp JOIN contests c ON c.id = cp.contest_id
        WHERE cp.post_id = $1 ORDER BY c.created_at`,
      [postId],
    );
    return rows.map((r) => `/c/${r.token}/rules`);
  }

  /** The UTM defaults a campaign tags its posts' links with (null: none, or no such campaign). */
  async campaignUtm(workspaceId: string, campaignId: string): Promise<UtmDefaults | null> {
    const rows: { utm: UtmDefaults | null }[] = await this.db.query(
      `SELECT utm FROM campaigns WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, campaignId],
    );
    return rows[0]?.utm ?? null;
  }

  async userLocale(userId: string): Promise<Locale | null> {
    const rows: { locale: Locale | null }[] = await this.db.query(
      `SELECT locale FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.locale ?? null;
  }

  /** Settings, rules and words as one consistent snapshot (a single statement). */
  async load(workspaceId: string, em?: EntityManager): Promise<StoredWordingConfig> {
    const rows: StoredWordingConfig[] = await (em ?? this.db).query(
      `SELECT coalesce(s.version, 0)::int AS version,
              coalesce(s.settings, '{}'::jsonb) AS settings,
              s.updated_at,
              coalesce((SELECT json_agg(json_build_object(
                          'id', r.id, 'kind', r.kind, 'term', r.term, 'replacement', r.replacement,
                          'severity', r.severity, 'message_de', r.message_de, 'message_en', r.message_en,
                          'inflect', r.inflect, 'term_gender', r.term_gender,
                          'replacement_gender', r.replacement_gender) ORDER BY r.position)
                          FROM wording_brand_rules r WHERE r.workspace_id = k.id), '[]'::json) AS rules,
              coalesce((SELECT array_agg(ww.word ORDER BY lower(ww.word), ww.word)
                          FROM wording_words ww WHERE ww.workspace_id = k.id), '{}'::text[]) AS words
         FROM (SELECT $1::uuid AS id) k
         LEFT JOIN wording_settings s ON s.workspace_id = k.id`,
      [workspaceId],
    );
    return rows[0]!;
  }

  /**
   * Moves the configuration's version, creating the row on first use, and returns it. Writers
   * call it first in their transaction: the row lock makes concurrent changes of one
   * workspace's wording take turns, and what they read afterwards is current.
   */
  async bump(em: EntityManager, workspaceId: string, userId: string | null): Promise<number> {
    const rows: { version: number }[] = await em.query(
      `INSERT INTO wording_settings (workspace_id, version, updated_at, updated_by)
       VALUES ($1, 1, now(), $2)
       ON CONFLICT (workspace_id) DO UPDATE
         SET version = wording_settings.version + 1, updated_at = now(), updated_by = $2
       RETURNING version::int AS version`,
      [workspaceId, userId],
    );
    return rows[0]!.version;
  }

  async writeSettings(
    em: EntityManager,
    workspaceId: string,
    settings: Record<string, unknown>,
  ): Promise<void> {
    await em.query(`UPDATE wording_settings SET settings = $2 WHERE workspace_id = $1`, [
      workspaceId,
      JSON.stringify(settings),
    ]);
  }

  async replaceBrandRules(
    em: EntityManager,
    workspaceId: string,
    rules: BrandRuleRow[],
  ): Promise<void> {
    await em.query(`DELETE FROM wording_brand_rules WHERE workspace_id = $1`, [workspaceId]);
    if (rules.length === 0) return;
    await em.query(
      `INSERT INTO wording_brand_rules
              (workspace_id, id, position, kind, term, replacement, severity, message_de, message_en, inflect,
               term_gender, replacement_gender)
       SELECT $1, r.id, r.position, r.kind, r.term, r.replacement, r.severity, r.message_de, r.message_en, r.inflect,
              r.term_gender, r.replacement_gender
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[],
                     $11::text[], $12::text[])
              AS r(id, position, kind, term, replacement, severity, message_de, message_en, inflect,
                   term_gender, replacement_gender)`,
      [
        workspaceId,
        rules.map((r) => r.id),
        rules.map((_, i) => i),
        rules.map((r) => r.kind),
        rules.map((r) => r.term),
        rules.map((r) => r.replacement),
        rules.map((r) => r.severity),
        rules.map((r) => r.message_de),
        rules.map((r) => r.message_en),
        rules.map((r) => r.inflect),
        rules.map((r) => r.term_gender),
        rules.map((r) => r.replacement_gender),
      ],
    );
  }

  async replaceWords(em: EntityManager, workspaceId: string, words: string[]): Promise<void> {
    await em.query(`DELETE FROM wording_words WHERE workspace_id = $1`, [workspaceId]);
    await this.addWords(em, workspaceId, words);
  }

  async addWords(em: EntityManager, workspaceId: string, words: string[]): Promise<void> {
    if (words.length === 0) return;
    await em.query(
      `INSERT INTO wording_words (workspace_id, word)
       SELECT $1, w FROM unnest($2::text[]) AS w
       ON CONFLICT DO NOTHING`,
      [workspaceId, words],
    );
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
