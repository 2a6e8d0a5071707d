import type { Request, Response } from 'express';
import { createChannel, createSession } from 'better-sse';
import type { StatsSnapshot } from './stats.snapshot.js';

export interface StatsStream {
  connect(req: Request, res: Response): Promise<void>;
  close(): void;
}

/**
 * Pushes `stats` events to every open `/stats/stream`. The fold is sampled on a timer rather
 * than per event, which coalesces bursts: one update per interval at most, and none when the
 * body is unchanged.
 */
export function createStatsStream(snapshot: StatsSnapshot, intervalMs: number): StatsStream {
  const channel = createChannel();
  let lastEtag = '';
  const timer = setInterval(() => {
    if (channel.sessionCount === 0) return;
    const { body, etag } = snapshot.current();
    if (etag === lastEtag) return;
    lastEtag = etag;
    channel.broadcast(body, 'stats');
  }, intervalMs);
  timer.unref();

  return {
    async connect(req, res) {
      const session = await createSession(req, res, { keepAlive: 15_000 });
      // A new subscriber gets the current numbers at once, not at the next change.
      session.push(snapshot.current().body, 'stats');
      channel.register(session);
    },
    close: () => clearInterval(timer),
  };
}
