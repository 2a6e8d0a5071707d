import type { Request, Response } from 'express';
import { createSession, type Session } from 'better-sse';
import { AppError, errors } from '@paymesh/shared/errors';
import type { StatsSnapshot } from './stats.snapshot.js';

export interface StatsStream {
  /** Opens an SSE session sending at most one update per `intervalMs` (raised to the floor), or throws 429 when full. */
  connect(req: Request, res: Response, intervalMs: number): Promise<void>;
  /** The fold moved (called once per consumed batch, not per event). */
  changed: () => void;
  /** Streams open now, every client's. */
  open: () => number;
  close(): void;
}

/** The service's own defence against one client, or many, holding streams open. */
export interface StreamLimits {
  minIntervalMs: number;
  maxPerClient: number;
  maxTotal: number;
}

interface Subscriber {
  session: Session;
  intervalMs: number;
  lastSentAt: number;
  lastEtag: string;
  timer?: NodeJS.Timeout;
}

/** Catches changes no batch announces: lag seen by the end-offset refresh, the consumer's status. */
const SWEEP_MS = 1000;

/**
 * Pushes `stats` events to each open `/stats/stream`. A change is sent at once when the
 * subscriber's interval has passed since its last update, otherwise at the end of it: bursts
 * coalesce into one update per interval, and the first change after a quiet spell costs no wait.
 * Nothing is sent when the body is unchanged.
 */
export function createStatsStream(snapshot: StatsSnapshot, limits: StreamLimits): StatsStream {
  const subscribers = new Set<Subscriber>();
  // Counted from the moment a stream is admitted, before its session opens, so a burst of
  // connects cannot all pass the check while the first ones are still opening.
  const perClient = new Map<string, number>();
  let total = 0;

  function admit(client: string): () => void {
    const mine = perClient.get(client) ?? 0;
    if (mine >= limits.maxPerClient || total >= limits.maxTotal) {
      const which = mine >= limits.maxPerClient ? `${limits.maxPerClient} per client` : `${limits.maxTotal} in total`;
      throw new AppError(errors.TOO_MANY_STREAMS, {
        message: `Too many open streams (at most ${which}); close one or try again later`,
        headers: { 'Retry-After': '30' },
      });
    }
    perClient.set(client, mine + 1);
    total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      total--;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    };
  }

  function send(sub: Subscriber) {
    sub.timer = undefined;
    const { body, etag } = snapshot.current();
    if (etag === sub.lastEtag || !sub.session.isConnected) return;
    sub.lastEtag = etag;
    sub.lastSentAt = Date.now();
    sub.session.push(body, 'stats');
  }

  function schedule(sub: Subscriber) {
    if (sub.timer) return;
    sub.timer = setTimeout(() => send(sub), Math.max(0, sub.lastSentAt + sub.intervalMs - Date.now()));
  }

  const sweep = setInterval(() => subscribers.forEach(schedule), SWEEP_MS);
  sweep.unref();

  return {
    async connect(req, res, intervalMs) {
      // Behind the gateway this is the client's ip from X-Forwarded-For (trusted from loopback only).
      const release = admit(req.ip ?? req.socket.remoteAddress ?? 'unknown');
      let session: Session;
      try {
        session = await createSession(req, res, { keepAlive: 15_000 });
      } catch (err) {
        release();
        throw err;
      }
      const sub: Subscriber = { session, intervalMs: Math.max(intervalMs, limits.minIntervalMs), lastSentAt: 0, lastEtag: '' };
      subscribers.add(sub);
      session.once('disconnected', () => {
        clearTimeout(sub.timer);
        subscribers.delete(sub);
        release();
      });
      // A new subscriber gets the current numbers at once, not at the next change.
      send(sub);
    },
    changed: () => subscribers.forEach(schedule),
    open: () => subscribers.size,
    close() {
      clearInterval(sweep);
      subscribers.forEach((sub) => clearTimeout(sub.timer));
      subscribers.clear();
    },
  };
}
