import type { Request, Response } from 'express';
import { createSession, type Session } from 'better-sse';
import type { StatsSnapshot } from './stats.snapshot.js';

export interface StatsStream {
  /** Opens an SSE session sending at most one update per `intervalMs`. */
  connect(req: Request, res: Response, intervalMs: number): Promise<void>;
  /** The fold moved (called once per consumed batch, not per event). */
  changed: () => void;
  close(): void;
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
export function createStatsStream(snapshot: StatsSnapshot): StatsStream {
  const subscribers = new Set<Subscriber>();

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
      const session = await createSession(req, res, { keepAlive: 15_000 });
      const sub: Subscriber = { session, intervalMs, lastSentAt: 0, lastEtag: '' };
      subscribers.add(sub);
      session.once('disconnected', () => {
        clearTimeout(sub.timer);
        subscribers.delete(sub);
      });
      // A new subscriber gets the current numbers at once, not at the next change.
      send(sub);
    },
    changed: () => subscribers.forEach(schedule),
    close() {
      clearInterval(sweep);
      subscribers.forEach((sub) => clearTimeout(sub.timer));
      subscribers.clear();
    },
  };
}
