import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type ImportIssue } from '@postplan/contracts';
import {
  checkWebhookTarget,
  DownloadError,
  downloadPinned,
  PublishError,
} from '@postplan/platforms';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { tempDirOf } from '../media/media-storage';
import { MediaError } from '../media/media.errors';
import { MediaService, type StoredMedia } from '../media/media.service';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { type ImportDraft, type ImportImage } from './import-rules';
import { PlanExchangeError } from './plan-exchange.errors';

/** An image ready to attach: a library item (new, or one the workspace has already). */
export type ResolvedImage = { mediaId: string; sha256: string };

export type FetchedImages = {
  byUrl: Map<string, ResolvedImage>;
  /** Stored by this import; their rows go in with the import's transaction. */
  stored: { media: StoredMedia; name: string; altText: string | null }[];
};

const CONCURRENCY = 4;
const CONNECT_TIMEOUT_MS = 5_000;
const FETCH_TIMEOUT_MS = 30_000;
/** After this many broken images the import stops fetching: the answer names them. */
const MAX_FAILURES = 20;
const MAX_ISSUES = 100;

/** The export's own image links: `/api/v1/workspaces/<ws>/media/<id>/file`. */
const OWN_MEDIA_PATH = /^\/api\/v1\/workspaces\/([^/]+)\/media\/([0-9a-f-]{36})\/file$/i;

type Problem = { code: 'IMAGE_FETCH_FAILED' | 'IMAGE_REJECTED'; message: string };

/**
 * The images of an import. Each distinct URL once, however many rows name it. A link to a
 * file of this workspace's own media library (what the export writes) is that item, not
 * fetched. Every other URL is fetched like a webhook is delivered: checked after DNS against
 * the same rules (no loopback, private, link-local or metadata addresses, unless the operator
 * allow-listed them in POSTPLAN_WEBHOOK_ALLOW), over a connection pinned to the checked
 * address, no redirects, at most the media library's image size, within a time limit; then
 * the media library's own checks and rewriting. All or nothing: when any image fails, what was
 * stored is removed again and the error names every row concerned.
 */
@Injectable()
export class ImportImages {
  constructor(
    private readonly media: MediaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async fetch(ws: WorkspaceWithRole, drafts: readonly ImportDraft[]): Promise<FetchedImages> {
    const uses = new Map<string, ImportImage[]>();
    for (const d of drafts) {
      for (const image of [...d.media, ...d.variants.flatMap((v) => v.media ?? [])]) {
        const list = uses.get(image.url);
        if (list) list.push(image);
        else uses.set(image.url, [image]);
      }
    }
    const byUrl = new Map<string, ResolvedImage>();
    if (uses.size === 0) return { byUrl, stored: [] };

    // Links into this workspace's own library.
    const own = new Map<string, string>();
    for (const url of uses.keys()) {
      const id = this.ownMediaId(ws, url);
      if (id) own.set(url, id);
    }
    if (own.size > 0) {
      const rows = await this.media.rowsForPost(ws.id, [...new Set(own.values())]);
      const found = new Map(rows.filter((r) => !r.deleted_at).map((r) => [r.id, r]));
      for (const [url, id] of own) {
        const row = found.get(id);
        if (row) byUrl.set(url, { mediaId: row.id, sha256: row.sha256 });
      }
    }

    const queue = [...uses.keys()].filter((url) => !byUrl.has(url));
    const stored: FetchedImages['stored'] = [];
    const failures: { url: string; problem: Problem }[] = [];
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        if (failures.length >= MAX_FAILURES) return;
        const first = uses.get(url)![0]!;
        try {
          const media = await this.fetchOne(ws.id, url);
          stored.push({ media, name: fileNameOf(url), altText: first.altText });
          byUrl.set(url, { mediaId: media.id, sha256: media.sha256 });
        } catch (e) {
          const problem = asProblem(e);
          if (!problem) throw e;
          failures.push({ url, problem });
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    } catch (e) {
      await this.media.discardStored(stored.map((s) => s.media));
      throw e;
    }
    if (failures.length === 0) return { byUrl, stored };

    await this.media.discardStored(stored.map((s) => s.media));
    const issues: ImportIssue[] = failures
      .flatMap(({ url, problem }) =>
        uses.get(url)!.map((use) => ({
          row: use.row,
          column: use.column,
          code: problem.code,
          severity: 'error' as const,
          message: problem.message,
        })),
      )
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_ISSUES);
    const fetchFailed = failures.some((f) => f.problem.code === 'IMAGE_FETCH_FAILED');
    const first = issues[0]!;
    throw new PlanExchangeError(
      fetchFailed ? 'IMAGE_FETCH_FAILED' : 'IMAGE_REJECTED',
      `${failures.length === 1 ? 'An image' : `${failures.length} images`} could not be attached (first in row ${first.row}: ${first.message}); nothing was imported.`,
      { issues },
    );
  }

  private ownMediaId(ws: WorkspaceWithRole, raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    const m = OWN_MEDIA_PATH.exec(url.pathname);
    if (!m || url.search !== '') return null;
    const wsPart = decodeURIComponent(m[1]!);
    return wsPart === ws.id || wsPart === ws.slug ? m[2]!.toLowerCase() : null;
  }

  private async fetchOne(workspaceId: string, url: string): Promise<StoredMedia> {
    const dir = tempDirOf(this.config.media);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${randomUUID()}.import`);
    try {
      const target = await checkWebhookTarget(
        url,
        this.config.webhookAllow,
        undefined,
        AbortSignal.timeout(CONNECT_TIMEOUT_MS),
        'image',
      );
      const got = await downloadPinned(target, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        timeoutMs: FETCH_TIMEOUT_MS,
        maxBytes: this.config.media.maxImageBytes,
        path,
        headers: { accept: 'image/*', 'user-agent': 'Postplan-Import' },
      });
      return await this.media.storeDownloaded(workspaceId, path, fileNameOf(url), got.contentType);
    } finally {
      await rm(path, { force: true });
    }
  }
}

function asProblem(e: unknown): Problem | null {
  if (e instanceof DownloadError) return { code: 'IMAGE_FETCH_FAILED', message: e.message };
  // The address checks: refused addresses and failed lookups.
  if (e instanceof PublishError) return { code: 'IMAGE_FETCH_FAILED', message: e.message };
  if (e instanceof MediaError) {
    switch (e.code) {
      case 'MEDIA_TYPE_UNSUPPORTED':
      case 'MEDIA_TYPE_MISMATCH':
      case 'MEDIA_FILE_DAMAGED':
      case 'MEDIA_DIMENSIONS_TOO_LARGE':
      case 'MEDIA_TOO_LARGE':
        return { code: 'IMAGE_REJECTED', message: e.message };
      default:
        return null;
    }
  }
  return null;
}

/** The URL's last path segment ("bild.jpg"): the library shows it as the file's name. */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    const name = decodeURIComponent(last).trim();
    return (name || 'image').slice(0, 200);
  } catch {
    return 'image';
  }
}
