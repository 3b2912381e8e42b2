import { Injectable } from '@nestjs/common';
import {
  type ImportJob,
  type ImportMappingSchema,
  type ImportReport,
  type ImportResult,
} from '@postplan/contracts';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { MediaService } from '../media/media.service';
import { PostRecordsService } from '../posts/post-records.service';
import { type PostTagging } from '../posts/posts.repository';
import { approvableContent, hashContent } from '../review/review-content';
import { ReviewService } from '../review/review.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ExportRepository } from './export.repository';
import { detectFormat, type ImportTable, readTable } from './import-file';
import { type FetchedImages, ImportImages, type ResolvedImage } from './import-images';
import { type ImportDraft, type ImportImage, suggestMapping, validateImport } from './import-rules';
import { type ImportJobRow, ImportRepository } from './import.repository';
import { importNotFound, PlanExchangeError } from './plan-exchange.errors';

type Mapping = z.output<typeof ImportMappingSchema>;

const SAMPLE_ROWS = 5;
const BATCH = 1_000;
/** What an error answer carries of the report; the dry run has all of it. */
const ISSUES_IN_ERROR = 100;

/**
 * Import from CSV or XLSX in three steps: upload (the file is kept with the job, its headings
 * and first rows shown for the mapping), dry run (every row's outcome, every problem with row
 * and column; nothing is written), and the import itself: all posts as drafts (ideas stay
 * ideas) in one transaction, or none. Progress is written beside it for the page to poll.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly repo: ImportRepository,
    private readonly exportRepo: ExportRepository,
    private readonly posts: PostRecordsService,
    private readonly review: ReviewService,
    private readonly images: ImportImages,
    private readonly media: MediaService,
  ) {}

  async upload(
    ws: WorkspaceWithRole,
    userId: string,
    fileName: string,
    bytes: Buffer,
  ): Promise<ImportJob> {
    if (bytes.length === 0)
      throw new PlanExchangeError('IMPORT_FILE_INVALID', 'The file is empty.');
    const format = detectFormat(fileName, bytes);
    const table = await readTable(format, bytes);
    const row = await this.repo.insertJob({
      workspaceId: ws.id,
      createdBy: userId,
      fileName,
      format,
      file: bytes,
      headers: table.headers,
      sample: table.rows.slice(0, SAMPLE_ROWS).map((r) =>
        table.headers.map((_, i) => {
          const c = r.cells[i];
          return c instanceof Date ? c.toISOString().slice(0, 16).replace('T', ' ') : (c ?? '');
        }),
      ),
      totalRows: table.rows.length,
    });
    return toJob(row);
  }

  async get(ws: WorkspaceWithRole, id: string): Promise<ImportJob> {
    return toJob(await this.job(ws, id));
  }

  async dryRun(ws: WorkspaceWithRole, id: string, mapping: Mapping): Promise<ImportResult> {
    const job = await this.job(ws, id);
    const { report } = await this.validate(ws, job, mapping);
    return { job: toJob(job), report };
  }

  async run(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    mapping: Mapping,
  ): Promise<ImportResult> {
    const job = await this.job(ws, id);
    if (job.state === 'done' || job.state === 'running') {
      throw new PlanExchangeError(
        'IMPORT_ALREADY_RUN',
        job.state === 'done'
          ? 'This file has been imported already; upload it again to import it once more.'
          : 'This import is running.',
      );
    }
    const { report, drafts } = await this.validate(ws, job, mapping);
    if (!report.ok) throw hasErrors(report);
    if (!(await this.repo.claim(job.id))) {
      throw new PlanExchangeError('IMPORT_ALREADY_RUN', 'This import is running.');
    }
    let images: FetchedImages | null = null;
    try {
      // Files first (fetched, checked, stored), rows with the posts: a failure of either
      // removes the files again.
      images = await this.images.fetch(ws, drafts);
      const fetched = images;
      await this.repo.transaction(async (em) => {
        const tagging = await this.taggings(em, ws.id, drafts);
        for (const s of fetched.stored) {
          await this.media.insertStored(em, ws.id, userId, s.media, {
            name: s.name,
            altText: s.altText,
          });
        }
        for (let i = 0; i < drafts.length; i += BATCH) {
          const batch = drafts.slice(i, i + BATCH);
          const writes = batch.map((d) => toWrite(d, fetched.byUrl, tagging));
          const ids = await this.posts.insertBatch(em, ws.id, userId, writes);
          await this.review.onImported(
            em,
            ws.id,
            userId,
            job.id,
            writes.map((w, n) => ({ id: ids[n]!, contentHash: w.contentHash, content: w.content })),
          );
          await this.repo.progress(
            job.id,
            Math.min(report.rows, Math.round(((i + batch.length) / drafts.length) * report.rows)),
          );
        }
        await this.repo.finish(job.id, { state: 'done', importedPosts: drafts.length }, em);
      });
    } catch (e) {
      if (images) await this.media.discardStored(images.stored.map((s) => s.media));
      await this.repo.finish(job.id, {
        state: 'failed',
        error: 'The import failed; nothing was imported.',
      });
      throw e;
    }
    return { job: toJob((await this.repo.findJob(ws.id, job.id))!), report };
  }

  /**
   * Each campaign's tagging, as a saved post's (the campaign locked for the transaction): a
   * post in a campaign is hashed with its links tagged. A campaign deleted since the dry run
   * stops the import.
   */
  private async taggings(
    em: EntityManager,
    workspaceId: string,
    drafts: ImportDraft[],
  ): Promise<ReadonlyMap<string, PostTagging>> {
    const channelIds = [...new Set(drafts.flatMap((d) => d.variants.map((v) => v.channelId)))];
    const taggings = new Map<string, PostTagging>();
    for (const campaignId of new Set(drafts.map((d) => d.campaignId))) {
      if (!campaignId) continue;
      const tagging = await this.posts.tagging(em, workspaceId, campaignId, channelIds);
      if (!tagging) {
        throw new PlanExchangeError(
          'UNKNOWN_CAMPAIGN',
          'A campaign of the file no longer exists.',
          {
            campaignId,
          },
        );
      }
      taggings.set(campaignId, tagging);
    }
    return taggings;
  }

  private async job(ws: WorkspaceWithRole, id: string): Promise<ImportJobRow> {
    const job = await this.repo.findJob(ws.id, id);
    if (!job) throw importNotFound();
    return job;
  }

  private async validate(ws: WorkspaceWithRole, job: ImportJobRow, mapping: Mapping) {
    const table: ImportTable = await readTable(job.format, await this.repo.file(job.id));
    const width = table.headers.length;
    for (const [field, index] of Object.entries(mapping.columns)) {
      if (index >= width) {
        throw new PlanExchangeError('VALIDATION_FAILED', `The file has no column ${index + 1}.`, {
          issues: [{ path: `columns.${field}`, message: 'no such column' }],
        });
      }
    }
    const channels = await this.exportRepo.channels(ws.id);
    const campaigns =
      mapping.columns.campaign === undefined ? [] : await this.exportRepo.campaigns(ws.id);
    return validateImport(table, mapping, channels, ws.timeZone, campaigns);
  }
}

