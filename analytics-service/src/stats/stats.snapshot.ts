import type { ConsumerProgress } from '../consumer/consumer.progress.js';
import type { StatsFold } from './stats.fold.js';
import { renderStats, type RenderedStats } from './stats.view.js';

export interface StatsSnapshot {
  current(): RenderedStats;
}

/** Renders /stats once per visible change, so polling and the SSE stream cost a key comparison. */
export function createStatsSnapshot(fold: StatsFold, progress: ConsumerProgress): StatsSnapshot {
  let cachedKey = '';
  let cached: RenderedStats | undefined;
  return {
    current() {
      const view = progress.view();
      const key = `${fold.revision}|${view.lag}|${view.status}|${view.caught_up_to_start}|${view.stalled}|${view.log_truncated}`;
      if (!cached || key !== cachedKey) {
        cached = renderStats(fold, view);
        cachedKey = key;
      }
      return cached;
    },
  };
}
