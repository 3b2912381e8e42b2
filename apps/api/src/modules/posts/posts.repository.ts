import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type PostMedia, type PostStatus, type PublicationSummary } from '@postplan/contracts';
import { type Approval, type Platform, type UtmDefaults } from '@postplan/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { mediaJsonSql } from '../media/media-sql';
import { type ContestRulesRef } from '../review/review-content';

/** A post as the database returns it, variants included, ready for the mapper. */
export type PostRow = {
  id: string;
  version: number;
  status: PostStatus;
  title: string;
  text: string;
  planned_at: Date | null;
  tags: string[];
  author_id: string;
  campaign_id: string | null;
  /** The contest rules this post's approval covers; null for a post of no contest. */
  contest_rules?: ContestRulesRef | null;
  /** The campaign's UTM defaults, which tag the post's links (part of the approved content). */
  campaign_utm: UtmDefaults | null;
  /** Each target channel's platform, for its links' `utm_source`. */
  channel_platforms: Record<string, Platform>;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  /** `media` absent: the channel uses the post's media; `options` absent: none. */
  variants: {
    channelId: string;
    text: string | null;
    media?: PostMedia[];
    options?: Record<string, unknown>;
  }[];
  /** The base media, in order; a variant with its own list replaces them. */
  media: PostMedia[];
  content_hash: string;
  approval: Approval | null;
  status_reason: string | null;
  publications?: PublicationSummary[];
  channel_alerts?: { channelId: string; status: 'expiring' | 'needs_reconnect' | 'revoked' }[];
};

export type PostFilter = {
  workspaceId: string;
  range?: { from: Date; to: Date };
  unscheduled?: boolean;
  deleted?: boolean;
  statuses?: PostStatus[];
  channelIds?: string[];
  tags?: string[];
  authorIds?: string[];
  campaignIds?: string[];
  /** Full-text search: words (each a prefix) in the workspace's language and as typed. */
  search?: { words: string[]; locale: 'de' | 'en' };
  limit: number;
};

/** One attached file as a save writes it: which item, the alt text of this use, its bytes' hash. */
export type PostMediaWrite = { mediaId: string; altText: string | null; sha256: string };

export type PostWrite = {
  title: string;
  text: string;
  plannedAt: Date | null;
  tags: string[];
  media: PostMediaWrite[];
  variants: {
    channelId: string;
    text: string | null;
    media: PostMediaWrite[] | null;
    /** Absent: none (older writers such as the importer leave it out). */
    options?: Record<string, unknown>;
  }[];
  campaignId: string | null;
};

/** One attached library item of an imported post, with the alt text of this use. */
export type ImportedMedia = { mediaId: string; altText: string | null };

/** A post of an import: texts and images, no options (the columns' defaults). */
export type ImportedPost = Pick<PostWrite, 'title' | 'text' | 'plannedAt' | 'tags'> & {
  media?: ImportedMedia[];
  /** `media` null or absent: the channel uses the post's. */
  variants: { channelId: string; text: string | null; media?: ImportedMedia[] | null }[];
  status: PostStatus;
  contentHash: string;
  campaignId?: string | null;
};

/** What tags a post's links: its campaign's UTM defaults and its channels' platforms. */
export type PostTagging = {
  campaign_utm: UtmDefaults | null;
  channel_platforms: Record<string, Platform>;
};

/** A post as it is first stored. */
export type NewPost = PostWrite & {
  workspaceId: string;
  authorId: string;
  status: PostStatus;
  contentHash: string;
};

/**
 * The target channels whose connection has an alert that concerns this post (revoked, to be
 * reconnected, or expiring before the post's time), unless the post is out there already.
 */
const channelAlertsOf = (p: string) => `
    SELECT json_agg(json_build_object('channelId', cc.channel_id, 'status', cc.alert)
                    ORDER BY cc.channel_id) AS alerts
      FROM post_variants av JOIN channel_credentials cc ON cc.channel_id = av.channel_id
     WHERE av.post_id = ${p}.id AND cc.alert IS NOT NULL AND ${p}.planned_at IS NOT NULL
       AND (cc.alert <> 'expiring' OR cc.expires_at IS NULL OR ${p}.planned_at >= cc.expires_at)
       AND NOT EXISTS (SELECT 1 FROM publications ax WHERE ax.post_id = ${p}.id
                         AND ax.channel_id = av.channel_id AND ax.status = 'published')`;

