import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform, type PostMedia, type PostStatus } from '@postplan/contracts';
import { mediaJsonSql } from '../media/media-sql';
import { DataSource } from 'typeorm';

/** What an export selects: the calendar's filters over [from, to). */
export type ExportSelection = {
  workspaceId: string;
  from: Date;
  to: Date;
  statuses?: PostStatus[];
  channelIds?: string[];
  tags?: string[];
  authorIds?: string[];
  campaignIds?: string[];
  /** Ideas are the team's workshop; share links leave them out. */
  excludeIdeas?: boolean;
  /** The server's public address, before the media files' paths in the image column. */
  mediaBase?: string;
};

/** One row per post and channel (a post without channels: one row, channel null). */
export type ExportRow = {
  post_id: string;
  planned_at: Date;
  status: PostStatus;
  title: string;
  text: string;
  tags: string[];
  author: string | null;
  channel: string | null;
  platform: Platform | null;
  channel_text: string | null;
  /** The campaign's name, null outside one. */
  campaign: string | null;
  /** Only in the campaign sheets' rows (`buildRowQuery` with `byCampaign`). */
  campaign_id?: string;
  /** The channel's media (its own, or the post's) as absolute URLs, one a line; null: none. */
  image_urls: string | null;
  /** Their alt texts, one a line in the same order (a single image's may span lines). */
  alt_texts: string | null;
};

/** One row per post, its channels aggregated: what ICS, JSON and print need. */
export type ExportPostRow = {
  id: string;
  version: number;
  status: PostStatus;
  title: string;
  text: string;
  planned_at: Date;
  tags: string[];
  author_id: string;
  campaign_id: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  variants: {
    channelId: string;
    text: string | null;
    name: string;
    platform: Platform;
    /** Null unless the channel has its own media. */
    media: PostMedia[] | null;
  }[];
  media: PostMedia[];
};

const BATCH = 5_000;

