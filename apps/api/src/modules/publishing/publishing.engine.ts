import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  type ChannelTarget,
  deadline,
  isPublishError,
  type PlatformAdapter,
  type PublishMedia,
  type PublishRequest,
} from '@postplan/platforms';
import { publishedText } from '@postplan/domain';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PublicationMedia } from '../media/publication-media';
import { ChannelConnectionsService } from '../channels/connections/channel-connections.service';
import { PlatformAdapters } from './platform-adapters';
import { PublicationsService } from './publications.service';
import { type ClaimedRow, type Outcome, PublicationsRepository } from './publications.repository';
import { PublishingMetrics } from './publishing.metrics';

/** After this many attempts a retryable error is given up on (failed). */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_CAP_MS = 15 * 60_000;
/**
 * Published outcomes are written together when this many wait, or this long after the first
 * of them: a claimed batch's calls end within a few milliseconds of each other, so one
 * statement and one commit usually carry most of a batch. (5 ms wrote one to three rows per
 * statement at a burst's pace; every statement also pays its audit insert and its commit.)
 */
const FLUSH_SIZE = 200;
const FLUSH_MS = 25;

/** What a claimed row's call needs besides its content, read for the whole batch. */
type Prepared = {
  media: { media: PublishMedia[]; problems: string[] } | null;
  target: { target: ChannelTarget | null } | { error: unknown };
};

/**
 * The wait before the next attempt after a retryable error: what the platform asked for (plus
 * up to 10 % so a crowd of workers does not return at the same millisecond), else exponential
 * from 10 s, ±20 % jitter, capped at 15 minutes.
 */
export function retryDelayMs(attempt: number, retryAfterMs?: number, random = Math.random): number {
  if (retryAfterMs !== undefined) return Math.round(retryAfterMs * (1 + random() * 0.1));
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.min(BACKOFF_CAP_MS, exp * (0.8 + random() * 0.4)));
}

/**
 * One publication attempt, from claim to outcome, and the sweeps that keep the outbox honest
 * (expired leases, missed rows, reconciling). No timers here: PublishingWorker decides when;
 * tests call these methods directly with the time they choose.
 */
@Injectable()
export class PublishingEngine {
  private readonly log = new Logger(PublishingEngine.name);
  /** Who holds a lease: host, process and a random part (a restarted process is someone else). */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly stopping = new AbortController();
  /** Published outcomes waiting to be written together (see persistPublished). */
  private queued: {
    item: { id: string; fencing: string; platformPostId: string; url: string | null };
    done: (written: boolean) => void;
    fail: (e: unknown) => void;
  }[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: PublicationsRepository,
    private readonly adapters: PlatformAdapters,
    private readonly publications: PublicationsService,
    private readonly metrics: PublishingMetrics,
    private readonly connections: ChannelConnectionsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly media?: PublicationMedia,
  ) {
    // Every call in flight listens for the process stopping.
    setMaxListeners(0, this.stopping.signal);
  }

  /** Aborts calls in flight (their outcome becomes unknown, as it is). */
  stop(): void {
    this.stopping.abort();
  }

  claim(now = this.clock.now(), limit = this.config.publishing.batchSize): Promise<ClaimedRow[]> {
    return this.repo.claim({
      now,
      limit,
      leaseMs: this.config.publishing.leaseMs,
      owner: this.owner,
      limits: this.adapters.all().map((a) => ({
        platform: a.platform,
        concurrency: a.limits.concurrency,
        perMinute: a.limits.perMinute,
      })),
    });
  }

