import type pg from 'pg';

/** The payment database's own totals, the figures analytics must reproduce. */
export interface LedgerTotals {
  transactions: number;
  cents: number;
  paid: number;
  paidCents: number;
  users: number;
}

/**
 * One read-only statement over payment-service's `transactions` table (see
 * payment-service/src/db/schema.ts): amounts there are integer cents too, so the comparison is exact.
 */
export async function readLedgerTotals(pool: pg.Pool): Promise<LedgerTotals> {
  const client = await pool.connect();
  try {
    await client.query('begin read only');
    const { rows } = await client.query<Record<keyof LedgerTotals, string>>(`
      select count(*)                                             as transactions,
             coalesce(sum(amount_cents), 0)                       as cents,
             count(*) filter (where is_paid)                      as paid,
             coalesce(sum(amount_cents) filter (where is_paid), 0) as "paidCents",
             count(distinct user_id)                              as users
        from transactions`);
    await client.query('commit');
    const row = rows[0]!;
    return {
      transactions: Number(row.transactions),
      cents: Number(row.cents),
      paid: Number(row.paid),
      paidCents: Number(row.paidCents),
      users: Number(row.users),
    };
  } finally {
    client.release();
  }
}
