import { once } from 'node:events';
import { type Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type ExportQuerySchema, EXPORT_COLUMNS, type Post } from '@postplan/contracts';
import { formatInZone, parseRangeBound } from '@postplan/domain';
import { type z } from 'zod';
import { withTimeErrors } from '../../common/errors/time-errors';
import { htmlToPdf } from '../../common/pdf/html-to-pdf';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { publicBase } from '../media/media.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { type ExportPostRow, ExportRepository, type ExportSelection } from './export.repository';
import { PlanExchangeError } from './plan-exchange.errors';
import { calendarFooter, calendarHeader, eventLines, type IcsEvent, vtimezone } from './ics-writer';
import { type PrintPost, renderPrintPlan } from './print-plan';
import { csvLine, csvRow, headings, type Lang, rowCells, wallClock } from './spreadsheet-format';
import { openWorkbook, SheetNames, type TableColumn, TableSheet } from './xlsx-sheet';

type ExportQuery = z.output<typeof ExportQuerySchema>;

/** Exports stream, so the range may be long; ten years keeps a typo from scanning forever. */
const MAX_RANGE_DAYS = 3_700;
const MAX_PRINT_POSTS = 2_000;
const EVENT_MINUTES = 15;
/** Rows per cursor FETCH for XLSX: it writes rows slower than CSV, so smaller batches suffice. */
const XLSX_BATCH = 1_000;
/** The plan's sheet; the campaigns' follow it. */
const PLAN_SHEET = 'Plan';
const XLSX_WIDTHS: Record<(typeof EXPORT_COLUMNS)[number], number> = {
  post_id: 38,
  planned: 18,
  utc_offset: 11,
  channel: 18,
  platform: 11,
  status: 16,
  title: 30,
  text: 60,
  channel_text: 40,
  tags: 20,
  author: 18,
  campaign: 20,
  image_url: 40,
  alt_text: 30,
};

/** Writes a chunk and waits when the client reads slower than we write. */
export async function send(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Collects small strings into writes of about 64 KB. Much larger strings would land in V8's
 * large-object space, freed only by full collections: an export of 100,000 rows would then hold
 * a hundred megabytes of garbage before the collector comes.
 */
class Chunks {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async add(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await send(this.out, chunk);
  }
}

/**
 * Writes lines joined into chunks of about 64 KB, waiting for the client between them (see
 * Chunks for why not larger).
 */
async function writeJoined(out: Writable, lines: string[]): Promise<void> {
  let start = 0;
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    size += lines[i]!.length;
    if (size >= 64 * 1024) {
      await send(out, lines.slice(start, i + 1).join(''));
      start = i + 1;
      size = 0;
    }
  }
  if (start < lines.length) await send(out, lines.slice(start).join(''));
}

export type FeedScope = {
  workspaceId: string;
  workspaceName: string;
  timeZone: string;
  from: Date;
  to: Date;
  channelIds?: string[];
  excludeIdeas?: boolean;
  /** Share-link feeds show only the channels of the link in each event. */
  visibleChannelIds?: string[] | null;
};

