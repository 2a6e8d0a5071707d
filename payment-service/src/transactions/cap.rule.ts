import { sql, type SQL } from 'drizzle-orm';

export interface NewTransactionRow {
  userId: string;
  amountCents: number;
  description: string;
}

/**
 * The cap rule: a user's total of all transactions, paid or not, never exceeds the cap. It is
 * one statement so it holds under any concurrency: the upsert takes the caller's totals row
 * lock and adds the amount only if the new total stays within the cap, and the row is inserted
 * only when the upsert returned a total. A concurrent create for the same user waits on the row
 * lock and then re-checks the cap against the total this one committed (READ COMMITTED
 * re-evaluates ON CONFLICT DO UPDATE ... WHERE on the latest row version), so two cannot both
 * pass. It returns no row, having written nothing, when the amount does not fit.
 *
 * Exported as a statement so the benchmarks measure this very SQL from a plain pg pool.
 */
export function insertWithinCapStatement({ userId, amountCents, description }: NewTransactionRow, maxTotalCents: number): SQL {
  return sql`
    with total as (
      insert into user_totals (user_id, total_cents)
      select ${userId}, ${amountCents}::bigint where ${amountCents}::bigint <= ${maxTotalCents}::bigint
      on conflict (user_id) do update set total_cents = user_totals.total_cents + excluded.total_cents
        where user_totals.total_cents + excluded.total_cents <= ${maxTotalCents}::bigint
      returning total_cents
    )
    insert into transactions (user_id, amount_cents, description)
    select ${userId}, ${amountCents}::bigint, ${description} from total
    returning id, user_id, amount_cents, description, is_paid, paid_at, created_at`;
}
