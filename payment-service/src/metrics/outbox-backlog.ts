import type pg from 'pg';
import { Gauge, type Registry } from '@paymesh/shared/metrics';

export interface Backlog {
  unsent: number;
  oldestAgeSeconds: number;
}

/** One query on the partial index of unsent rows (small by design: the relay empties it). */
export async function readOutboxBacklog(pool: pg.Pool, topic: string): Promise<Backlog> {
  const { rows } = await pool.query<{ unsent: string; age: number | null }>(
    `select count(*) as unsent, extract(epoch from now() - min(created_at))::float8 as age
       from outbox where topic = $1 and sent_at is null`,
    [topic],
  );
  const [row] = rows;
  return { unsent: Number(row?.unsent ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
}

/**
 * Unsent outbox rows and the age of the oldest, read at scrape time. A rising age with a
 * steady count is a relay that stopped; a rising count with a small age is one falling behind.
 */
export function outboxBacklog(registry: Registry, { pool, topic }: { pool: pg.Pool; topic: string }): void {
  let reading: Promise<Backlog> | undefined;
  // Both gauges are collected in the same scrape: they share one query.
  const read = () =>
    (reading ??= readOutboxBacklog(pool, topic)
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
