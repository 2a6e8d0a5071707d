import { Router } from 'express';
import type { Upstream } from '../proxy/upstream.js';
import { readOpsSummary, type OpsSummary } from './ops.summary.js';

/** However many people watch the Operations view, the upstreams are asked at most this often. */
const CACHE_MS = 2000;

/**
 * `GET /ops`: the public operations summary, read once and shared by every caller for
 * CACHE_MS. Always 200: a degraded mesh is the answer, not a failure of this endpoint.
 */
export function opsRoutes(upstreams: { auth: Upstream; payment: Upstream; analytics: Upstream }, timeoutMs: number): Router {
  let cached: { at: number; summary: Promise<OpsSummary> } | undefined;
  const router = Router();
  router.get('/ops', async (_req, res) => {
    const now = Date.now();
    if (!cached || now - cached.at > CACHE_MS) cached = { at: now, summary: readOpsSummary(upstreams, timeoutMs) };
    const summary = await cached.summary;
    res.set('Cache-Control', `public, max-age=${CACHE_MS / 1000}`).json(summary);
  });
  return router;
}
