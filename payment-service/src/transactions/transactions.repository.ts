import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/database.js';
import { transactions, userTotals } from '../db/schema.js';
import { insertWithinCapStatement, type NewTransactionRow } from './cap.rule.js';
import type { PageRequest } from './transactions.page.js';

export type TransactionRow = typeof transactions.$inferSelect;

/**
 * Locks the caller's totals row (creating it on first use) and returns the total. The no-op
 * upsert takes the row lock in one round trip, and a concurrent request for the same user waits
 * here until this transaction ends, so it then reads the total this one left behind.
 */
export async function lockUserTotal(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .insert(userTotals)
    .values({ userId })
    .onConflictDoUpdate({ target: userTotals.userId, set: { userId: sql`excluded.user_id` } })
    .returning({ totalCents: userTotals.totalCents });
  return row!.totalCents;
}

interface RawTransactionRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  amount_cents: string | number;
  description: string;
  is_paid: boolean;
  paid_at: string | Date | null;
  created_at: string | Date;
}

// PostgreSQL's timestamptz text ("2026-01-01 10:00:00.123+00") parses as drizzle's own mapping does.
const instantOf = (value: string | Date): Date => new Date(value);

/** Raw rows come back in the driver's shapes (bigint as text, timestamps as text): the columns map them as drizzle would. */
function fromRaw(raw: RawTransactionRow): TransactionRow {
  return {
    id: raw.id,
    userId: raw.user_id,
    amountCents: Number(raw.amount_cents),
    description: raw.description,
    isPaid: raw.is_paid,
    paidAt: raw.paid_at === null ? null : instantOf(raw.paid_at),
    createdAt: instantOf(raw.created_at),
  };
}

/** Inserts the transaction if the cap allows it (see insertWithinCapStatement); undefined, with nothing written, if not. */
export async function insertWithinCap(tx: Tx, values: NewTransactionRow, maxTotalCents: number): Promise<TransactionRow | undefined> {
  const result = await tx.execute<RawTransactionRow>(insertWithinCapStatement(values, maxTotalCents));
  const raw = result.rows[0];
  return raw ? fromRaw(raw) : undefined;
}

/** The caller's total as last committed (for the refusal's body; the decision was taken by the upsert above). */
export async function readUserTotal(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.select({ totalCents: userTotals.totalCents }).from(userTotals).where(eq(userTotals.userId, userId));
  return row?.totalCents ?? 0;
}

/** One page, newest first, plus one row more than asked so the caller knows whether a next page exists. */
export async function findPage(db: Executor, userId: string, page: PageRequest): Promise<TransactionRow[]> {
  const after = page.after
    ? or(
        lt(transactions.createdAt, page.after.createdAt),
        and(eq(transactions.createdAt, page.after.createdAt), lt(transactions.id, page.after.id)),
      )
    : undefined;
  return db
    .select()
    .from(transactions)
    .where(and(eq(transactions.userId, userId), after))
    .orderBy(desc(transactions.createdAt), desc(transactions.id))
    .limit(page.limit + 1);
}

/**
 * Pays every unpaid transaction of the user in one statement. A concurrent call that reaches
 * the same rows re-checks `is_paid` after the first commits and skips them, so none is paid twice.
 */
export async function markAllPaid(tx: Tx, userId: string): Promise<TransactionRow[]> {
  return tx
    .update(transactions)
    .set({ isPaid: true, paidAt: sql`clock_timestamp()` })
    .where(and(eq(transactions.userId, userId), eq(transactions.isPaid, false)))
    .returning();
}
