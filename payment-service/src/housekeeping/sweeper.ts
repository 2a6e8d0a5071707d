import type { Logger } from '@paymesh/shared/logger';
import type { Db } from '../db/database.js';
import { purgeExpiredKeys } from '../idempotency/idempotency.repository.js';
import { purgeSent } from '../outbox/outbox.repository.js';

const SWEEP_EVERY_MS = 10 * 60_000;

export interface Sweeper {
  stop(): void;
}

/** Forgets idempotency keys past their promised lifetime and outbox rows long since published. */
export function startSweeper(deps: { db: Db; idempotencyTtlHours: number; outboxRetentionHours: number; logger: Logger }): Sweeper {
  const sweep = async () => {
    try {
      const keys = await purgeExpiredKeys(deps.db, deps.idempotencyTtlHours);
      const events = await purgeSent(deps.db, deps.outboxRetentionHours);
      if (keys + events > 0) deps.logger.info({ keys, events }, 'purged expired idempotency keys and sent outbox rows');
    } catch (err) {
      deps.logger.warn({ err }, 'housekeeping sweep failed; will try again');
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
