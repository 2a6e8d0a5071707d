import { Router } from 'express';
import { z } from 'zod';
import { streamIntervalSchema } from '@paymesh/contract/analytics';
import { validate } from '@paymesh/shared/errors';
import { authenticatedUser, requireUser, type TokenVerifier } from '@paymesh/shared/auth';
import type { StatsFold } from './stats.fold.js';
import type { StatsSnapshot } from './stats.snapshot.js';
import type { StatsStream } from './stats.stream.js';
import { renderUserStats } from './stats.view.js';
import { SERIES_MINUTES } from './minute-series.js';

// The public rule for the interval. Called directly, analytics answers a bad one with the generic
// VALIDATION_FAILED; the gateway in front answers with its own INVALID_INTERVAL.
const streamQuery = z.object({ interval_ms: streamIntervalSchema });

export interface StatsRoutesDeps {
  /** Default least time between two updates of one stream. */
  streamIntervalMs: number;
  fold: StatsFold;
  snapshot: StatsSnapshot;
  stream: StatsStream;
  verifier: TokenVerifier;
}

/**
 * Compared by hand rather than with `req.fresh`: fetch() adds `Cache-Control: no-cache` to any
 * request carrying If-None-Match, and `fresh` then never answers 304 to a polling script.
 */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

export function statsRoutes({ fold, snapshot, stream, verifier, streamIntervalMs }: StatsRoutesDeps): Router {
  const router = Router();

  router.get('/stats', (req, res) => {
    const { body, etag } = snapshot.current();
    // Pollers revalidate every time; an unchanged body costs a 304 with no payload.
    res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
    if (matchesEtag(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    res.json(body);
  });

  router.get('/stats/me', requireUser(verifier), (_req, res) => {
    const { userId } = authenticatedUser(res);
    res.json(renderUserStats(userId, fold.user(userId)));
  });

  router.get('/stats/timeseries', (_req, res) => {
    res.json({ minutes: SERIES_MINUTES, points: fold.series.points() });
  });

  router.get('/stats/stream', async (req, res) => {
    const { interval_ms } = validate(streamQuery, req.query);
    await stream.connect(req, res, interval_ms === undefined ? streamIntervalMs : Number(interval_ms));
  });

  return router;
}
