import { setTimeout as sleep } from 'node:timers/promises';

export interface StatsUpdate {
  /** performance.now() when the new numbers arrived, in ms. */
  at: number;
  totalTransactions: number;
}

export interface StatsPoller {
  updates: StatsUpdate[];
  close(): Promise<void>;
}

/**
 * Polls analytics' `GET /stats` every `everyMs`, revalidating with the last ETag, and timestamps
 * each changed body on arrival: when the count became readable, to within the poll's period plus
 * one round trip. Polled rather than read from `/stats/stream`, which sends at most one update per
 * 250 ms to anyone (a floor against clients asking for floods), and so would time the floor.
 * An unchanged body costs a 304 with no payload. Resolves once the current numbers arrived.
 */
export async function pollStats(analyticsUrl: string, everyMs: number): Promise<StatsPoller> {
  const updates: StatsUpdate[] = [];
  let etag = '';
  let stopped = false;
  const pollOnce = async () => {
    const res = await fetch(`${analyticsUrl}/stats`, { headers: etag ? { 'if-none-match': etag } : {} });
    if (res.status === 304) return;
    if (res.status !== 200) throw new Error(`GET /stats answered ${res.status}`);
    const body = (await res.json()) as { total_transactions: number };
    updates.push({ at: performance.now(), totalTransactions: body.total_transactions });
    etag = res.headers.get('etag') ?? '';
  };
  await pollOnce();
  let failure: Error | undefined;
  // A failed poll ends polling; close() reports it, so the row fails with the reason instead of
  // the process dying of an unhandled rejection while the load still runs.
  const polling = (async () => {
    while (!stopped) {
      await sleep(everyMs);
      await pollOnce();
    }
  })().catch((err: unknown) => (failure = err instanceof Error ? err : new Error(String(err))));
  return {
    updates,
    async close() {
      stopped = true;
      await polling;
      if (failure) throw failure;
    },
  };
}

/**
 * Commit-to-counted lag of each transaction, by rank: the j-th 201 to arrive is taken as counted
 * when the poller first reads at least j more transactions than before the run. Exact when
 * analytics counts in the order the answers arrive; otherwise it pairs order statistics, which
 * keeps the distribution (p50, p99) while blurring which transaction had which lag.
 */
export function lagsByRank(responses: number[], updates: StatsUpdate[], baseline: number): number[] {
  const sortedResponses = [...responses].sort((a, b) => a - b);
  const lags: number[] = [];
  let k = 0;
  for (let j = 0; j < sortedResponses.length; j += 1) {
    while (k < updates.length && updates[k]!.totalTransactions - baseline < j + 1) k += 1;
    if (k >= updates.length) break;
    lags.push(updates[k]!.at - sortedResponses[j]!);
  }
  return lags;
}
