import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor, type RegisteredUser } from '@paymesh/infra/testing';
import { scrapeMetrics } from '@paymesh/shared/metrics-scrape';
import type { BenchMesh } from './bench-mesh.js';
import { measureCpu } from './cpu-time.js';
import { firePaced } from './paced-load.js';
import { residentMemory } from './process-memory.js';
import { nowMs, openViewer } from './sse-viewer.js';
import { establishedConnections } from './tcp-connections.js';
import { startViewerCrowd } from './viewer-crowd.js';

export interface AudienceRound {
  viewers: number;
  /** Per (viewer, update): arrival minus the update's own last_event_time, ms. */
  sinceEvent: number[];
  /** Per (crowd viewer, update): arrival minus the first viewer's arrival of the same update, ms. */
  behindFirst: number[];
  updates: number;
  missed: number;
  /** Most established gateway → analytics connections seen during the round, and before it. */
  upstreamDuring: number;
  upstreamBefore: number;
  /** Most stats streams analytics said it held open during the round (its analytics_open_streams gauge). */
  streamsDuring: number;
  gatewayRssMb: number;
  /** Share of one core each process used while the transactions flowed. */
  cpu: Record<string, number>;
  refused: Record<string, number>;
}

/** The time of the newest event an update covers; the stream's data may be JSON of a JSON string. */
function eventTimeOf(data: string): number {
  let body: unknown = JSON.parse(data);
  if (typeof body === 'string') body = JSON.parse(body);
  return Date.parse((body as { last_event_time: string }).last_event_time);
}

export interface AudienceSetup {
  mesh: BenchMesh;
  users: RegisteredUser[];
  gatewayPid: number;
  analyticsPid: number | undefined;
  perAddress: number;
  durationSec: number;
  ratePerSec: number;
}

/**
 * One round: a first viewer in this process (it joins first, so the gateway writes to it first),
 * `viewers - 1` more in a crowd process, then transactions created through the gateway at a
 * steady rate; every update the first viewer sees in that window is looked up in every viewer.
 */
export async function measureAudience(s: AudienceSetup, viewers: number): Promise<AudienceRound> {
  const streamUrl = `${s.mesh.urls.gateway}/analytics/stats/stream`;
  const analyticsPort = Number(new URL(s.mesh.urls.analytics).port);
  const upstreamBefore = establishedConnections(s.gatewayPid, analyticsPort);
  const firstSeen: { data: string; at: number }[] = [];
  const first = await openViewer(streamUrl, {}, (data, at) => firstSeen.push({ data, at }));
  const crowd = viewers > 1 ? await startViewerCrowd() : undefined;
  try {
    const opened = crowd ? await crowd.open(streamUrl, viewers - 1, s.perAddress) : { open: 0, failures: {} };
    await waitFor('the first viewer to get the current stats', () => Promise.resolve(firstSeen.length > 0), 30_000, 20);
    await crowd?.start();
    const windowStart = nowMs();
    let upstreamDuring = 0;
    let streamsDuring = 0;
    let gatewayRssMb = 0;
    const sample = setInterval(() => {
      upstreamDuring = Math.max(upstreamDuring, establishedConnections(s.gatewayPid, analyticsPort));
      gatewayRssMb = Math.max(gatewayRssMb, residentMemory(s.gatewayPid).serviceMb);
      // Streams counted by analytics itself: the kernel's count above also holds the gateway's
      // other keep-alive sockets to analytics (its /ready checks, proxied requests).
      void scrapeMetrics(s.mesh.urls.analytics).then(
        (scrape) => (streamsDuring = Math.max(streamsDuring, scrape.value('analytics_open_streams') ?? 0)),
        () => undefined,
      );
    }, 500);
    const pids = { gateway: s.gatewayPid, analytics: s.analyticsPid, ...(crowd ? { 'viewer crowd': crowd.pid } : {}) };
    const { cpu } = await measureCpu(pids, () =>
      firePaced({
        url: `${s.mesh.urls.gateway}/payment/transactions`,
        connections: 4,
        durationSec: s.durationSec,
        rate: s.ratePerSec,
        request: (k) => ({
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.users[k % s.users.length]!.token}` },
          body: JSON.stringify({ amount: 0.01, description: 'dashboard bench' }),
        }),
      }),
    );
    // The last updates of the window are still on their way: they get their second too.
    await sleep(1500);
    clearInterval(sample);
    const report = crowd ? await crowd.report() : { open: 0, receipts: new Map<string, number[]>() };
    const window = firstSeen.filter((u) => u.at > windowStart);
    const sinceEvent: number[] = [];
    const behindFirst: number[] = [];
    let missed = 0;
    for (const update of window) {
      const eventMs = eventTimeOf(update.data);
      sinceEvent.push(update.at - eventMs);
      const times = report.receipts.get(update.data) ?? [];
      missed += Math.max(0, report.open - times.length);
      for (const t of times) {
        sinceEvent.push(t - eventMs);
        behindFirst.push(t - update.at);
      }
    }
    const share = Object.fromEntries(Object.entries(cpu).map(([name, seconds]) => [name, seconds / s.durationSec]));
    return { viewers: 1 + report.open, sinceEvent, behindFirst, updates: window.length, missed, upstreamDuring, upstreamBefore, streamsDuring, gatewayRssMb, cpu: share, refused: opened.failures };
  } finally {
    first.close();
    await crowd?.stop();
  }
}