@Injectable()
export class ExportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: ExportRepository,
  ) {}

  selection(ws: WorkspaceWithRole, q: ExportQuery): ExportSelection {
    const from = withTimeErrors(() => parseRangeBound(q.from, ws.timeZone));
    const to = withTimeErrors(() => parseRangeBound(q.to, ws.timeZone));
    if (to <= from) {
      throw new PlanExchangeError('INVALID_DATE_RANGE', '"to" must be later than "from".');
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new PlanExchangeError(
        'INVALID_DATE_RANGE',
        `An export may span at most ${MAX_RANGE_DAYS} days.`,
      );
    }
    return {
      workspaceId: ws.id,
      from,
      to,
      statuses: q.status,
      channelIds: q.channel,
      tags: q.tag,
      authorIds: q.author,
      campaignIds: q.campaign,
      mediaBase: publicBase(this.config),
    };
  }

  lang(ws: WorkspaceWithRole, q: ExportQuery): Lang {
    return q.lang ?? (ws.locale === 'de' ? 'de' : 'en');
  }

  /**
   * RFC 4180 with CRLF; UTF-8 with a BOM so Excel reads umlauts; `;` by default for German Excel.
   * PostgreSQL writes each line (buildCsvQuery), so Node only joins text into ~64 KB writes and
   * waits for the client. A zone PostgreSQL does not know goes through the JS formatter, whose
   * output is the same byte for byte.
   */
  async csv(ws: WorkspaceWithRole, q: ExportQuery, out: Writable): Promise<number> {
    const s = this.selection(ws, q);
    const delimiter = q.delimiter === 'comma' ? ',' : ';';
    await send(out, '\uFEFF' + csvLine(headings(this.lang(ws, q)), delimiter));
    let rows = 0;
    if (!(await this.repo.knowsZone(ws.timeZone))) {
      for await (const batch of this.repo.rows(s)) {
        await writeJoined(
          out,
          batch.map((r) => csvRow(r, ws.timeZone, delimiter)),
        );
        rows += batch.length;
      }
      return rows;
    }
    for await (const batch of this.repo.csvLines(s, ws.timeZone, delimiter)) {
      await writeJoined(
        out,
        batch.map((r) => r.line),
      );
      rows += batch.length;
    }
    return rows;
  }

  /**
   * exceljs's streaming writer: rows are committed as they come, so memory stays flat. The
   * planned time is a real date cell showing the workspace's wall-clock time (Excel has no
   * zones), with the offset beside it. The plan's sheet comes first, then one sheet per
   * campaign of the selection (by name) with that campaign's rows in the same order, the same
   * columns and formatting: the second pass of the same snapshot, sheet after sheet.
   */
  async xlsx(ws: WorkspaceWithRole, q: ExportQuery, out: Writable): Promise<number> {
    const s = this.selection(ws, q);
    const lang = this.lang(ws, q);
    const book = openWorkbook(out);
    const names = headings(lang);
    const columns: TableColumn[] = EXPORT_COLUMNS.map((c, i) => ({
      header: names[i]!,
      width: XLSX_WIDTHS[c],
      date: c === 'planned',
    }));
    const sheetNames = new SheetNames([PLAN_SHEET]);
    const fallback = lang === 'de' ? 'Kampagne' : 'Campaign';
    let sheet = TableSheet.open(book, out, PLAN_SHEET, columns);
    let campaignId: string | undefined;
    let rows = 0;
    for await (const { part, batch } of this.repo.workbookRows(s, XLSX_BATCH)) {
      for (const r of batch) {
        if (part === 1 && r.campaign_id !== campaignId) {
          // One sheet at a time: archiver zips the sheets in order, so the next one's rows
          // would wait in memory behind an open one.
          sheet.commit();
          campaignId = r.campaign_id;
          sheet = TableSheet.open(book, out, sheetNames.next(r.campaign ?? '', fallback), columns);
        }
        const clock = wallClock(r.planned_at, ws.timeZone);
        // The row's cells as the CSV has them, the time as a date cell on the workspace's clock.
        const cells = rowCells(r, clock);
        cells[1] = new Date(r.planned_at.getTime() + clock.offsetMinutes * 60_000);
        await sheet.add(cells);
        if (part === 0) rows++;
      }
    }
    sheet.commit();
    await book.commit();
    return rows;
  }

  /** The API's post shape, streamed as one JSON document. */
  async json(ws: WorkspaceWithRole, q: ExportQuery, out: Writable): Promise<number> {
    const s = this.selection(ws, q);
    await send(
      out,
      `{"timeZone":${JSON.stringify(ws.timeZone)},"from":${JSON.stringify(formatInZone(s.from, ws.timeZone))},` +
        `"to":${JSON.stringify(formatInZone(s.to, ws.timeZone))},"items":[`,
    );
    let n = 0;
    for await (const batch of this.repo.posts(s)) {
      const chunks = new Chunks(out);
      for (const row of batch) {
        await chunks.add((n++ === 0 ? '' : ',') + JSON.stringify(toApiPost(row, ws.timeZone)));
      }
      await chunks.flush();
    }
    await send(out, ']}');
    return n;
  }

  async ics(ws: WorkspaceWithRole, q: ExportQuery, out: Writable): Promise<number> {
    const s = this.selection(ws, q);
    return this.writeIcs(
      { workspaceId: ws.id, workspaceName: ws.name, timeZone: ws.timeZone, from: s.from, to: s.to },
      s,
      out,
    );
  }

  /** A calendar of the selection; feeds and one-off files share it. */
  async writeIcs(scope: FeedScope, s: ExportSelection, out: Writable): Promise<number> {
    const zoneKnown = vtimezone(scope.timeZone) !== null;
    await send(out, calendarHeader(`Postplan · ${scope.workspaceName}`, scope.timeZone));
    let n = 0;
    for await (const batch of this.repo.posts(s)) {
      const chunks = new Chunks(out);
      for (const row of batch) {
        await chunks.add(
          eventLines(toEvent(row, scope.visibleChannelIds ?? null), scope.timeZone, zoneKnown),
        );
        n++;
      }
      await chunks.flush();
    }
    await send(out, calendarFooter());
    return n;
  }

  async printHtml(ws: WorkspaceWithRole, q: ExportQuery, scriptNonce?: string): Promise<string> {
    const s = this.selection(ws, q);
    const posts: PrintPost[] = [];
    let truncated = false;
    for await (const batch of this.repo.posts(s)) {
      for (const row of batch) {
        if (posts.length >= MAX_PRINT_POSTS) {
          truncated = true;
          break;
        }
        posts.push({
          plannedAt: row.planned_at,
          title: row.title,
          text: row.text,
          status: row.status,
          channels: row.variants.map((v) => v.name),
        });
      }
      if (truncated) break;
    }
    return renderPrintPlan({
      workspaceName: ws.name,
      timeZone: ws.timeZone,
      lang: this.lang(ws, q),
      view: q.view ?? 'week',
      from: s.from,
      to: s.to,
      posts,
      truncated,
      scriptNonce,
    });
  }

  /** The print view as PDF, rendered by the system's chromium (A4 landscape). */
  async pdf(ws: WorkspaceWithRole, q: ExportQuery): Promise<Buffer> {
    const html = await this.printHtml(ws, q);
    const chromiumPath = this.config.chromiumPath;
    return htmlToPdf(html, {
      chromiumPath,
      landscape: true,
      unavailable: () => pdfUnavailable(chromiumPath),
    });
  }
}