function hasErrors(report: ImportReport): PlanExchangeError {
  return new PlanExchangeError(
    'IMPORT_HAS_ERRORS',
    `${report.errors} problems in the file; nothing was imported. Run the dry run to see them all.`,
    {
      ok: report.ok,
      rows: report.rows,
      posts: report.posts,
      errors: report.errors,
      warnings: report.warnings,
      issues: report.issues.slice(0, ISSUES_IN_ERROR),
    },
  );
}

function toWrite(
  d: ImportDraft,
  images: ReadonlyMap<string, ResolvedImage>,
  taggings: ReadonlyMap<string, PostTagging>,
) {
  const attach = (list: ImportImage[]) =>
    list.map((i) => {
      const found = images.get(i.url)!;
      return { mediaId: found.mediaId, sha256: found.sha256, altText: i.altText };
    });
  const content = {
    title: d.title,
    text: d.text,
    media: attach(d.media),
    variants: d.variants.map((v) => ({
      channelId: v.channelId,
      text: v.text,
      media: v.media ? attach(v.media) : null,
    })),
  };
  const tagged = d.campaignId ? taggings.get(d.campaignId) : undefined;
  const strip = (list: { mediaId: string; altText: string | null }[]) =>
    list.map(({ mediaId, altText }) => ({ mediaId, altText }));
  return {
    status: d.status,
    title: d.title,
    text: d.text,
    plannedAt: d.plannedAt,
    tags: d.tags,
    media: strip(content.media),
    variants: content.variants.map((v) => ({ ...v, media: v.media ? strip(v.media) : null })),
    campaignId: d.campaignId,
    // As for a post saved into its campaign: the approvable content holds the tagged links.
    contentHash: hashContent({ ...content, ...tagged }),
    content: approvableContent({ ...content, ...tagged }),
  };
}

function toJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    state: row.state,
    headers: row.headers,
    sample: row.sample,
    totalRows: row.total_rows,
    suggestedMapping: suggestMapping(row.headers),
    progress: { processed: row.processed_rows, total: row.total_rows },
    importedPosts: row.imported_posts,
    error: row.error,
    createdAt: row.created_at.toISOString(),
  };
}
