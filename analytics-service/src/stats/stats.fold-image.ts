import { z } from 'zod';

const count = z.int().nonnegative();

/**
 * The fold's whole state as plain data: what a snapshot stores and a restart restores. Tuples
 * instead of objects for the per-user rows and minute buckets, since there is one per user and
 * field names would double the size.
 */
export const foldImageSchema = z.object({
  totals: z.object({
    transactions: count,
    cents: count,
    paid: count,
    paidCents: count,
    processed: count,
    rejected: count,
    duplicates: count,
    lastEventMs: z.number().nullable(),
  }),
  /** The next offset to fold, by partition; null for a partition not read yet. */
  positions: z.array(count.nullable()),
  /** [user id, transactions, cents, paid transactions, paid cents, highest user_seq folded or 0]. */
  users: z.array(z.tuple([z.string().min(1), count, count, count, count, count])),
  /** By partition: the remembered event ids of events without a sequence, oldest first. */
  windows: z.array(z.array(z.string()).nullable()),
  /** [minute since the epoch, transactions, cents, paid transactions, paid cents]. */
  series: z.array(z.tuple([z.int(), count, count, count, count])),
});

export type FoldImage = z.infer<typeof foldImageSchema>;
