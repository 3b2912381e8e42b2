import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CollectEntriesResult,
  type Entrant,
  type EntrantList,
  type EntryCsvReport,
  type EntryList,
  type Platform,
} from '@postplan/contracts';
import { personKey } from '@postplan/domain';
import { isPublishError } from '@postplan/platforms';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { PlatformAdapters } from '../publishing/platform-adapters';
import { type WorkspaceWithRole } from '../workspaces/workspaces.repository';
import { ContestError, contestNotFound, entrantNotFound } from './contest.errors';
import { pseudonymOf } from './contest-pseudonyms';
import { type ContestRow, ContestsRepository, type NewEntry } from './contests.repository';
import { ContestsService, assertOpen } from './contests.service';
import { readEntriesCsv } from './entry-csv';

/** Entries: collected from the contest posts' comments, or imported from CSV; and exclusions. */
@Injectable()
export class ContestEntriesService {
  private readonly log = new Logger(ContestEntriesService.name);

  constructor(
    private readonly repo: ContestsRepository,
    private readonly contests: ContestsService,
    private readonly adapters: PlatformAdapters,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async entries(ws: WorkspaceWithRole, id: string): Promise<EntryList> {
    const row = await this.contests.row(ws, id);
    return { items: (await this.contests.evaluate(ws, row)).entries };
  }

  async entrants(ws: WorkspaceWithRole, id: string): Promise<EntrantList> {
    const row = await this.contests.row(ws, id);
    const e = await this.contests.evaluate(ws, row);
    return { items: e.entrants, counts: e.counts };
  }

  /** Reads the comments of every published contest post through its channel's adapter. */
  async collect(ws: WorkspaceWithRole, userId: string, id: string): Promise<CollectEntriesResult> {
    const row = await this.contests.row(ws, id);
    assertOpen(row);
    const sources = await this.repo.sources(id);
    const result: CollectEntriesResult = { added: 0, seen: 0, sources: [] };
    const found: NewEntry[] = [];
    for (const s of sources) {
      const platform = s.platform as Platform;
      const base = { postId: s.post_id, channelId: s.channel_id, platform };
      if (s.status !== 'published' || !s.platform_post_id) {
        result.sources.push({ ...base, outcome: 'not_published', added: 0, message: null });
        continue;
      }
      const adapter = this.adapters.get(platform);
      if (!adapter?.listReplies) {
        result.sources.push({
          ...base,
          outcome: 'not_supported',
          added: 0,
          message: `Comments on ${platform} cannot be read through its API; import them as CSV.`,
        });
        continue;
      }
      try {
        const replies = await adapter.listReplies(
          { id: s.channel_id, name: s.channel_name, platform, settings: {}, credentials: null },
          s.platform_post_id,
          null,
          AbortSignal.timeout(Math.max(5000, this.config.publishing.callTimeoutMs * 4)),
        );
        for (const r of replies) {
          const key = personKey(platform, r.authorHandle);
          found.push({
            source: 'comment',
            platform,
            pseudonym: pseudonymOf(row.pseudonym_key, key),
            personKey: key,
            handle: r.authorHandle,
            commentId: r.id,
            text: r.text,
            email: null,
            age: null,
            country: null,
            enteredAt: new Date(r.createdAt),
            postId: s.post_id,
            channelId: s.channel_id,
          });
        }
        result.seen += replies.length;
        result.sources.push({
          ...base,
          outcome: 'collected',
          added: replies.length,
          message: null,
        });
      } catch (e) {
        this.log.warn(`Collecting entries of contest ${id} from ${platform} failed`);
        result.sources.push({
          ...base,
          outcome: 'failed',
          added: 0,
          message: isPublishError(e) ? e.message : 'The platform could not be read.',
        });
      }
    }
    const added = await this.repo.transaction(async (em) => {
      const locked = await this.repo.lock(em, ws.id, id);
      if (!locked) throw contestNotFound();
      assertOpen(locked);
      const added = await this.repo.insertEntries(em, id, found, this.clock.now());
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.entries_collected',
        subject: { type: 'contest', id },
        after: { seen: result.seen, added },
      });
      return added;
    });
    // Per source, "added" counted what was read; the store decides what was new.
    result.added = added;
    return result;
  }

  /**
   * CSV import. A dry run checks every row and writes nothing; a real run writes every row or,
   * when any row has an error, none (CONTEST_ENTRIES_CSV_INVALID with the same report).
   */
  async importCsv(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    bytes: Buffer,
    dryRun: boolean,
  ): Promise<EntryCsvReport> {
    const row = await this.contests.row(ws, id);
    assertOpen(row);
    const read = readEntriesCsv(bytes, { timeZone: ws.timeZone, ageOn: row.entries_until });
    const errors = read.issues.filter((i) => i.severity === 'error').length;
    const report: EntryCsvReport = {
      dryRun,
      ok: errors === 0,
      encoding: read.encoding,
      rows: read.rows,
      imported: 0,
      issues: read.issues,
    };
    if (dryRun) return report;
    if (errors > 0) {
      throw new ContestError(
        'CONTEST_ENTRIES_CSV_INVALID',
        `The file has ${errors} ${errors === 1 ? 'error' : 'errors'}; nothing was imported.`,
        report,
      );
    }
    report.imported = await this.repo.transaction(async (em) => {
      const locked = await this.repo.lock(em, ws.id, id);
      if (!locked) throw contestNotFound();
      assertOpen(locked);
      const entries = read.entries.map((e) => toNewEntry(locked, e));
      const n = await this.repo.insertEntries(em, id, entries, this.clock.now());
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: 'contest.entries_imported',
        subject: { type: 'contest', id },
        after: { rows: read.rows, imported: n, encoding: read.encoding },
      });
      return n;
    });
    return report;
  }

  async setExcluded(
    ws: WorkspaceWithRole,
    userId: string,
    id: string,
    entrantId: string,
    reason: string | null,
  ): Promise<Entrant> {
    await this.repo.transaction(async (em) => {
      const row = await this.repo.lock(em, ws.id, id);
      if (!row) throw contestNotFound();
      assertOpen(row);
      const entries = await this.repo.entries(id, em);
      if (!entries.some((e) => e.pseudonym === entrantId)) throw entrantNotFound(entrantId);
      await this.repo.setManualExclusion(em, id, entrantId, reason, userId, this.clock.now());
      await this.audit.record(em, {
        workspaceId: ws.id,
        actor: { type: 'user', userId },
        action: reason === null ? 'contest.entrant_included' : 'contest.entrant_excluded',
        subject: { type: 'contest', id },
        after: { entrantId },
        reason,
      });
    });
    const list = await this.entrants(ws, id);
    return list.items.find((e) => e.id === entrantId)!;
  }
}

function toNewEntry(
  row: ContestRow,
  e: ReturnType<typeof readEntriesCsv>['entries'][number],
): NewEntry {
  const key = personKey(e.platform, e.handle);
  return {
    source: 'csv',
    platform: e.platform,
    pseudonym: pseudonymOf(row.pseudonym_key, key),
    personKey: key,
    handle: e.handle.replace(/^@+/, ''),
    commentId: e.commentId,
    text: e.text,
    email: e.email,
    age: e.age,
    country: e.country,
    enteredAt: e.enteredAt,
    postId: null,
    channelId: null,
  };
}
