import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Client } from 'pg';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DUE_CHANNEL, PublicationsRepository } from './publications.repository';
import { PublishingEngine } from './publishing.engine';

/** Longest sleep between looks at the queue when nothing is known to be due. */
const IDLE_MS = 30_000;
/** How soon to look again while due rows exist that cannot be claimed (paused, at a limit). */
const BLOCKED_MS = 250;

/**
 * Runs the engine in worker processes (POSTPLAN_ROLE all or worker). It sleeps until the next
 * due row (a timer), wakes early when another process plans something sooner (LISTEN/NOTIFY
 * on a dedicated connection that reconnects), and a periodic sweep covers everything else.
 * Calls in flight are bounded per process; any number of processes share the work through
 * row locks.
 */
@Injectable()
export class PublishingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(PublishingWorker.name);
  private enabled = false;
  private inFlight = 0;
  private pumping = false;
  private pumpAgain = false;
  /** The last claim was full: more is due, so a finished call should claim again. */
  private moreDue = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private listener: Client | null = null;
  private listenerUp = false;
  private reconnectDelay = 250;
  private sweeping = false;

  constructor(
    private readonly engine: PublishingEngine,
    private readonly repo: PublicationsRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get active(): boolean {
    return this.enabled;
  }

  /** For readiness: a worker that cannot hear NOTIFY would wake only at its sweep. */
  get listening(): boolean {
    return this.listenerUp;
  }

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.enabled = true;
    void this.listen();
    this.pump();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.enabled) return;
    this.enabled = false;
    this.clearTimer();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    // Give calls in flight a moment to finish and store their outcome; after that they are
    // aborted, and their rows end unconfirmed when the lease runs out.
    const deadline = Date.now() + 10_000;
    while (this.inFlight > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    this.engine.stop();
  }

  /** The safety net: expired leases, missed rows, reconciling, and a look at the queue. */
  @Interval('publishing-sweep', 5_000)
  async sweep(): Promise<void> {
    if (!this.enabled || this.sweeping) return;
    this.sweeping = true;
    try {
      const r = await this.engine.sweep();
      if (r.expired || r.missed || r.reconciled) {
        this.log.log(
          `Sweep: ${r.expired} lease(s) expired, ${r.missed} missed, ${r.reconciled} reconciled`,
        );
      }
    } catch (e) {
      this.log.warn(`Publishing sweep failed: ${(e as Error).message}`);
    } finally {
      this.sweeping = false;
    }
    this.pump();
  }

  /** Claims while there is room and work, then sleeps until the next due row. */
  pump(): void {
    if (!this.enabled) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.drain()
      .catch((e: unknown) => {
        this.log.warn(`Claiming publications failed: ${(e as Error).message}`);
        this.arm(this.clock.nowMs() + BLOCKED_MS);
      })
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async drain(): Promise<void> {
    const { concurrency, batchSize } = this.config.publishing;
    // Claim in batches: while calls are in flight, wait until half a batch of room is free
    // rather than running the claim statement for every few finished calls (each claim costs
    // the database a statement's fixed work, whatever its size).
    const batch = Math.min(batchSize, concurrency);
    while (this.enabled) {
      const room = concurrency - this.inFlight;
      if (room <= 0 || (this.inFlight > 0 && this.moreDue && room < Math.ceil(batch / 2))) {
        this.moreDue = true;
        return;
      }
      const want = Math.min(batchSize, room);
      const rows = await this.engine.claim(this.clock.now(), want);
      this.inFlight += rows.length;
      this.engine.sendAll(rows).forEach((sent, i) => {
        void sent
          .catch((e: unknown) => {
            this.log.error(`Publication ${rows[i]!.id}: ${(e as Error).message}`);
          })
          .finally(() => {
            this.inFlight--;
            if (this.moreDue) this.pump();
          });
      });
      this.moreDue = rows.length === want;
      if (!this.moreDue) break;
    }
    await this.armForNext();
  }

  /** Sets the timer for the next due row; due rows nobody could claim are looked at again soon. */
  private async armForNext(): Promise<void> {
    const now = this.clock.now();
    const { future, dueNow } = await this.repo.nextDue(now);
    let at = now.getTime() + IDLE_MS;
    if (future) at = Math.min(at, future.getTime());
    if (dueNow) at = Math.min(at, now.getTime() + BLOCKED_MS);
    this.arm(at);
  }

  private arm(at: number): void {
    if (!this.enabled) return;
    if (this.timer && this.timerAt <= at && this.timerAt > this.clock.nowMs()) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.clock.nowMs()),
    );
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private async listen(): Promise<void> {
    if (!this.enabled) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'postplan-worker-listen',
    });
    const lost = (why: string) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listenerUp = false;
      this.log.warn(`Lost the wake-up connection (${why}); reconnecting`);
      client.end().catch(() => undefined);
      this.reconnect();
    };
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('closed'));
    client.on('notification', (msg) => {
      const at = Number(msg.payload);
      if (!Number.isFinite(at) || at <= this.clock.nowMs()) this.pump();
      else this.arm(at);
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${DUE_CHANNEL}`);
      this.listenerUp = true;
      this.reconnectDelay = 250;
      // Anything planned while we were not listening is found by looking once.
      this.pump();
    } catch (e) {
      lost((e as Error).message);
    }
  }

  private reconnect(): void {
    if (!this.enabled) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(5_000, this.reconnectDelay * 2);
    setTimeout(() => void this.listen(), delay).unref();
  }
}
