import { AppError, errors } from '@paymesh/shared/errors';
import { currentRequestId } from '@paymesh/shared/logger';
import type { Db, Tx } from '../db/database.js';
import { claimKey, completeKey, findKey, releaseKey, type ClaimToken, type KeyRef } from './idempotency.repository.js';

export interface HttpOutcome {
  status: number;
  body: unknown;
}

export interface IdempotentOutcome extends HttpOutcome {
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotentRequest {
  userId: string;
  key: string | undefined;
  /** What "the same request" means for the key; only computed when there is a key. */
  fingerprint: () => string;
}

export interface Idempotency {
  /** Runs `work` in one database transaction, at most once per (user, key). */
  run(request: IdempotentRequest, work: (tx: Tx) => Promise<HttpOutcome>): Promise<IdempotentOutcome>;
}

export interface IdempotencyDeps {
  db: Db;
  ttlHours: number;
  /**
   * A request still "in flight" after this long is taken to have died; a retry may take its
   * key over. The database's transaction timeout is shorter, so by then its work has ended.
   */
  leaseSeconds: number;
}

// Both carry Retry-After from the catalogue: by then the first attempt has finished or been taken over.
const takenOver = () => new AppError(errors.IDEMPOTENCY_KEY_TAKEN_OVER);
const inFlight = () => new AppError(errors.IDEMPOTENCY_KEY_IN_FLIGHT);

export function createIdempotency({ db, ttlHours, leaseSeconds }: IdempotencyDeps): Idempotency {
  async function answerFromEarlier(ref: KeyRef, fingerprint: string): Promise<IdempotentOutcome | undefined> {
    const earlier = await findKey(db, ref);
    if (!earlier) return undefined; // released meanwhile: claim again
    if (earlier.fingerprint !== fingerprint) {
      throw new AppError(errors.IDEMPOTENCY_KEY_REUSED);
    }
    if (earlier.responseStatus === null) throw inFlight();
    return { status: earlier.responseStatus, body: earlier.responseBody, replayed: true };
  }

  async function runClaimed(ref: KeyRef, token: ClaimToken, work: (tx: Tx) => Promise<HttpOutcome>): Promise<IdempotentOutcome> {
    try {
      // The answer is stored in the same transaction as the work: both happen, or neither. A
      // request whose claim was taken over meanwhile rolls its work back, so one key never
      // makes two transactions, and it cannot overwrite the answer of the retry that took over.
      return await db.transaction(async (tx) => {
        const outcome = await work(tx);
        if (!(await completeKey(tx, ref, token, outcome.status, outcome.body))) throw takenOver();
        return { ...outcome, replayed: false };
      });
    } catch (err) {
      // A refusal (cap exceeded) is the answer to this request, so it is replayed too;
      // a failure on our side frees the key for a retry. Both only while the claim is still ours.
      if (err instanceof AppError && err.status < 500) await completeKey(db, ref, token, err.status, err.responseBody(currentRequestId()));
      else await releaseKey(db, ref, token).catch(() => undefined);
      throw err;
    }
  }

  return {
    async run({ userId, key, fingerprint }, work) {
      if (key === undefined) return { ...(await db.transaction(work)), replayed: false };
      const ref = { userId, key };
      const print = fingerprint();
      for (let attempt = 0; attempt < 3; attempt++) {
        const token = await claimKey(db, ref, print, ttlHours, leaseSeconds);
        if (token) return runClaimed(ref, token, work);
        const earlier = await answerFromEarlier(ref, print);
        if (earlier) return earlier;
      }
      throw inFlight();
    },
  };
}
