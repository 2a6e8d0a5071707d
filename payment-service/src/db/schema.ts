import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Millisecond precision so a timestamp survives the round trip through a JS Date (and a cursor). */
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    // Integer cents: sums are exact, never binary floats.
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    isPaid: boolean('is_paid').notNull().default(false),
    paidAt: instant('paid_at'),
    createdAt: instant('created_at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    index('transactions_user_newest_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('transactions_user_unpaid_idx').on(t.userId).where(sql`not ${t.isPaid}`),
    check('transactions_amount_positive', sql`${t.amountCents} > 0`),
  ],
);

/**
 * One row per user holding the running total of all their transactions. Locking it is the
 * per-user mutex that makes the cap hold under concurrency, and it serialises a user's writes
 * so their outbox rows are numbered in commit order.
 */
export const userTotals = pgTable(
  'user_totals',
  {
    userId: text('user_id').primaryKey(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('user_totals_not_negative', sql`${t.totalCents} >= 0`)],
);

/** Remembered Idempotency-Keys: claimed before the work, completed with the response inside it. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    lockedAt: instant('locked_at').notNull().defaultNow(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Events written in the same transaction as the change they describe; the relay publishes them. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').notNull(),
    /** The W3C traceparent of the request that wrote the row, so its trace continues on the Kafka message; null when untraced. */
    traceparent: text('traceparent'),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('outbox_unsent_idx').on(t.topic, t.id).where(sql`${t.sentAt} is null`),
    index('outbox_sent_idx').on(t.sentAt).where(sql`${t.sentAt} is not null`),
  ],
);
