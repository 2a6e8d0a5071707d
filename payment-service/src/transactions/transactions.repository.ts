import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/database.js';
import { transactions, userTotals } from '../db/schema.js';
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

export async function addToUserTotal(tx: Tx, userId: string, amountCents: number): Promise<void> {
  await tx
    .update(userTotals)
    .set({ totalCents: sql`${userTotals.totalCents} + ${amountCents}` })
    .where(eq(userTotals.userId, userId));
}

export async function insertTransaction(tx: Tx, values: { userId: string; amountCents: number; description: string }): Promise<TransactionRow> {
  const [row] = await tx.insert(transactions).values(values).returning();
  return row!;
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
