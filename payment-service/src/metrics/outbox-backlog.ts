import type pg from 'pg';
import { Gauge, type Registry } from '@paymesh/shared/metrics';

interface Backlog {
  unsent: number;
  oldestAgeSeconds: number;
}

/**
 * Unsent outbox rows and the age of the oldest, read at scrape time with one query on the
 * partial index of unsent rows (small by design: the relay empties it). A rising age with a
 * steady count is a relay that stopped; a rising count with a small age is one falling behind.
 */
export function outboxBacklog(registry: Registry, { pool, topic }: { pool: pg.Pool; topic: string }): void {
  let reading: Promise<Backlog> | undefined;
  // Both gauges are collected in the same scrape: they share one query.
  const read = () =>
    (reading ??= pool
      .query<{ unsent: string; age: number | null }>(
        `select count(*) as unsent, extract(epoch from now() - min(created_at))::float8 as age
           from outbox where topic = $1 and sent_at is null`,
        [topic],
      )
      .then(({ rows: [row] }) => ({ unsent: Number(row?.unsent ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) }))
      // The database being away must not fail the whole scrape: the value is unknown, not zero.
      .catch(() => ({ unsent: Number.NaN, oldestAgeSeconds: Number.NaN }))
      .finally(() => {
        reading = undefined;
      }));

  new Gauge({
    name: 'payment_outbox_backlog',
    help: 'Outbox rows not yet acknowledged by Kafka',
    labelNames: ['topic'] as const,
    registers: [registry],
    async collect() {
      this.set({ topic }, (await read()).unsent);
    },
  });
  new Gauge({
    name: 'payment_outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest outbox row not yet acknowledged by Kafka; 0 when none waits',
    labelNames: ['topic'] as const,
    registers: [registry],
    async collect() {
      this.set({ topic }, (await read()).oldestAgeSeconds);
    },
  });
}