function pdfUnavailable(path: string): PlanExchangeError {
  return new PlanExchangeError(
    'PDF_RENDERER_UNAVAILABLE',
    'PDF export needs chromium on the server (apt-get install chromium, or set CHROMIUM_PATH). The print view works without it.',
    { chromiumPath: path },
  );
}

export function toApiPost(row: ExportPostRow, timeZone: string): Post {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    title: row.title,
    text: row.text,
    plannedAt: formatInZone(row.planned_at, timeZone),
    tags: row.tags,
    variants: row.variants.map((v) =>
      v.media
        ? { channelId: v.channelId, text: v.text, media: v.media }
        : { channelId: v.channelId, text: v.text },
    ),
    media: row.media,
    authorId: row.author_id,
    campaignId: row.campaign_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

/**
 * A post as a calendar event. The UID is the post's id, stable forever; SEQUENCE is the post's
 * version, which grows with every change. Approved posts are CONFIRMED, the rest TENTATIVE.
 */
export function toEvent(row: ExportPostRow, visibleChannelIds: string[] | null): IcsEvent {
  const variants = visibleChannelIds
    ? row.variants.filter((v) => visibleChannelIds.includes(v.channelId))
    : row.variants;
  const channels = variants.map((v) => v.name);
  const title = row.title || row.text.replace(/\s+/g, ' ').slice(0, 60);
  const texts = variants.length
    ? variants.map((v) => `${v.name}: ${v.text ?? row.text}`)
    : [row.text];
  return {
    uid: `${row.id}@postplan`,
    sequence: row.version,
    start: row.planned_at,
    durationMinutes: EVENT_MINUTES,
    stamp: row.updated_at,
    summary: channels.length ? `${title} [${channels.join(', ')}]` : title,
    description: [`Status: ${row.status}`, ...texts].join('\n\n'),
    categories: row.tags,
    status: row.status === 'approved' ? 'CONFIRMED' : 'TENTATIVE',
  };
}
