import { randomUUID } from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { insertWithinCapStatement } from '@paymesh/payment-service/cap-rule';
import { OUTBOX_CHANNEL } from '@paymesh/payment-service/outbox';
import { TRANSACTION_CREATED, type TransactionCreated } from '@paymesh/shared/events';

const dialect = new PgDialect();

export interface DirectWriter {
  createTransaction(userId: string, amountCents: number, description: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * What payment-service's POST /transactions does in the database, statement for statement,
 * from a plain pg pool (payment-service's own cap rule statement, insertWithinCapStatement, and
 * the outbox row of src/outbox/outbox.repository.ts appendToOutbox): the upsert that
 * locks the user's total and adds to it within the cap, chained to the row's insert; then the
 * outbox row with the relay's NOTIFY; four round trips with begin and commit. No
 * HTTP, no token, no validation: the floor the service's own cost is measured against.
 */
export function createDirectWriter(databaseUrl: string, poolSize: number, topic: string, capCents = 100_000): DirectWriter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  return {
    async createTransaction(userId, amountCents, description) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const withinCap = dialect.sqlToQuery(insertWithinCapStatement({ userId, amountCents, description }, capCents));
        const { rows } = await client.query<{ id: string; created_at: Date }>(withinCap.sql, withinCap.params);
        if (rows.length === 0) throw new Error(`bench user ${userId} reached the cap`);
        const at = rows[0]!.created_at.toISOString();
        const event: TransactionCreated = {
          event_id: randomUUID(),
          event_type: TRANSACTION_CREATED,
          version: 1,
          occurred_at: at,
          transaction_id: rows[0]!.id,
          user_id: userId,
          amount: amountCents / 100,
          description,
          timestamp: at,
        };
        await client.query(
          'with written as (insert into outbox (topic, key, payload) values ($1, $2, $3::jsonb)) select pg_notify($4, $1)',
          [topic, userId, JSON.stringify(event), OUTBOX_CHANNEL],
        );
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `concurrency` loops issuing creates for `seconds`: creates per second, like autocannon's connections. */
export async function driveDirect(
  writer: DirectWriter,
  userIds: string[],
  concurrency: number,
  seconds: number,
): Promise<{ rps: number; count: number }> {
  const deadline = performance.now() + seconds * 1000;
  const begun = performance.now();
  let count = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        next += 1;
        await writer.createTransaction(userIds[next % userIds.length]!, 1, 'bench');
        count += 1;
      }
    }),
  );
  return { rps: count / ((performance.now() - begun) / 1000), count };
}
