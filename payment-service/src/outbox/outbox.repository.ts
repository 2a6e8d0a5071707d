import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { transactionsTopic, type TransactionEvent } from '@paymesh/shared/events';
import { currentTraceparent } from '@paymesh/shared/tracing';
import type { Executor, Tx } from '../db/database.js';
import { outbox } from '../db/schema.js';

/** The channel a commit that wrote outbox rows notifies; the payload is the topic. */
export const OUTBOX_CHANNEL = 'payment_outbox';

export interface OutboxRow {
  id: number;
  payload: TransactionEvent;
  traceparent: string | null;
}

/**
 * Writes events in the caller's transaction, next to the change they describe, and queues a
 * notification that PostgreSQL delivers only if that transaction commits. Events are checked
 * against the contract here, so a malformed one fails the request instead of blocking the relay.
 *
 * Each event is stamped with its row id as `user_seq`, which increases per user in commit order:
 * every caller holds the user's totals-row lock from before the id is drawn until the commit, so a
 * later write of that user draws its id after the earlier one committed, and the sequence hands
 * out increasing values (it has the default CACHE 1; a larger cache would break this). The relay
 * publishes in id order and re-sends from the lowest unsent row after a failure, so on the user's
 * partition every event's first copy follows all of that user's lower ones.
 */
export async function appendToOutbox(tx: Tx, topic: string, events: TransactionEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceparent = currentTraceparent() ?? null;
  const rows = events.map((event) => {
    const valid = transactionsTopic.schema.parse(event);
    return { topic, key: transactionsTopic.key(valid), payload: valid, traceparent };
  });
  const [only] = rows;
  if (rows.length === 1 && only) {
    // The common case (one create) in one round trip: a data-modifying CTE runs even unreferenced.
    await tx.execute(sql`
      with drawn as (select nextval(pg_get_serial_sequence('outbox', 'id')) as id),
      written as (
        insert into outbox (id, topic, key, payload, traceparent)
        select id, ${only.topic}, ${only.key}, ${JSON.stringify(only.payload)}::jsonb || jsonb_build_object('user_seq', id), ${traceparent} from drawn)
      select pg_notify(${OUTBOX_CHANNEL}, ${topic})`);
    return;
  }
  const ids = await drawOutboxIds(tx, rows.length);
  await tx.insert(outbox).values(rows.map((row, i) => ({ ...row, id: ids[i]!, payload: { ...row.payload, user_seq: ids[i]! } })));
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, ${topic})`);
}

/** `count` fresh row ids, ascending, so events written together keep their order. */
async function drawOutboxIds(tx: Tx, count: number): Promise<number[]> {
  const result = await tx.execute<{ id: string }>(
    sql`select nextval(pg_get_serial_sequence('outbox', 'id'))::text as id from generate_series(1, ${count}::int)`,
  );
  return result.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/**
 * Takes the relay lock of `topic` for this transaction, or returns false when another instance
 * holds it. One relay per topic at a time is what keeps two instances from publishing the same
 * row, and publishing in id order keeps each user's events in order (a user's writes are
 * serialised by their totals row, so their ids follow commit order).
 */
export async function tryLockRelay(tx: Tx, topic: string): Promise<boolean> {
  const result = await tx.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtextextended(${`paymesh.outbox:${topic}`}, 0)) as locked`,
  );
  return result.rows[0]?.locked === true;
}

export async function unsentBatch(tx: Tx, topic: string, limit: number): Promise<OutboxRow[]> {
  const rows = await tx
    .select({ id: outbox.id, payload: outbox.payload, traceparent: outbox.traceparent })
    .from(outbox)
    .where(and(eq(outbox.topic, topic), isNull(outbox.sentAt)))
    .orderBy(asc(outbox.id))
    .limit(limit);
  return rows as OutboxRow[];
}

export async function markSent(tx: Tx, ids: number[]): Promise<void> {
  await tx.update(outbox).set({ sentAt: sql`now()` }).where(inArray(outbox.id, ids));
}

export async function purgeSent(db: Executor, olderThanHours: number): Promise<number> {
  const cutoff = sql`now() - make_interval(hours => ${olderThanHours})`;
  const deleted = await db.delete(outbox).where(lt(outbox.sentAt, cutoff)).returning({ id: outbox.id });
  return deleted.length;
}
