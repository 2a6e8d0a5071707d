import { Router } from 'express';
import { authenticatedUser, requireUser, type TokenVerifier } from '@paymesh/shared/auth';
import type { StatsFold } from './stats.fold.js';
import type { StatsSnapshot } from './stats.snapshot.js';
import type { StatsStream } from './stats.stream.js';
import { renderUserStats } from './stats.view.js';
import { SERIES_MINUTES } from './minute-series.js';

export interface StatsRoutesDeps {
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

export function statsRoutes({ fold, snapshot, stream, verifier }: StatsRoutesDeps): Router {
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
    await stream.connect(req, res);
  });

  return router;
}
