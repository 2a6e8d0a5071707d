export interface StatsUpdate {
  /** performance.now() when the update arrived, in ms. */
  at: number;
  totalTransactions: number;
}

export interface StatsSubscription {
  updates: StatsUpdate[];
  close(): Promise<void>;
}

/**
 * Subscribes to analytics' `GET /stats/stream` (Server-Sent Events) with no throttle
 * (`interval_ms=0`: an update per consumed batch) and timestamps every `stats` event on arrival.
 * Resolves once the first event (the current numbers) has arrived.
 */
export async function subscribeToStats(analyticsUrl: string): Promise<StatsSubscription> {
  const controller = new AbortController();
  const res = await fetch(`${analyticsUrl}/stats/stream?interval_ms=0`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`stats stream answered ${res.status}`);
  const updates: StatsUpdate[] = [];
  let first!: () => void;
  const firstArrived = new Promise<void>((resolve) => (first = resolve));
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const at = performance.now();
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (!/^event:\s*stats$/m.test(message) || !data) continue;
        let parsed: unknown = JSON.parse(data);
        if (typeof parsed === 'string') parsed = JSON.parse(parsed);
        updates.push({ at, totalTransactions: (parsed as { total_transactions: number }).total_transactions });
        first();
      }
    }
  })();
  await firstArrived;
  return {
    updates,
    async close() {
      controller.abort();
      await reading;
    },
  };
}

/**
 * Commit-to-counted lag of each transaction, by rank: the j-th 201 to arrive is taken as counted
 * when the stream first shows at least j more transactions than before the run. Exact when
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
