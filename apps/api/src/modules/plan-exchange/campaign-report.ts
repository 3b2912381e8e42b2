import { once } from 'node:events';
import { type Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Platform, type PostStatus } from '@postplan/contracts';
import { publishedText, type UtmDefaults } from '@postplan/domain';
import { DataSource } from 'typeorm';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { PlanExchangeError } from './plan-exchange.errors';
import { csvLine, type Lang, utcOffsetText, wallClock } from './spreadsheet-format';
import { openWorkbook, TableSheet } from './xlsx-sheet';

/** The columns of a campaign report, in order: what went out where, and where it stands. */
export const REPORT_COLUMNS = [
  'post_id',
  'planned',
  'utc_offset',
  'channel',
  'platform',
  'status',
  'title',
  'published_text',
  'publication',
  'published_at',
  'url',
] as const;
type ReportColumn = (typeof REPORT_COLUMNS)[number];

const REPORT_HEADINGS: Record<Lang, Record<ReportColumn, string>> = {
  en: {
    post_id: 'Post ID',
    planned: 'Planned',
    utc_offset: 'UTC offset',
    channel: 'Channel',
    platform: 'Platform',
    status: 'Status',
    title: 'Title',
    published_text: 'Text as published',
    publication: 'Publication',
    published_at: 'Published',
    url: 'Link',
  },
  de: {
    post_id: 'Beitrags-ID',
    planned: 'Geplant',
    utc_offset: 'UTC-Versatz',
    channel: 'Kanal',
    platform: 'Plattform',
    status: 'Status',
    title: 'Titel',
    published_text: 'Veröffentlichter Text',
    publication: 'Veröffentlichung',
    published_at: 'Veröffentlicht',
    url: 'Link',
  },
};

const SUMMARY = {
  en: {
    sheet: 'Campaign',
    name: 'Campaign',
    period: 'Period',
    goal: 'Goal',
    target: 'Target',
    owner: 'Owner',
    utm: 'UTM',
    posts: 'Posts',
    published: 'Published',
    awaiting: 'Not yet approved',
    brief: 'Brief',
  },
  de: {
    sheet: 'Kampagne',
    name: 'Kampagne',
    period: 'Zeitraum',
    goal: 'Ziel',
    target: 'Zielwert',
    owner: 'Verantwortlich',
    utm: 'UTM',
    posts: 'Beiträge',
    published: 'Veröffentlicht',
    awaiting: 'Noch nicht freigegeben',
    brief: 'Briefing',
  },
} satisfies Record<Lang, Record<string, string>>;

type ReportCampaign = {
  name: string;
  starts_on: string;
  ends_on: string;
  goal: string;
  goal_target: string | null;
  goal_unit: string | null;
  owner: string | null;
  brief: string;
  utm: UtmDefaults | null;
};

type ReportRow = {
  post_id: string;
  planned_at: Date | null;
  status: PostStatus;
  title: string;
  text: string;
  channel: string | null;
  platform: Platform | null;
  publication: string | null;
  published_at: Date | null;
  url: string | null;
};

/**
 * A campaign's report for the spreadsheet: one row per post and channel with the text as it is
 * (or was) published, its links tagged, the publication's state and link. A campaign holds
 * hundreds of posts, not a hundred thousand: the rows are read at once, not through a cursor.
 */
