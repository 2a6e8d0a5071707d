import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { idempotencyKeys } from '../db/schema.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export interface KeyRef {
  userId: string;
  key: string;
}

const t = idempotencyKeys;

/**
 * Claims the key for a new request, in its own short transaction so other requests see the
 * claim at once. Returns false when the key is already taken. An expired key, or a claim whose
 * request died long ago without answering (same body), is taken over instead.
 */
export async function claimKey(db: Executor, ref: KeyRef, fingerprint: string, ttlHours: number, leaseSeconds: number): Promise<boolean> {
  const claimed = await db
    .insert(t)
    .values({ userId: ref.userId, key: ref.key, fingerprint })
    .onConflictDoUpdate({
      target: [t.userId, t.key],
      set: { fingerprint, responseStatus: null, responseBody: null, lockedAt: sql`now()`, createdAt: sql`now()` },
      setWhere: sql`${t.createdAt} < now() - make_interval(hours => ${ttlHours})
        or (${t.responseStatus} is null and ${t.fingerprint} = excluded.fingerprint
            and ${t.lockedAt} < now() - make_interval(secs => ${leaseSeconds}))`,
    })
    .returning({ userId: t.userId });
  return claimed.length === 1;
}

export async function findKey(db: Executor, ref: KeyRef): Promise<IdempotencyRow | undefined> {
  const [row] = await db.select().from(t).where(and(eq(t.userId, ref.userId), eq(t.key, ref.key)));
  return row;
}

export async function completeKey(db: Executor, ref: KeyRef, status: number, body: unknown): Promise<void> {
  await db
    .update(t)
    .set({ responseStatus: status, responseBody: body })
    .where(and(eq(t.userId, ref.userId), eq(t.key, ref.key)));
}

/** Forgets a claim whose request failed on our side, so the client can retry with the same key. */
export async function releaseKey(db: Executor, ref: KeyRef): Promise<void> {
  await db.delete(t).where(and(eq(t.userId, ref.userId), eq(t.key, ref.key), sql`${t.responseStatus} is null`));
}

export async function purgeExpiredKeys(db: Executor, ttlHours: number): Promise<number> {
  const deleted = await db
    .delete(t)
    .where(lt(t.createdAt, sql`now() - make_interval(hours => ${ttlHours})`))
    .returning({ key: t.key });
  return deleted.length;
}
