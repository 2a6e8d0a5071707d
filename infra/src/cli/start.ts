import path from 'node:path';
import { loadInfraConfig } from '../config.js';
import { startMesh } from '../mesh.js';
import { dataDir } from '../paths.js';

/**
 * `npm start`: the whole mesh in the foreground with a short progress log.
 * A service that exits unexpectedly is restarted (see processes/supervise.ts); one that keeps
 * crashing stops the whole mesh with exit code 1. Ctrl-C stops every process it started; a
 * broker or database it found running stays up.
 */
const config = loadInfraConfig();
const log = (line: string) => console.log(`[paymesh] ${line}`);
const begun = Date.now();
const logDir = path.join(dataDir, 'logs');

let mesh;
try {
  mesh = await startMesh({
    infraConfig: config,
    withClient: true,
    log,
    logDir,
    paymentInstances: config.PAYMENT_INSTANCES,
    ports: {
      gateway: config.GATEWAY_PORT,
      auth: config.AUTH_PORT,
      payment: config.PAYMENT_PORT,
      analytics: config.ANALYTICS_PORT,
      client: config.CLIENT_PORT,
    },
  });
} catch (err) {
  console.error(`[paymesh] could not start: ${(err as Error).message}`);
  process.exit(1);
}

const running = mesh;
log(`everything is up in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
const api = `http://localhost:${config.GATEWAY_PORT}`;
log(`open ${running.urls.client}   (API: ${api}, stats: ${api}/stats)`);
log(`service logs: ${path.relative(process.cwd(), logDir) || logDir}/*.log   Ctrl-C to stop`);

let stopping = false;
function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  running.stop().then(
    () => {
      log('stopped');
      process.exit(exitCode);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAll(0));
// A service that keeps crashing is broken: a mesh without it would only pretend to work.
void running.failed.then((err) => {
  console.error(`[paymesh] ${err.message}; stopping everything`);
  stopAll(1);
});
// `npm start | tee log` and Ctrl-C: the reader dies first. Writing to it must not throw, or
// every line about stopping would raise an error whose report raises another, and the
// services would never be stopped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
// Whatever goes wrong in here, the children must not outlive us.
process.on('uncaughtException', (err) => {
  console.error('[paymesh] unexpected error:', err);
  stopAll(1);
});