@Injectable()
export class CampaignReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(ws: WorkspaceWithRole, campaignId: string) {
    const campaigns: ReportCampaign[] = await this.db.query(
      `SELECT c.name, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, c.goal, c.goal_target::text AS goal_target,
              c.goal_unit, u.name AS owner, c.brief, c.utm
         FROM campaigns c LEFT JOIN users u ON u.id = c.owner_id
        WHERE c.workspace_id = $1 AND c.id = $2`,
      [ws.id, campaignId],
    );
    const campaign = campaigns[0];
    if (!campaign) {
      throw new PlanExchangeError(
        'CAMPAIGN_NOT_FOUND',
        'There is no such campaign in this workspace.',
      );
    }
    const rows: ReportRow[] = await this.db.query(
      `SELECT p.id AS post_id, p.planned_at, p.status, p.title, coalesce(v.text, p.text) AS text,
              ch.name AS channel, ch.platform, pb.status AS publication, pb.published_at, pb.url
         FROM posts p
         LEFT JOIN post_variants v ON v.post_id = p.id
         LEFT JOIN channels ch ON ch.id = v.channel_id
         LEFT JOIN LATERAL (
           SELECT x.status, x.published_at, x.url FROM publications x
            WHERE x.post_id = p.id AND x.channel_id = v.channel_id AND x.status <> 'cancelled'
            ORDER BY x.created_at DESC LIMIT 1) pb ON true
        WHERE p.workspace_id = $1 AND p.campaign_id = $2 AND p.deleted_at IS NULL
        ORDER BY p.planned_at NULLS LAST, p.id, v.position`,
      [ws.id, campaignId],
    );
    return { campaign, rows };
  }

  fileName(ws: WorkspaceWithRole, campaign: { name: string }, ext: string): string {
    const safe = (s: string) =>
      s
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `postplan-${safe(ws.slug)}-${safe(campaign.name) || 'campaign'}-report.${ext}`;
  }

  private cells(r: ReportRow, campaign: ReportCampaign, timeZone: string) {
    const planned = r.planned_at ? wallClock(r.planned_at, timeZone) : null;
    const published = r.published_at ? wallClock(r.published_at, timeZone) : null;
    return {
      planned,
      published,
      values: [
        r.post_id,
        planned?.text ?? '',
        planned ? utcOffsetText(planned.offsetMinutes) : '',
        r.channel ?? '',
        r.platform ?? '',
        r.status,
        r.title,
        r.platform ? publishedText(r.text, campaign.utm, r.platform) : r.text,
        r.publication ?? '',
        published?.text ?? '',
        r.url ?? '',
      ],
    };
  }

  /** CSV as the plan export writes it: UTF-8 with BOM, `;` unless told otherwise, neutralised. */
  async csv(
    ws: WorkspaceWithRole,
    data: Awaited<ReturnType<CampaignReportService['load']>>,
    lang: Lang,
    delimiter: ';' | ',',
    out: Writable,
  ): Promise<void> {
    const lines = ['\uFEFF' + csvLine(headingsOf(lang), delimiter)];
    for (const r of data.rows) {
      lines.push(csvLine(this.cells(r, data.campaign, ws.timeZone).values, delimiter));
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }

  /**
   * XLSX: the campaign's summary on the first sheet, the rows on the second as the plan export's
   * table (TableSheet: frozen header, filter, real date cells).
   */
  async xlsx(
    ws: WorkspaceWithRole,
    data: Awaited<ReturnType<CampaignReportService['load']>>,
    lang: Lang,
    out: Writable,
  ): Promise<void> {
    const book = openWorkbook(out);
    const s = SUMMARY[lang];
    const { campaign, rows } = data;
    const summary = book.addWorksheet(s.sheet);
    summary.columns = [
      { key: 'k', width: 24 },
      { key: 'v', width: 80 },
    ];
    const publishedCount = rows.filter((r) => r.publication === 'published').length;
    const awaiting = new Set(
      rows
        .filter((r) => !['approved', 'idea'].includes(r.status) && r.publication !== 'published')
        .map((r) => r.post_id),
    ).size;
    const utm = campaign.utm
      ? `utm_medium=${campaign.utm.medium}, utm_campaign=${campaign.utm.campaign}`
      : '';
    const lines: [string, string | number][] = [
      [s.name, campaign.name],
      [s.period, `${campaign.starts_on} – ${campaign.ends_on}`],
      [s.goal, campaign.goal],
      [
        s.target,
        campaign.goal_target ? `${campaign.goal_target} ${campaign.goal_unit ?? ''}`.trim() : '',
      ],
      [s.owner, campaign.owner ?? ''],
      [s.utm, utm],
      [s.posts, new Set(rows.map((r) => r.post_id)).size],
      [s.published, publishedCount],
      [s.awaiting, awaiting],
      [s.brief, campaign.brief],
    ];
    for (const [k, v] of lines) summary.addRow([k, v]).commit();
    summary.getColumn(1).font = { bold: true };
    summary.commit();

    const names = headingsOf(lang);
    const widths: Record<ReportColumn, number> = {
      post_id: 38,
      planned: 18,
      utc_offset: 11,
      channel: 18,
      platform: 11,
      status: 16,
      title: 30,
      published_text: 60,
      publication: 14,
      published_at: 18,
      url: 40,
    };
    const sheet = TableSheet.open(
      book,
      out,
      lang === 'de' ? 'Beiträge' : 'Posts',
      REPORT_COLUMNS.map((c, i) => ({
        header: names[i]!,
        width: widths[c],
        date: c === 'planned' || c === 'published_at',
      })),
    );
    for (const r of rows) {
      const { planned, published, values } = this.cells(r, campaign, ws.timeZone);
      // Excel has no zones: a date cell shows the workspace's wall clock.
      const local = (at: Date | null, clock: typeof planned) =>
        at && clock ? new Date(at.getTime() + clock.offsetMinutes * 60_000) : '';
      const row: (string | Date)[] = [...values];
      row[1] = local(r.planned_at, planned);
      row[9] = local(r.published_at, published);
      await sheet.add(row);
    }
    sheet.commit();
    await book.commit();
  }
}

function headingsOf(lang: Lang): string[] {
  return REPORT_COLUMNS.map((c) => REPORT_HEADINGS[lang][c]);
}
