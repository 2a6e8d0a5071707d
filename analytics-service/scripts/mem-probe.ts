import { createLogger } from '@paymesh/shared/logger';
import { loadAnalyticsConfig } from '../src/config.js';
import { startService } from '../src/service.js';

const config = loadAnalyticsConfig();
const service = await startService(config, createLogger('probe', 'warn'));
const mb = (b: number) => Math.round(b / 2 ** 20);
for (;;) {
  if ((await fetch(`${service.url}/ready`)).ok) break;
  await new Promise((r) => setTimeout(r, 100));
}
const m1 = process.memoryUsage();
(globalThis as { gc?: () => void }).gc?.();
const m2 = process.memoryUsage();
console.log(JSON.stringify({ window: config.DEDUPE_WINDOW, fp: config.FETCH_PARTITION_BYTES, ext_after_gc: mb(m2.external), rss: mb(m1.rss), heap: mb(m1.heapUsed), heapTotal: mb(m1.heapTotal), ext: mb(m1.external), ab: mb(m1.arrayBuffers), rss_after_gc: mb(m2.rss), heap_after_gc: mb(m2.heapUsed), heapTotal_after_gc: mb(m2.heapTotal) }));
await service.stop();
process.exit(0);
