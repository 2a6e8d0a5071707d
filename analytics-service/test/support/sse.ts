import type { StatsBody } from '../../src/stats/stats.view.js';

export interface StatsEvents {
  next(timeoutMs?: number): Promise<StatsBody>;
  nextWhere(match: (s: StatsBody) => boolean, timeoutMs?: number): Promise<StatsBody>;
  close(): void;
}

/** Reads `event: stats` messages from an SSE endpoint, as a browser's EventSource would. */
export function readStatsEvents(url: string): StatsEvents {
  const controller = new AbortController();
  const queue: StatsBody[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;

  void (async () => {
    try {
      const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
      if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          // The field's value may follow the colon with or without a space (the SSE spec allows both).
          if (!lines.some((l) => /^event: ?stats$/.test(l))) continue;
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          queue.push(JSON.parse(data) as StatsBody);
          wake?.();
        }
      }
    } catch (err) {
      if (!controller.signal.aborted) failure = err as Error;
      wake?.();
    }
  })();

  async function next(timeoutMs = 10_000): Promise<StatsBody> {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (failure) throw failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no stats event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return queue.shift()!;
  }

  return {
    next,
    async nextWhere(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (match(event)) return event;
      }
    },
    close: () => controller.abort(),
  };
}
