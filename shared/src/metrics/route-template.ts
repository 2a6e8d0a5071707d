import type { Request, Response } from 'express';

/** The label of a request that matched no route: one value, so scans of random URLs add no series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route a request matched, as its template (`/transactions/:id`, never the URL itself),
 * so label cardinality stays bounded by the number of routes. A handler mounted with `use`
 * (a proxy) may name its own in `res.locals.routeTemplate`.
 */
export function routeTemplateOf(req: Request, res: Response): string {
  const named = (res.locals as { routeTemplate?: unknown }).routeTemplate;
  if (typeof named === 'string') return named;
  const route = (req as { route?: { path?: string | string[] } }).route;
  if (!route || route.path === undefined) return UNMATCHED_ROUTE;
  const path = Array.isArray(route.path) ? route.path.join('|') : route.path;
  return `${req.baseUrl}${path}`;
}

/** 2xx, 4xx, 5xx: the class is what dashboards and alerts read; exact codes live in the logs. */
export function statusClassOf(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