export function selectionWhere(
  s: ExportSelection,
  values: unknown[],
  alias = 'p',
): { where: string; values: unknown[] } {
  values.push(s.workspaceId, s.from, s.to);
  const where = [
    `${alias}.workspace_id = $${values.length - 2}`,
    `${alias}.deleted_at IS NULL`,
    `${alias}.planned_at >= $${values.length - 1}`,
    `${alias}.planned_at < $${values.length}`,
  ];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (s.excludeIdeas) where.push(`${alias}.status <> 'idea'`);
  if (s.statuses?.length) add((n) => `${alias}.status = ANY(${n}::text[])`, s.statuses);
  if (s.tags?.length) add((n) => `${alias}.tags && ${n}::text[]`, s.tags);
  if (s.authorIds?.length) add((n) => `${alias}.author_id = ANY(${n}::uuid[])`, s.authorIds);
  if (s.campaignIds?.length) {
    add((n) => `${alias}.campaign_id = ANY(${n}::uuid[])`, s.campaignIds);
  }
  if (s.channelIds?.length) {
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM post_variants fv WHERE fv.post_id = ${alias}.id AND fv.channel_id = ANY(${n}::uuid[]))`,
      s.channelIds,
    );
  }
  return { where: where.join(' AND '), values };
}

/**
 * A row's images: the channel's own media when it has them (media_override), else the post's,
 * as absolute member URLs of the files, one a line. With several images each alt text is put
 * on one line (line breaks become spaces) so the lines pair up; a single one is kept as it is.
 */
function imagesJoin(values: unknown[], s: ExportSelection): string {
  values.push(s.mediaBase ?? '');
  const base = `$${values.length}::text`;
  return ` LEFT JOIN LATERAL (
                SELECT string_agg(${base} || '/api/v1/workspaces/' || m.workspace_id || '/media/' || m.id || '/file',
                                  E'\\n' ORDER BY pm.position) AS image_urls,
                       CASE WHEN count(*) = 1 THEN coalesce(max(pm.alt_text), '')
                            ELSE string_agg(regexp_replace(coalesce(pm.alt_text, ''), E'[\\r\\n]+', ' ', 'g'),
                                            E'\\n' ORDER BY pm.position) END AS alt_texts
                  FROM post_media pm JOIN media m ON m.id = pm.media_id
                 WHERE pm.post_id = p.id
                   AND pm.channel_id IS NOT DISTINCT FROM (CASE WHEN v.media_override THEN v.channel_id END)
                HAVING count(*) > 0) img ON true`;
}

/**
 * The rows of a spreadsheet export as SQL. With a channel filter, only the selected channels'
 * rows are written. The benchmark runs PostgreSQL's COPY on exactly this query.
 * `byCampaign`: only the rows of posts in a campaign, campaign by campaign (by name, then id),
 * each campaign's rows in the plan's order, with the campaign's id: the XLSX's campaign sheets.
 */
export function buildRowQuery(
  s: ExportSelection,
  { byCampaign = false }: { byCampaign?: boolean } = {},
): { text: string; values: unknown[] } {
  const { where, values } = selectionWhere(s, []);
  let channelJoin = '';
  if (s.channelIds?.length) {
    values.push(s.channelIds);
    channelJoin = ` AND v.channel_id = ANY($${values.length}::uuid[])`;
  }
  const images = imagesJoin(values, s);
  return {
    text: `SELECT p.id AS post_id, p.planned_at, p.status, p.title, p.text, p.tags, u.name AS author,
                  c.name AS channel, c.platform, v.text AS channel_text, cp.name AS campaign,
                  img.image_urls, img.alt_texts${byCampaign ? ', cp.id AS campaign_id' : ''}
             FROM posts p
             LEFT JOIN users u ON u.id = p.author_id
             ${byCampaign ? 'JOIN' : 'LEFT JOIN'} campaigns cp ON cp.id = p.campaign_id
             LEFT JOIN post_variants v ON v.post_id = p.id${channelJoin}
             LEFT JOIN channels c ON c.id = v.channel_id${images}
            WHERE ${where}
            ORDER BY ${byCampaign ? 'cp.name, cp.id, ' : ''}p.planned_at, p.id, v.position`,
    values,
  };
}

/**
 * The SQL twin of spreadsheet-format's `neutralise`: the same first characters (PostgreSQL text
 * cannot hold NUL, so that one cannot occur), the same leading apostrophe.
 */
function neutraliseSql(x: string): string {
  return `CASE WHEN left(${x}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r', E'\\uFF1D', E'\\uFF0B', E'\\uFF0D', E'\\uFF20', '''')
               THEN '''' || ${x} ELSE ${x} END`;
}

/** The SQL twin of `csvField` on an already neutralised cell (RFC 4180). */
function quoteSql(n: string, delimiter: CsvDelimiter): string {
  return `CASE WHEN strpos(${n}, '"') > 0 THEN '"' || replace(${n}, '"', '""') || '"'
               WHEN strpos(${n}, '${delimiter}') > 0 OR strpos(${n}, E'\\n') > 0 OR strpos(${n}, E'\\r') > 0
               THEN '"' || ${n} || '"' ELSE ${n} END`;
}

export type CsvDelimiter = ';' | ',';

/**
 * The spreadsheet rows as finished CSV lines (CRLF included), byte for byte what `csvRow` writes
 * from `buildRowQuery`'s rows: PostgreSQL formats, Node only concatenates. The inner query
 * computes each neutralised cell once (its ORDER BY keeps it from being flattened into the outer
 * one, which would evaluate every reference again); the outer one quotes and joins.
 * Post ids, platforms, statuses, times and offsets are written bare: their alphabets hold no
 * delimiter, quote, line break or dangerous first character.
 */
export function buildCsvQuery(
  s: ExportSelection,
  timeZone: string,
  delimiter: CsvDelimiter,
): { text: string; values: unknown[] } {
  const { where, values } = selectionWhere(s, []);
  let channelJoin = '';
  if (s.channelIds?.length) {
    values.push(s.channelIds);
    channelJoin = ` AND v.channel_id = ANY($${values.length}::uuid[])`;
  }
  const images = imagesJoin(values, s);
  values.push(timeZone);
  const zone = `$${values.length}::text`;
  const q = (c: string) => quoteSql(`r.${c}`, delimiter);
  const o = 'r.offset_minutes';
  const d = `'${delimiter}'`;
  return {
    text: `SELECT r.post_id::text || ${d}
                  || CASE WHEN to_char(r.local, 'SS') = '00' THEN to_char(r.local, 'YYYY-MM-DD HH24:MI')
                          ELSE to_char(r.local, 'YYYY-MM-DD HH24:MI:SS') END || ${d}
                  || 'UTC' || CASE WHEN ${o} < 0 THEN '-' ELSE '+' END
                  || lpad((abs(${o}) / 60)::text, 2, '0') || ':' || lpad((abs(${o}) % 60)::text, 2, '0') || ${d}
                  || ${q('channel')} || ${d} || r.platform || ${d} || r.status || ${d}
                  || ${q('title')} || ${d} || ${q('text')} || ${d} || ${q('channel_text')} || ${d}
                  || ${q('tags')} || ${d} || ${q('author')} || ${d} || ${q('campaign')} || ${d}
                  || ${q('image_urls')} || ${d} || ${q('alt_texts')} || E'\\r\\n' AS line
             FROM (SELECT p.id AS post_id, p.planned_at, v.position, z.local,
                          (extract(epoch FROM z.local - (p.planned_at AT TIME ZONE 'UTC')) / 60)::int AS offset_minutes,
                          coalesce(c.platform, '') AS platform, p.status,
                          ${neutraliseSql(`coalesce(c.name, '')`)} AS channel,
                          ${neutraliseSql('p.title')} AS title,
                          ${neutraliseSql('p.text')} AS text,
                          ${neutraliseSql(`coalesce(v.text, '')`)} AS channel_text,
                          ${neutraliseSql(`array_to_string(p.tags, ', ', '')`)} AS tags,
                          ${neutraliseSql(`coalesce(u.name, '')`)} AS author,
                          ${neutraliseSql(`coalesce(cp.name, '')`)} AS campaign,
                          ${neutraliseSql(`coalesce(img.image_urls, '')`)} AS image_urls,
                          ${neutraliseSql(`coalesce(img.alt_texts, '')`)} AS alt_texts
                     FROM posts p
                     CROSS JOIN LATERAL (SELECT p.planned_at AT TIME ZONE ${zone} AS local) z
                     LEFT JOIN users u ON u.id = p.author_id
                     LEFT JOIN campaigns cp ON cp.id = p.campaign_id
                     LEFT JOIN post_variants v ON v.post_id = p.id${channelJoin}
                     LEFT JOIN channels c ON c.id = v.channel_id${images}
                    WHERE ${where}
                    ORDER BY p.planned_at, p.id, v.position) r
            ORDER BY r.planned_at, r.post_id, r.position`,
    values,
  };
}

export function buildPostQuery(s: ExportSelection): { text: string; values: unknown[] } {
  const { where, values } = selectionWhere(s, []);
  return {
    text: `SELECT p.id, p.version, p.status, p.title, p.text, p.planned_at, p.tags, p.author_id,
                  p.campaign_id, p.created_at, p.updated_at, p.deleted_at,
                  coalesce((SELECT json_agg(json_build_object('channelId', v.channel_id, 'text', v.text,
                                                              'name', c.name, 'platform', c.platform,
                                                              'media', CASE WHEN v.media_override
                                                                THEN ${mediaJsonSql('p.id', 'v.channel_id')} END)
                                            ORDER BY v.position)
                              FROM post_variants v JOIN channels c ON c.id = v.channel_id
                             WHERE v.post_id = p.id), '[]'::json) AS variants,
                  ${mediaJsonSql('p.id', null)} AS media
             FROM posts p
            WHERE ${where}
            ORDER BY p.planned_at, p.id`,
    values,
  };
}

@Injectable()
export class ExportRepository {
  /** pg_timezone_names reads the zone files: asked once per zone and process. */
  private readonly zones = new Map<string, boolean>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `batch`: rows per FETCH (see cursor); the XLSX writer asks for smaller ones. */
  rows(s: ExportSelection, batch = BATCH): AsyncGenerator<ExportRow[]> {
    return this.cursor<ExportRow>(buildRowQuery(s), batch);
  }

  /**
   * The XLSX's rows in one snapshot: first every row (part 0, the plan), then the rows of the
   * posts in a campaign, campaign by campaign (part 1, with `campaign_id`): the sheets agree.
   */
  async *workbookRows(
    s: ExportSelection,
    batch = BATCH,
  ): AsyncGenerator<{ part: number; batch: ExportRow[] }> {
    yield* this.cursors<ExportRow>(
      [buildRowQuery(s), buildRowQuery(s, { byCampaign: true })],
      batch,
    );
  }

  /** Finished CSV lines, in batches; see buildCsvQuery. */
  csvLines(
    s: ExportSelection,
    timeZone: string,
    delimiter: CsvDelimiter,
  ): AsyncGenerator<{ line: string }[]> {
    return this.cursor<{ line: string }>(buildCsvQuery(s, timeZone, delimiter));
  }

  /**
   * Whether PostgreSQL's zone data knows the zone. Both it and Node's ICU come from the IANA
   * database, but a very new zone may be missing in one of them; the CSV then goes the slower
   * way through Node.
   */
  async knowsZone(timeZone: string): Promise<boolean> {
    const cached = this.zones.get(timeZone);
    if (cached !== undefined) return cached;
    const rows = await this.db.query<{ known: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known`,
      [timeZone],
    );
    const known = rows[0]?.known === true;
    this.zones.set(timeZone, known);
    return known;
  }

  posts(s: ExportSelection): AsyncGenerator<ExportPostRow[]> {
    return this.cursor<ExportPostRow>(buildPostQuery(s));
  }

  /**
   * Batches of a query's rows from a server-side cursor in one read-only snapshot, so an
   * export of any size holds at most two batches in memory and sees one consistent plan. The
   * next batch is fetched while the caller writes the current one, so PostgreSQL formats rows
   * while Node sends them. Stopping early (a client that went away) closes the cursor and frees
   * the connection.
   */
  async *cursor<T>(
    query: { text: string; values: unknown[] },
    batchSize = BATCH,
  ): AsyncGenerator<T[]> {
    for await (const { batch } of this.cursors<T>([query], batchSize)) yield batch;
  }

  /** Several queries' batches, one query after the other, all in the same snapshot. */
  async *cursors<T>(
    queries: { text: string; values: unknown[] }[],
    batchSize = BATCH,
  ): AsyncGenerator<{ part: number; batch: T[] }> {
    const runner = this.db.createQueryRunner('slave');
    await runner.connect();
    let committed = false;
    let next: Promise<T[]> | null = null;
    const fetch = () => {
      const p = runner.query(`FETCH ${batchSize} FROM export_cursor`) as Promise<T[]>;
      // Handled here too: it may fail while the caller still writes the previous batch, and
      // is awaited (and its error thrown) only when the caller asks for the next one.
      p.catch(() => undefined);
      return p;
    };
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // A cursor is planned for its first rows by default (cursor_tuple_fraction 0.1): nested
      // loops that start fast and finish slowly. An export reads every row.
      await runner.query('SET LOCAL cursor_tuple_fraction = 1.0');
      for (const [part, query] of queries.entries()) {
        if (part > 0) await runner.query('CLOSE export_cursor');
        await runner.query(
          `DECLARE export_cursor NO SCROLL CURSOR FOR ${query.text}`,
          query.values,
        );
        let upcoming = fetch();
        next = upcoming;
        for (;;) {
          const batch = await upcoming;
          next = null;
          const more = batch.length === batchSize;
          if (more) {
            upcoming = fetch();
            next = upcoming;
          }
          if (batch.length > 0) yield { part, batch };
          if (!more) break;
        }
      }
      await runner.query('COMMIT');
      committed = true;
    } finally {
      // A fetch still under way when the caller stopped: let it end before the rollback.
      await next?.catch(() => undefined);
      // A failure, or a generator closed early (the client went away): end the snapshot.
      if (!committed) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  async channels(
    workspaceId: string,
  ): Promise<{ id: string; name: string; platform: Platform; character_limit: number | null }[]> {
    return this.db.query(
      `SELECT id, name, platform, (wording->>'characterLimit')::int AS character_limit
         FROM channels WHERE workspace_id = $1 ORDER BY name`,
      [workspaceId],
    );
  }

  /** The workspace's campaigns, which an import's rows may name. */
  async campaigns(workspaceId: string): Promise<{ id: string; name: string }[]> {
    return this.db.query(
      `SELECT id, name FROM campaigns WHERE workspace_id = $1 ORDER BY name, id`,
      [workspaceId],
    );
  }
}
