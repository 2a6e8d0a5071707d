import { createServer, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { answerClientErrorsAsJson } from './client-errors.js';

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** What every service's `startService(config, logger)` returns: where it listens and how to stop it. */
export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A listening server as a RunningService: `stop` closes the server first, so no request starts, then releases the rest. */
export function runningService(server: RunningServer, release: () => void | Promise<void>): RunningService {
  return {
    url: server.url,
    port: server.port,
    async stop() {
      await server.close();
      await release();
    },
  };
}

/** Listens on `port` (0 picks a free one) and returns how to reach and stop the server. */
export async function startHttpServer(
  handler: RequestListener,
  port: number,
  host = '127.0.0.1',
  options: ServerOptions = {},
): Promise<RunningServer> {
  const server = createServer(options, handler);
  answerClientErrorsAsJson(server);
  // Keep-alive longer than the gateway's agent so the gateway, not us, closes idle sockets.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    close: () => closeServer(server),
  };
}

/** Stops accepting, lets in-flight requests finish for a moment, then cuts long-lived ones (SSE). */
function closeServer(server: Server, graceMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
