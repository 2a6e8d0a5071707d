import { z } from 'zod';
import { toCents } from '../money/index.js';

/** Fields every event carries, whatever its type. */
export const envelopeFields = {
  event_id: z.uuid(),
  version: z.literal(1),
  occurred_at: z.iso.datetime({ offset: true }),
  /** The request that caused the event, so logs can be joined across services. */
  request_id: z.string().max(128).optional(),
  /**
   * The producer's per-user sequence: strictly greater than that of every earlier event of the
   * same user, in the order the user's writes committed, and the same number on every copy of
   * one event. A consumer that keeps each user's highest sequence recognises any redelivered copy,
   * however late. Optional: events written before it existed lack it, and consumers that do not
   * know it ignore it.
   */
  user_seq: z.int().positive().optional(),
};

/** A positive amount with at most two decimals, as in the public API. */
export const eventAmount = z.number().refine((n) => (toCents(n) ?? 0) > 0, 'a positive amount with at most 2 decimals');
