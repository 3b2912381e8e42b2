import { Inject, Injectable } from '@nestjs/common';
import { PUBLICATION_STATUSES } from '@postplan/contracts';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Clock } from '../../common/clock/clock';
import { PublicationsRepository } from './publications.repository';

/**
 * Publishing figures for Prometheus, in a registry of our own (no global state shared with
 * libraries). Counts by status and the queue depth are read from the database at scrape time
 * (one grouped count each), so every process reports the same, whole-fleet truth.
 */
@Injectable()
export class PublishingMetrics {
  readonly registry = new Registry();
  readonly startLag = new Histogram({
    name: 'postplan_publication_start_lag_seconds',
    help: 'From the time a publication became due (or its retry was due) to the start of its call',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly attempts = new Counter({
    name: 'postplan_publication_attempts_total',
    help: 'Publication attempts by platform and the status they led to',
    labelNames: ['platform', 'outcome'],
    registers: [this.registry],
  });
  readonly adapterErrors = new Counter({
    name: 'postplan_adapter_errors_total',
    help: 'Errors adapters reported, by platform and class (retryable, permanent, unknown)',
    labelNames: ['platform', 'class'],
    registers: [this.registry],
  });

  constructor(repo: PublicationsRepository, @Inject(Clock) clock: Clock) {
    new Gauge({
      name: 'postplan_publications',
      help: 'Publications by status (whole database)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const counts = new Map((await repo.countsByStatus()).map((c) => [c.status, c.n]));
        for (const status of PUBLICATION_STATUSES) this.set({ status }, counts.get(status) ?? 0);
      },
    });
    new Gauge({
      name: 'postplan_publication_queue_depth',
      help: 'Pending publications that are due now',
      registers: [this.registry],
      async collect() {
        this.set(await repo.queueDepth(clock.now()));
      },
    });
  }
}