/**
 * A variant answers `media` only when it has its own list (absent: the post's media) and
 * `options` only when it has some (absent: none), so posts without either keep their shape.
 */
const variantJson = (v: string, post: string) =>
  `((CASE WHEN ${v}.media_override
      THEN json_build_object('channelId', ${v}.channel_id, 'text', ${v}.text,
                             'media', ${mediaJsonSql(post, `${v}.channel_id`)})
      ELSE json_build_object('channelId', ${v}.channel_id, 'text', ${v}.text) END)::jsonb
    || CASE WHEN ${v}.options = '{}'::jsonb THEN '{}'::jsonb
            ELSE jsonb_build_object('options', ${v}.options) END)`;

const SELECT_POST = `
  SELECT p.id, p.version, p.status, p.title, p.text, p.planned_at, p.tags, p.author_id,
         p.campaign_id, p.created_at, p.updated_at, p.deleted_at, p.content_hash, p.approval, p.status_reason, p.contest_rules,
         (SELECT c.utm FROM campaigns c WHERE c.id = p.campaign_id) AS campaign_utm,
         coalesce((SELECT json_object_agg(v.channel_id, ch.platform)
                     FROM post_variants v JOIN channels ch ON ch.id = v.channel_id
                    WHERE v.post_id = p.id), '{}'::json) AS channel_platforms,
         coalesce((SELECT json_agg(${variantJson('v', 'p.id')} ORDER BY v.position)
                     FROM post_variants v WHERE v.post_id = p.id), '[]'::json) AS variants,
         ${mediaJsonSql('p.id', null)} AS media,
         coalesce((SELECT json_agg(json_build_object('id', pb.id, 'channelId', pb.channel_id,
                                     'status', pb.status, 'dueAt', pb.due_at, 'url', pb.url)
                                   ORDER BY pb.created_at)
                     FROM publications pb WHERE pb.post_id = p.id AND pb.status <> 'cancelled'),
                  '[]'::json) AS publications,
         coalesce((${channelAlertsOf('p')}), '[]'::json) AS channel_alerts
    FROM posts p`;