  /** Claims and sends everything due at `now`, waiting for each outcome. For tests and sweeps. */
  async processDue(now = this.clock.now()): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.claim(now);
      if (rows.length === 0) return total;
      await Promise.all(this.sendAll(rows));
      total += rows.length;
    }
  }

  /**
   * Sends a claimed batch: what every call needs besides the claimed content (the channels'
   * targets with their credentials, the approved media) is read once for the whole batch, then
   * each row is called and stored on its own. One promise per row, in order.
   */
  sendAll(rows: ClaimedRow[]): Promise<Outcome['status'] | 'lost'>[] {
    const prepared = this.prepare(rows);
    return rows.map((row, i) =>
      this.send(
        row,
        prepared.then((p) => p[i]!),
      ),
    );
  }

  /** Calls the adapter once for a claimed row and stores what came of it (fenced). */
  async send(
    row: ClaimedRow,
    prepared: Promise<Prepared> = this.prepare([row]).then((p) => p[0]!),
  ): Promise<Outcome['status'] | 'lost'> {
    const adapter = this.adapters.get(row.platform);
    let outcome: Outcome;
    if (!adapter) {
      this.observeStart(row);
      outcome = {
        status: 'failed',
        error: {
          code: 'NO_ADAPTER',
          message: `This server cannot publish to ${row.platform} yet.`,
          class: 'permanent',
        },
      };
    } else {
      outcome = await this.call(adapter, row, await prepared);
    }
    this.metrics.attempts.inc({ platform: row.platform, outcome: outcome.status });
    if ('error' in outcome) {
      this.metrics.adapterErrors.inc({ platform: row.platform, class: outcome.error.class });
    }
    const written = await this.persist(row, outcome);
    if (!written) {
      this.log.warn(`Publication ${row.id}: the lease was lost before the outcome was written`);
      return 'lost';
    }
    return outcome.status;
  }

  private observeStart(row: ClaimedRow): void {
    const lag = Math.max(0, this.clock.nowMs() - row.ready_at.getTime());
    this.metrics.startLag.observe(lag / 1000);
  }

  /**
   * Reads, for a batch, the targets of its channels and the media of its publications: two
   * statements (one per kind) however large the batch. A media read that fails fails the
   * batch's sends before any call (their rows stay sending and are resolved as a crashed
   * worker's); a target that cannot be had fails only its own publications.
   */
  private async prepare(rows: ClaimedRow[]): Promise<Prepared[]> {
    const known = rows.filter((r) => this.adapters.get(r.platform) !== undefined);
    const [media, targets] = await Promise.all([
      this.media
        ? this.media.forPublications(
            known.map((r) => ({
              postId: r.post_id,
              channelId: r.channel_id,
              adapter: this.adapters.get(r.platform)!,
            })),
          )
        : Promise.resolve(null),
      this.connections.targetsFor(known.map((r) => r.channel_id)),
    ]);
    const mediaOf = new Map(known.map((r, i) => [r, media?.[i] ?? null]));
    return rows.map((row) => ({
      media: mediaOf.get(row) ?? null,
      target: targets.get(row.channel_id) ?? { target: null },
    }));
  }

  private async call(
    adapter: PlatformAdapter,
    row: ClaimedRow,
    prepared: Prepared,
  ): Promise<Outcome> {
    this.observeStart(row);
    if (prepared.media && prepared.media.problems.length > 0) {
      // Checked at approval too; a platform's limits or the workspace's setting changed since.
      return {
        status: 'failed',
        error: {
          code: 'MEDIA_REJECTED',
          message: prepared.media.problems.join(' '),
          class: 'permanent',
        },
      };
    }
    const media: PublishRequest['content']['media'] = prepared.media?.media ?? [];
    if ('error' in prepared.target) {
      // Nothing was sent: a refresh that failed, or credentials that cannot be read.
      return this.classify(prepared.target.error, row);
    }
    const channel: ChannelTarget = prepared.target.target ?? {
      id: row.channel_id,
      name: row.channel_name,
      platform: row.platform,
      settings: {},
      credentials: null,
    };
    // The call must end before the lease does, or another worker would see it expire.
    const budget = Math.max(100, this.config.publishing.leaseMs - 2000);
    const { signal, done } = deadline(this.stopping.signal, budget);
    const request: PublishRequest = {
      idempotencyKey: row.id,
      attempt: row.attempts,
      channel,
      content: {
        postId: row.post_id,
        title: row.title || null,
        // The approved text: the content hash covers the links as tagged (docs/campaigns.md).
        text: publishedText(row.text, row.campaign_utm, row.platform),
        tags: row.tags,
        media,
        options: row.options,
        plannedAt: row.planned_at.toISOString(),
        contentHash: row.content_hash,
      },
      checkpoint: row.checkpoint,
      saveCheckpoint: async (checkpoint) => {
        if (!(await this.repo.saveCheckpoint(row.id, row.fencing, checkpoint))) {
          throw new Error('The lease was lost; stop before the next step.');
        }
      },
      signal,
    };
    try {
      const result = await adapter.publish(request);
      return { status: 'published', platformPostId: result.platformPostId, url: result.url };
    } catch (e) {
      return this.classify(e, row);
    } finally {
      done();
    }
  }

  private classify(e: unknown, row: ClaimedRow): Outcome {
    if (!isPublishError(e)) {
      this.log.error(`Publication ${row.id}: the adapter threw ${(e as Error)?.message ?? e}`);
      return {
        status: 'unconfirmed',
        error: {
          code: 'ADAPTER_CRASHED',
          message: 'Publishing stopped unexpectedly; the post may have gone out.',
          class: 'unknown',
        },
      };
    }
    if (e.options.existing) {
      return {
        status: 'published',
        platformPostId: e.options.existing.platformPostId,
        url: e.options.existing.url,
      };
    }
    const error = { code: e.code, message: e.message, class: e.errorClass };
    switch (e.errorClass) {
      case 'retryable':
        if (row.attempts >= MAX_ATTEMPTS) return { status: 'failed', error };
        return {
          status: 'pending',
          nextAttemptAt: new Date(
            row.claimed_at.getTime() + retryDelayMs(row.attempts, e.options.retryAfterMs),
          ),
          error,
        };
      case 'permanent':
        return { status: 'failed', error };
      case 'unknown':
        return { status: 'unconfirmed', error };
    }
  }

  /**
   * Writes the outcome, retrying while the database is away (a restart, a dropped connection):
   * what the platform said must not be lost to a blip. Failures and unknowns alert people in the
   * same transaction.
   */
  private async persist(row: ClaimedRow, outcome: Outcome): Promise<boolean> {
    if (outcome.status === 'published') return this.persistPublished(row, outcome);
    for (let attempt = 0; ; attempt++) {
      try {
        if (outcome.status === 'failed' || outcome.status === 'unconfirmed') {
          return await this.repo.transaction(async (em) => {
            const ok = await this.repo.finish(row.id, row.fencing, outcome, em);
            if (ok) {
              await this.publications.alert(em, [
                {
                  id: row.id,
                  workspace_id: row.workspace_id,
                  post_id: row.post_id,
                  channel_id: row.channel_id,
                  status: outcome.status,
                  last_error_code: outcome.error.code,
                  last_error_message: outcome.error.message,
                },
              ]);
            }
            return ok;
          });
        }
        const ok = await this.repo.finish(row.id, row.fencing, outcome);
        if (ok && outcome.status === 'pending') {
          await this.repo.transaction((em) => this.repo.notifyDue(em, outcome.nextAttemptAt));
        }
        return ok;
      } catch (e) {
        if (attempt >= 20) throw e;
        this.log.warn(
          `Writing the outcome of ${row.id} failed (${(e as Error).message}); retrying`,
        );
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
      }
    }
  }

  /**
   * Successes are written in small groups: the calls that finish within a few milliseconds of
   * each other share one statement and one commit. A crash in those milliseconds leaves the
   * rows sending, and they are resolved like a crashed worker's (unconfirmed, then reconciled).
   */
  private persistPublished(
    row: ClaimedRow,
    outcome: Extract<Outcome, { status: 'published' }>,
  ): Promise<boolean> {
    return new Promise<boolean>((done, fail) => {
      this.queued.push({
        item: {
          id: row.id,
          fencing: row.fencing,
          platformPostId: outcome.platformPostId,
          url: outcome.url,
        },
        done,
        fail,
      });
      if (this.queued.length >= FLUSH_SIZE) void this.flush();
      else this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS);
    });
  }

  private async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    for (let attempt = 0; ; attempt++) {
      try {
        const written = await this.repo.finishPublished(batch.map((b) => b.item));
        for (const b of batch) b.done(written.has(b.item.id));
        return;
      } catch (e) {
        if (attempt >= 20) {
          for (const b of batch) b.fail(e);
          return;
        }
        this.log.warn(
          `Writing ${batch.length} outcome(s) failed (${(e as Error).message}); retrying`,
        );
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
      }
    }
  }

  // ---- sweeps ----

  /** Expired leases, missed rows and reconciling, in that order. */
  async sweep(
    now = this.clock.now(),
  ): Promise<{ expired: number; missed: number; reconciled: number }> {
    const expired = await this.expireLeases(now);
    const missed = await this.markMissed(now);
    const reconciled = await this.reconcile(now);
    return { expired, missed, reconciled };
  }

  async expireLeases(now = this.clock.now()): Promise<number> {
    const idempotent = this.adapters
      .all()
      .filter((a) => a.idempotent)
      .map((a) => a.platform);
    return this.repo.transaction(async (em) => {
      const rows = await this.repo.expireLeases(em, now, idempotent);
      await this.publications.alert(em, rows, 'unconfirmed');
      return rows.length;
    });
  }

  async markMissed(now = this.clock.now()): Promise<number> {
    return this.repo.transaction(async (em) => {
      const rows = await this.repo.markMissed(em, now);
      await this.publications.alert(em, rows, 'missed');
      return rows.length;
    });
  }

  /** Asks platforms that can tell about unconfirmed rows; what they cannot settle waits for a person. */
  async reconcile(now = this.clock.now()): Promise<number> {
    const able = this.adapters.all().filter((a) => a.reconcile !== undefined);
    const rows = await this.repo.takeForReconcile(
      now,
      able.map((a) => a.platform),
    );
    let settled = 0;
    for (const row of rows) {
      const adapter = this.adapters.get(row.platform)!;
      try {
        const content = await this.repo.contentOf(row.id);
        const channel = (await this.connections.targetFor(row.channel_id)) ?? {
          id: row.channel_id,
          name: content?.channel_name ?? '',
          platform: row.platform,
          settings: {},
          credentials: null,
        };
        const answer = await adapter.reconcile!({
          idempotencyKey: row.id,
          attempt: row.attempts,
          channel,
          content: {
            postId: row.post_id,
            title: content?.title || null,
            text: content ? publishedText(content.text, content.campaign_utm, row.platform) : '',
            tags: content?.tags ?? [],
            media: [],
            options: content?.options ?? {},
            plannedAt: (content?.planned_at ?? row.planned_at).toISOString(),
            contentHash: row.content_hash,
          },
          checkpoint: row.checkpoint,
          // Reconciling learns; it takes no step that would need saving.
          saveCheckpoint: () => Promise.resolve(),
          signal: this.stopping.signal,
        });
        const ok = await this.repo.settleReconciled(
          row.id,
          row.fencing,
          answer.status === 'published'
            ? answer
            : answer.status === 'absent'
              ? { status: 'pending', at: now }
              : { status: 'unknown', reason: answer.reason },
        );
        if (ok) settled++;
        if (ok && answer.status === 'absent') {
          await this.repo.transaction((em) => this.repo.notifyDue(em, now));
        }
      } catch (e) {
        this.log.warn(`Reconciling ${row.id} failed (${(e as Error).message}); asking again later`);
        await this.repo.settleReconciled(row.id, row.fencing, {
          status: 'later',
          at: new Date(now.getTime() + 60_000),
        });
      }
    }
    return settled;
  }
}
