import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TRANSACTION_CREATED, type TransactionCreated } from '@paymesh/shared/events';

// The channel payment-service's relay listens on (payment-service/src/outbox/outbox.repository.ts).
const OUTBOX_CHANNEL = 'payment_outbox';

export interface DirectWriter {
  createTransaction(userId: string, amountCents: number, description: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * What payment-service's POST /transactions does in the database, statement for statement,
 * from a plain pg pool: lock-and-read the user's total (the no-op upsert), insert the row, add
 * to the total, write the event to the outbox and notify the relay, in one transaction. No
 * HTTP, no token, no validation: the floor the service's own cost is measured against.
 */
export function createDirectWriter(databaseUrl: string, poolSize: number, topic: string, capCents = 100_000): DirectWriter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  return {
    async createTransaction(userId, amountCents, description) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const total = await client.query<{ total_cents: string }>(
          'insert into user_totals (user_id) values ($1) on conflict (user_id) do update set user_id = excluded.user_id returning total_cents',
          [userId],
        );
        if (Number(total.rows[0]?.total_cents) + amountCents > capCents) throw new Error(`bench user ${userId} reached the cap`);
        const { rows } = await client.query<{ id: string; created_at: Date }>(
          'insert into transactions (user_id, amount_cents, description) values ($1, $2, $3) returning *',
          [userId, amountCents, description],
        );
        await client.query('update user_totals set total_cents = total_cents + $2 where user_id = $1', [userId, amountCents]);
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
        await client.query('insert into outbox (topic, key, payload) values ($1, $2, $3)', [topic, userId, JSON.stringify(event)]);
        await client.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, topic]);
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