/** The filter as SQL: conditions over posts `p`, their order, and the parameters. */
function filterSql(f: PostFilter): { where: string; order: string; values: unknown[] } {
  const values: unknown[] = [f.workspaceId];
  const where = ['p.workspace_id = $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  where.push(f.deleted ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL');
  if (f.range) {
    add((n) => `p.planned_at >= ${n}`, f.range.from);
    add((n) => `p.planned_at < ${n}`, f.range.to);
  }
  if (f.unscheduled) where.push('p.planned_at IS NULL');
  if (f.statuses?.length) add((n) => `p.status = ANY(${n})`, f.statuses);
  if (f.tags?.length) add((n) => `p.tags && ${n}::text[]`, f.tags);
  if (f.authorIds?.length) add((n) => `p.author_id = ANY(${n}::uuid[])`, f.authorIds);
  if (f.campaignIds?.length) add((n) => `p.campaign_id = ANY(${n}::uuid[])`, f.campaignIds);
  if (f.channelIds?.length) {
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM post_variants fv WHERE fv.post_id = p.id AND fv.channel_id = ANY(${n}::uuid[]))`,
      f.channelIds,
    );
  }
  if (f.search && f.search.words.length > 0) {
    // Each word is letters and digits only, so the tsquery cannot be malformed; ":*" lets a
    // word being typed match ("Kist" finds "Kisten").
    const query = f.search.words.map((w) => `${w}:*`).join(' & ');
    values.push(f.search.locale);
    const locale = `$${values.length}`;
    add(
      (n) =>
        `p.search @@ (to_tsquery(post_search_config(${locale}), ${n}) || to_tsquery('pg_catalog.simple', ${n}))`,
      query,
    );
  }
  const order = f.deleted
    ? 'p.deleted_at DESC'
    : f.unscheduled
      ? 'p.created_at DESC'
      : 'p.planned_at, p.id';
  return { where: where.join(' AND '), order, values };
}

/** The list query as SQL and parameters, full rows with their variants. */
export function buildListQuery(f: PostFilter): { text: string; values: unknown[] } {
  const { where, order, values } = filterSql(f);
  values.push(f.limit);
  return {
    text: `${SELECT_POST} WHERE ${where} ORDER BY ${order} LIMIT $${values.length}`,
    values,
  };
}

/** An instant as ISO 8601 in UTC, as `Date.prototype.toISOString` writes it (milliseconds). */
const isoUtc = (col: string) =>
  `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The planned time with the zone's offset at that instant, as `formatInZone` writes it:
 * 2026-11-21T10:00:00+01:00, milliseconds only when there are any. Uses the page's `local_at`
 * (the wall-clock time in the zone) and `offset_min`, computed once per row.
 */
const plannedInZone = `CASE WHEN p.planned_at IS NULL THEN NULL ELSE
  to_char(p.local_at, 'YYYY-MM-DD"T"HH24:MI:SS')
  || CASE WHEN date_trunc('second', p.local_at) = date_trunc('milliseconds', p.local_at) THEN ''
          ELSE to_char(p.local_at, '.MS') END
  || CASE WHEN p.offset_min < 0 THEN '-' ELSE '+' END
  || lpad((abs(p.offset_min) / 60)::text, 2, '0') || ':' || lpad((abs(p.offset_min) % 60)::text, 2, '0')
END`;

/**
 * The fields of a calendar item, in the order the answer lists them: one `key, SQL` pair
 * each, over the page's row `p` and its variants `v`. A further field (a post's publication
 * states, say) is one more pair here and one more lateral join below.
 */
const CALENDAR_FIELDS: [string, string][] = [
  ['id', 'p.id'],
  ['version', 'p.version'],
  ['status', 'p.status'],
  ['title', 'p.title'],
  ['text', 'p.text'],
  ['plannedAt', plannedInZone],
  ['tags', 'p.tags'],
  ['variants', `coalesce(v.variants, '[]'::json)`],
  // The base media with their thumbnails, for the calendar's pictures.
  ['media', mediaJsonSql('p.id', null)],
  ['authorId', 'p.author_id'],
  ['campaignId', 'p.campaign_id'],
  ['createdAt', isoUtc('p.created_at')],
  ['updatedAt', isoUtc('p.updated_at')],
  ['deletedAt', `CASE WHEN p.deleted_at IS NULL THEN NULL ELSE ${isoUtc('p.deleted_at')} END`],
  // Each channel's publishing status, for the calendar's badges (as SELECT_POST gives it).
  ['publications', `coalesce(pb.publications, '[]'::json)`],
  // Channels whose connection will make this post fail unless someone reconnects them.
  ['channelAlerts', `coalesce(ca.alerts, '[]'::json)`],
];

/**
 * The campaigns the calendar draws as bands: those whose period (local days) overlaps the
 * range, and those of the posts on the page (`a.campaign_ids`, gathered in the same pass over
 * the page, which is read once), narrowed to the campaign filter when there is one.
 */
function calendarCampaigns(from: string, to: string, only: string, tz: string): string {
  return `SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'color', c.color,
            'startsOn', to_char(c.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(c.ends_on, 'YYYY-MM-DD'))
            ORDER BY c.starts_on, c.id), '[]'::json)
      FROM campaigns c
     WHERE c.workspace_id = $1
       AND (${only}::uuid[] IS NULL OR c.id = ANY(${only}::uuid[]))
       AND (c.id = ANY(a.campaign_ids)
            OR (${from}::timestamptz IS NOT NULL
                AND c.starts_on <= (${to}::timestamptz AT TIME ZONE ${tz})::date
                AND c.ends_on >= (${from}::timestamptz AT TIME ZONE ${tz})::date))`;
}

/**
 * The whole calendar answer, `{ items, timeZone, campaigns }`, built by PostgreSQL as one JSON text in one
 * pass over the page of posts (one range scan; each post's variants by their primary key) and
 * aggregated in the page's order. The API sends the text as it is: no rows, no mapping in
 * JavaScript. The benchmark runs EXPLAIN ANALYZE on exactly this.
 */
export function buildCalendarQuery(
  f: PostFilter,
  timeZone: string,
): { text: string; values: unknown[] } {
  const { where, order, values } = filterSql(f);
  values.push(f.limit, timeZone);
  const limit = `$${values.length - 1}`;
  const tz = `$${values.length}::text`;
  values.push(
    f.range?.from ?? null,
    f.range?.to ?? null,
    f.campaignIds?.length ? f.campaignIds : null,
  );
  const from = `$${values.length - 2}`;
  const to = `$${values.length - 1}`;
  const only = `$${values.length}`;
  const fields = CALENDAR_FIELDS.map(([key, sql]) => `'${key}', ${sql}`).join(',\n    ');
  return {
    text: `WITH page AS (
  SELECT q.*, (extract(epoch FROM q.local_at) - extract(epoch FROM q.planned_at))::int / 60 AS offset_min
    FROM (SELECT p.*, p.planned_at AT TIME ZONE ${tz} AS local_at,
                 row_number() OVER (ORDER BY ${order}) AS n
            FROM posts p WHERE ${where} ORDER BY ${order} LIMIT ${limit}) q
), answer AS (
SELECT coalesce(json_agg(json_build_object(
    ${fields}) ORDER BY p.n), '[]'::json) AS items,
       coalesce(array_agg(DISTINCT p.campaign_id) FILTER (WHERE p.campaign_id IS NOT NULL),
                '{}'::uuid[]) AS campaign_ids
  FROM page p
  LEFT JOIN LATERAL (
    SELECT json_agg(${variantJson('v', 'p.id')} ORDER BY v.position) AS variants
      FROM post_variants v WHERE v.post_id = p.id
  ) v ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('id', x.id, 'channelId', x.channel_id, 'status', x.status,
                                      'dueAt', ${isoUtc('x.due_at')}, 'url', x.url)
                    ORDER BY x.created_at) AS publications
      FROM publications x WHERE x.post_id = p.id AND x.status <> 'cancelled'
  ) pb ON true
  LEFT JOIN LATERAL (${channelAlertsOf('p')}) ca ON true
)
SELECT json_build_object('items', a.items, 'timeZone', ${tz},
  'campaigns', (${calendarCampaigns(from, to, only, tz)}))::text AS body
  FROM answer a`,
    values,
  };
}

@Injectable()
export class PostsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The calendar's answer as JSON text, built by PostgreSQL (see buildCalendarQuery). */
  async calendarJson(f: PostFilter, timeZone: string): Promise<string> {
    const { text, values } = buildCalendarQuery(f, timeZone);
    const rows: { body: string }[] = await this.db.query(text, values);
    return rows[0]!.body;
  }

  /** The calendar's query: one indexed range scan of a workspace's posts, filters on top. */
  list(f: PostFilter): Promise<PostRow[]> {
    const { text, values } = buildListQuery(f);
    return this.db.query(text, values);
  }

  /**
   * Moves a post's planned time and nothing else: content, status and approval stay as they are
   * (a time move never voids an approval). The version moves, so open editors notice.
   */
  async movePlannedTime(
    em: EntityManager,
    workspaceId: string,
    postId: string,
    plannedAt: Date | null,
  ): Promise<number> {
    const rows: { version: number }[] = await em.query(
      `WITH moved AS (
         UPDATE posts SET planned_at = $3, version = version + 1, updated_at = now()
          WHERE workspace_id = $1 AND id = $2
          RETURNING version
       )
       SELECT version FROM moved`,
      [workspaceId, postId, plannedAt],
    );
    return rows[0]!.version;
  }

  async find(workspaceId: string, id: string, em?: EntityManager): Promise<PostRow | null> {
    const rows: PostRow[] = await (em ?? this.db).query(
      `${SELECT_POST} WHERE p.workspace_id = $1 AND p.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Locks the post for the rest of the transaction, so concurrent saves queue up. */
  async lock(em: EntityManager, workspaceId: string, id: string): Promise<PostRow | null> {
    await em.query(`SELECT 1 FROM posts WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [
      workspaceId,
      id,
    ]);
    return this.find(workspaceId, id, em);
  }

  /** Locks several posts in id order (so two callers cannot deadlock) for the transaction. */
  async lockAll(em: EntityManager, workspaceId: string, ids: string[]): Promise<void> {
    await em.query(
      `SELECT 1 FROM posts WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [workspaceId, ids],
    );
  }

  async insert(em: EntityManager, row: NewPost): Promise<string> {
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO posts (workspace_id, status, title, text, planned_at, tags, author_id, content_hash,
                          campaign_id, status_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'created') RETURNING id`,
      [
        row.workspaceId,
        row.status,
        row.title,
        row.text,
        row.plannedAt,
        row.tags,
        row.authorId,
        row.contentHash,
        row.campaignId,
      ],
    );
    const id = inserted[0]!.id;
    await this.replaceVariants(em, id, row.variants);
    await this.replaceMedia(em, id, row);
    return id;
  }

  /**
   * Inserts posts in bulk (an import): two statements whatever the count, all by one author
   * with the reason 'imported'. Ids are drawn here so variants can name their posts. A post
   * in a campaign comes with the hash of its tagged content (see `tagging`), as any saved one.
   */
  async insertBatch(
    em: EntityManager,
    workspaceId: string,
    authorId: string,
    posts: ImportedPost[],
  ): Promise<string[]> {
    if (posts.length === 0) return [];
    const ids = posts.map(() => randomUUID());
    await em.query(
      `INSERT INTO posts (id, workspace_id, status, title, text, planned_at, tags, author_id,
                          content_hash, status_reason, campaign_id)
       SELECT p.id, $1, p.status, p.title, p.text, p.planned_at,
              coalesce((SELECT array_agg(t) FROM jsonb_array_elements_text(p.tags) t), '{}'),
              $2, p.content_hash, 'imported', p.campaign_id
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::jsonb[], $9::text[], $10::uuid[])
              AS p(id, status, title, text, planned_at, tags, content_hash, campaign_id)`,
      [
        workspaceId,
        authorId,
        ids,
        posts.map((p) => p.status),
        posts.map((p) => p.title),
        posts.map((p) => p.text),
        posts.map((p) => p.plannedAt),
        posts.map((p) => JSON.stringify(p.tags)),
        posts.map((p) => p.contentHash),
        posts.map((p) => p.campaignId ?? null),
      ],
    );
    const variantPost: string[] = [];
    const variantChannel: string[] = [];
    const variantPosition: number[] = [];
    const variantText: (string | null)[] = [];
    const variantOverride: boolean[] = [];
    const media = {
      post: [] as string[],
      channel: [] as (string | null)[],
      position: [] as number[],
      id: [] as string[],
      alt: [] as (string | null)[],
    };
    const addMedia = (postId: string, channelId: string | null, list: ImportedMedia[]) =>
      list.forEach((m, position) => {
        media.post.push(postId);
        media.channel.push(channelId);
        media.position.push(position);
        media.id.push(m.mediaId);
        media.alt.push(m.altText);
      });
    posts.forEach((p, i) => {
      addMedia(ids[i]!, null, p.media ?? []);
      p.variants.forEach((v, position) => {
        variantPost.push(ids[i]!);
        variantChannel.push(v.channelId);
        variantPosition.push(position);
        variantText.push(v.text);
        variantOverride.push(v.media != null);
        if (v.media) addMedia(ids[i]!, v.channelId, v.media);
      });
    });
    if (variantPost.length > 0) {
      await em.query(
        `INSERT INTO post_variants (post_id, channel_id, position, text, media_override)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::text[], $5::boolean[])`,
        [variantPost, variantChannel, variantPosition, variantText, variantOverride],
      );
    }
    if (media.post.length > 0) {
      await em.query(
        `INSERT INTO post_media (post_id, channel_id, position, media_id, alt_text)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::uuid[], $5::text[])`,
        [media.post, media.channel, media.position, media.id, media.alt],
      );
    }
    return ids;
  }

  async updateContent(
    em: EntityManager,
    id: string,
    row: PostWrite & { contentHash: string },
    variantsChanged: boolean,
  ): Promise<void> {
    await em.query(
      `UPDATE posts SET title = $2, text = $3, planned_at = $4, tags = $5, content_hash = $6,
              campaign_id = $7, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, row.title, row.text, row.plannedAt, row.tags, row.contentHash, row.campaignId],
    );
    if (variantsChanged) await this.replaceVariants(em, id, row.variants);
    await this.replaceMedia(em, id, row);
  }

  /**
   * Writes the editorial status, its reason and the approval in force. Bumps the version when
   * the change stands alone (a transition); a content save already bumped it.
   */
  async setReviewState(
    em: EntityManager,
    id: string,
    state: { status: PostStatus; reason: string | null; approval: Approval | null },
    bumpVersion: boolean,
  ): Promise<void> {
    await em.query(
      `UPDATE posts SET status = $2, status_reason = $3, approval = $4,
              version = version + ${bumpVersion ? 1 : 0}, updated_at = now()
        WHERE id = $1`,
      [id, state.status, state.reason, state.approval ? JSON.stringify(state.approval) : null],
    );
  }

  async setDeleted(em: EntityManager, id: string, deleted: boolean): Promise<void> {
    await em.query(
      `UPDATE posts SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /**
   * What will tag a post's links: the campaign's UTM defaults (the campaign locked against a
   * change of them until the transaction ends) and the channels' platforms. Null when the
   * campaign is not one of this workspace's.
   */
  async tagging(
    em: EntityManager,
    workspaceId: string,
    campaignId: string | null,
    channelIds: string[],
  ): Promise<PostTagging | null> {
    let utm: UtmDefaults | null = null;
    if (campaignId) {
      const rows: { utm: UtmDefaults | null }[] = await em.query(
        `SELECT utm FROM campaigns WHERE workspace_id = $1 AND id = $2 FOR SHARE`,
        [workspaceId, campaignId],
      );
      if (rows.length === 0) return null;
      utm = rows[0]!.utm;
    }
    const platforms: { id: string; platform: Platform }[] = channelIds.length
      ? await em.query(
          `SELECT id, platform FROM channels WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
          [workspaceId, channelIds],
        )
      : [];
    return {
      campaign_utm: utm,
      channel_platforms: Object.fromEntries(platforms.map((c) => [c.id, c.platform])),
    };
  }

  /**
   * A campaign's posts, locked (in id order, as every locker takes them). Binned ones too: a
   * post restored later must not carry an approval of links tagged the old way.
   */
  async lockCampaignPosts(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
  ): Promise<PostRow[]> {
    const rows: PostRow[] = [];
    for (const id of await this.lockCampaignPostIds(em, workspaceId, campaignId)) {
      rows.push((await this.find(workspaceId, id, em))!);
    }
    return rows;
  }

  /** The ids of a campaign's posts (binned ones too), locked in id order. */
  async lockCampaignPostIds(
    em: EntityManager,
    workspaceId: string,
    campaignId: string,
  ): Promise<string[]> {
    const ids: { id: string }[] = await em.query(
      `SELECT id FROM posts WHERE workspace_id = $1 AND campaign_id = $2 ORDER BY id FOR UPDATE`,
      [workspaceId, campaignId],
    );
    return ids.map((r) => r.id);
  }

  /** A new content hash without a change of the post's own fields (its campaign's UTM changed). */
  /** Which contest rules the post carries (part of its approved content), with the new hash. */
  async setContestRules(
    em: EntityManager,
    id: string,
    ref: ContestRulesRef | null,
    contentHash: string,
  ): Promise<void> {
    await em.query(
      `UPDATE posts SET contest_rules = $2, content_hash = $3, version = version + 1,
              updated_at = now()
        WHERE id = $1`,
      [id, ref ? JSON.stringify(ref) : null, contentHash],
    );
  }

  async setContentHash(em: EntityManager, id: string, contentHash: string): Promise<void> {
    await em.query(
      `UPDATE posts SET content_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, contentHash],
    );
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** The post's base media and every variant's own, rewritten in order (a few rows at most). */
  private async replaceMedia(
    em: EntityManager,
    postId: string,
    row: Pick<PostWrite, 'media' | 'variants'>,
  ): Promise<void> {
    await em.query(`DELETE FROM post_media WHERE post_id = $1`, [postId]);
    const rows = [
      ...row.media.map((m, i) => ({ channelId: null as string | null, position: i, ...m })),
      ...row.variants.flatMap((v) =>
        (v.media ?? []).map((m, i) => ({ channelId: v.channelId, position: i, ...m })),
      ),
    ];
    await em.query(
      `UPDATE post_variants SET media_override = (channel_id = ANY($2::uuid[])) WHERE post_id = $1`,
      [postId, row.variants.filter((v) => v.media !== null).map((v) => v.channelId)],
    );
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO post_media (post_id, channel_id, position, media_id, alt_text)
       SELECT $1, r.channel_id, r.position, r.media_id, r.alt_text
         FROM unnest($2::uuid[], $3::smallint[], $4::uuid[], $5::text[]) AS r(channel_id, position, media_id, alt_text)`,
      [
        postId,
        rows.map((r) => r.channelId),
        rows.map((r) => r.position),
        rows.map((r) => r.mediaId),
        rows.map((r) => r.altText),
      ],
    );
  }

  private async replaceVariants(
    em: EntityManager,
    postId: string,
    variants: PostWrite['variants'],
  ): Promise<void> {
    await em.query(`DELETE FROM post_variants WHERE post_id = $1`, [postId]);
    if (variants.length === 0) return;
    await em.query(
      `INSERT INTO post_variants (post_id, channel_id, position, text, options)
       SELECT $1, v.channel_id, v.position, v.text, v.options
         FROM unnest($2::uuid[], $3::smallint[], $4::text[], $5::jsonb[])
              AS v(channel_id, position, text, options)`,
      [
        postId,
        variants.map((v) => v.channelId),
        variants.map((_, i) => i),
        variants.map((v) => v.text),
        variants.map((v) => JSON.stringify(v.options ?? {})),
      ],
    );
  }
}
