import { loadInfraConfig } from '../config.js';
import { ensureInfra } from '../infra.js';

/**
 * `npm run infra:up`: the broker and the database alone, in the foreground, for working on
 * one service (`npm test -w payment-service` then reuses them). Ctrl-C stops what it started.
 */
const log = (line: string) => console.log(`[infra] ${line}`);
const infra = await ensureInfra(loadInfraConfig(), log);
log(`Kafka:      ${infra.brokers.join(',')}`);
log(`PostgreSQL: ${infra.databaseUrls.auth}`);
log(`            ${infra.databaseUrls.payment}`);
log('ready; Ctrl-C to stop');
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    infra.stop().then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
}
