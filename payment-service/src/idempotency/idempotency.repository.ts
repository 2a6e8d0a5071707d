import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { idempotencyKeys } from '../db/schema.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export interface KeyRef {
  userId: string;
  key: string;
}

const t = idempotencyKeys;

/**
 * Which claim of a key a request holds: the `locked_at` its claim wrote. A takeover happens
 * only a whole lease after the claim it replaces, so it always writes a later one, and a
 * write fenced by this token matches only while its claim is still the key's current one.
 */
export type ClaimToken = Date;

/**
 * Claims the key for a new request, in its own short transaction so other requests see the
 * claim at once. Returns undefined when the key is already taken. An expired key, or a claim
 * whose request died long ago without answering (same body), is taken over instead.
 */
export async function claimKey(
  db: Executor,
  ref: KeyRef,
  fingerprint: string,
  ttlHours: number,
  leaseSeconds: number,
): Promise<ClaimToken | undefined> {
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
    .returning({ lockedAt: t.lockedAt });
  return claimed[0]?.lockedAt;
}

const heldBy = (ref: KeyRef, token: ClaimToken) => and(eq(t.userId, ref.userId), eq(t.key, ref.key), eq(t.lockedAt, token));

export async function findKey(db: Executor, ref: KeyRef): Promise<IdempotencyRow | undefined> {
  const [row] = await db.select().from(t).where(and(eq(t.userId, ref.userId), eq(t.key, ref.key)));
  return row;
}

/** Stores the answer, only while `token` is still the key's claim; false when a retry took the key over. */
export async function completeKey(db: Executor, ref: KeyRef, token: ClaimToken, status: number, body: unknown): Promise<boolean> {
  const updated = await db
    .update(t)
    .set({ responseStatus: status, responseBody: body })
    .where(and(heldBy(ref, token), isNull(t.responseStatus)))
    .returning({ key: t.key });
  return updated.length === 1;
}

/** Forgets a claim whose request failed on our side, so the client can retry with the same key. */
export async function releaseKey(db: Executor, ref: KeyRef, token: ClaimToken): Promise<void> {
  await db.delete(t).where(and(heldBy(ref, token), isNull(t.responseStatus)));
}

export async function purgeExpiredKeys(db: Executor, ttlHours: number): Promise<number> {
  const deleted = await db
    .delete(t)
    .where(lt(t.createdAt, sql`now() - make_interval(hours => ${ttlHours})`))
    .returning({ key: t.key });
  return deleted.length;
}
