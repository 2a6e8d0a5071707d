import { Router } from 'express';
import type pg from 'pg';
import { readOutboxBacklog } from './outbox-backlog.js';

/**
 * GET /ops/outbox: how far behind the relay is, as two numbers and nothing about anyone's
 * data. The gateway folds it into its public operations summary.
 */
export function outboxSummaryRoutes({ pool, topic }: { pool: pg.Pool; topic: string }): Router {
  const router = Router();
  router.get('/ops/outbox', async (_req, res) => {
    const backlog = await readOutboxBacklog(pool, topic);
    res.set('Cache-Control', 'no-store').json({ topic, unsent: backlog.unsent, oldest_unsent_age_s: Math.round(backlog.oldestAgeSeconds * 10) / 10 });
  });
  return router;
}
