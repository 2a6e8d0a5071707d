import type { RequestHandler } from 'express';
import type pg from 'pg';
import { Counter, Gauge, Histogram, type Registry } from '@paymesh/shared/metrics';
import type { RelayMetrics } from '../outbox/outbox.relay.js';
import { outboxBacklog } from './outbox-backlog.js';

export type CreateOutcome = 'created' | 'cap_refused' | 'idempotent_replay';

export interface PaymentMetrics {
  created(outcome: CreateOutcome): void;
  /** Starts timing the statement that takes a user's lock; call the result when it returns. */
  lockWait(operation: 'create' | 'pay'): () => void;
  relay: RelayMetrics;
}

/**
 * payment-service's own signals. The outbox backlog, its age and the pool's usage are read
 * when Prometheus scrapes, so they cost nothing between scrapes.
 */
export function createPaymentMetrics(registry: Registry, deps: { pool: pg.Pool; topic: string }): PaymentMetrics {
  const registers = [registry];
  const creates = new Counter({ name: 'payment_creates_total', help: 'POST /transactions answers by outcome', labelNames: ['outcome'] as const, registers });
  const lockWait = new Histogram({
    name: 'payment_user_lock_wait_seconds',
    help: "Time in the statement that takes the user's totals row lock, waiting for it included",
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  const publish = new Histogram({
    name: 'payment_relay_publish_duration_seconds',
    help: 'Time for Kafka to acknowledge one relay batch',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers,
  });
  const batchSize = new Histogram({ name: 'payment_relay_batch_size', help: 'Outbox rows per published batch', buckets: [1, 2, 5, 10, 25, 50, 100, 200], registers });
  const failures = new Counter({ name: 'payment_relay_failures_total', help: 'Relay passes that failed and left rows unsent for a retry', registers });
  const { pool } = deps;
  new Gauge({
    name: 'payment_db_pool_connections',
    help: 'Database pool connections by state: open (total), idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  outboxBacklog(registry, deps);

  return {
    created: (outcome) => creates.inc({ outcome }),
    lockWait: (operation) => lockWait.startTimer({ operation }),
    relay: {
      publishTimer: () => publish.startTimer(),
      batchPublished: (rows) => batchSize.observe(rows),
      failed: () => failures.inc(),
    },
  };
}

/**
 * Counts the answers of POST /transactions that the use case does not see: a replayed answer
 * (the work did not run again) and a fresh 201. Cap refusals are counted where they are decided.
 */
export function countCreateAnswers(metrics: PaymentMetrics): RequestHandler {
  return (_req, res, next) => {
    res.once('finish', () => {
      if (res.getHeader('Idempotent-Replayed') === 'true') metrics.created('idempotent_replay');
      else if (res.statusCode === 201) metrics.created('created');
    });
    next();
  };
}
