import { Agent } from 'node:http';
import type { RequestHandler } from 'express';
import { statsStreamQuerySchema } from '@paymesh/contract/analytics';
import { AppError, errors, validate } from '@paymesh/shared/errors';
import { clientKey } from '@paymesh/shared/http';
import { openStreamChannel, SSE_HEADERS, type StreamChannel } from './stream-channel.js';

export interface StreamLimits {
  maxPerClient: number;
  maxTotal: number;
  /** The fastest push interval a viewer may ask for; also the step intervals are rounded up to. */
  minIntervalMs: number;
}

/**
 * The interval a query asks for, as the one canonical value that names its channel: at least
 * the floor, rounded up to a multiple of it (so viewers share a few channels, not one each).
 */
function intervalOf(query: unknown, floorMs: number): number {
  const { interval_ms: raw } = validate(statsStreamQuerySchema, query);
  if (raw === undefined) return floorMs;
  return Math.max(floorMs, Math.ceil(Number(raw) / floorMs) * floorMs);
}

const tooManyStreams = (scope: string) =>
  new AppError(errors.TOO_MANY_STREAMS, {
    message: `Too many open live streams ${scope}; close one and try again`,
    headers: { 'Retry-After': '5' },
    details: { retry_after_s: 5 },
  });

/**
 * `GET /analytics/stats/stream`, served by the gateway from one upstream stream per interval:
 * upstream sockets stay at the number of distinct intervals, however many people watch.
 * Viewers are capped per client and in total; a viewer who leaves frees its slot at once.
 * `analyticsUrl` is asked each time a channel opens, so a new channel goes to an instance
 * that is ready then (every instance folds the same events into the same stats).
 */
export function statsStreamRoute(analyticsUrl: () => string, limits: StreamLimits): RequestHandler {
  const agent = new Agent({ keepAlive: false });
  const channels = new Map<number, StreamChannel>();
  const perClient = new Map<string, number>();
  let total = 0;

  const channelFor = (intervalMs: number) => {
    let channel = channels.get(intervalMs);
    if (!channel) {
      const url = new URL(`/stats/stream?interval_ms=${intervalMs}`, analyticsUrl()).href;
      const created = openStreamChannel(url, agent, () => channels.get(intervalMs) === created && channels.delete(intervalMs));
      channel = created;
      channels.set(intervalMs, channel);
    }
    return channel;
  };

  return (req, res) => {
    const intervalMs = intervalOf(req.query, limits.minIntervalMs);
    // A HEAD has no body to stream into: it must not hold a viewer slot or an upstream stream.
    if (req.method === 'HEAD') return void res.writeHead(200, SSE_HEADERS).end();
    const client = clientKey(req);
    const mine = perClient.get(client) ?? 0;
    if (mine >= limits.maxPerClient) throw tooManyStreams('from this client');
    if (total >= limits.maxTotal) throw tooManyStreams('on this gateway');
    perClient.set(client, mine + 1);
    total++;
    const channel = channelFor(intervalMs);
    res.once('close', () => {
      total--;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left === 0) perClient.delete(client);
      else perClient.set(client, left);
      channel.leave(res);
    });
    channel.join(res);
  };
}
