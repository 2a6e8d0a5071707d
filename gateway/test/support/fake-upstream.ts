import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/**
 * A small HTTP server standing in for an upstream's transport, for what only a test can do to
 * a real service at will: stop it, bring it back on the same port, make it slow. It records
 * what reached it and, by default, echoes the request as JSON and answers /ready with 200.
 */
export interface FakeUpstream {
  url: string;
  seen: SeenRequest[];
  handle(handler: UpstreamHandler): void;
  /** How many times /ready was asked. */
  readyCalls(): number;
  /** How /ready answers from now on: a status, or never. */
  ready(answer: number | 'never'): void;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export const echo: UpstreamHandler = (req, res, body) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ method: req.method, url: req.url, body }));
};

export async function startFakeUpstream(handler: UpstreamHandler = echo): Promise<FakeUpstream> {
  let current = handler;
  let readiness: number | 'never' = 200;
  let readyCalls = 0;
  const seen: SeenRequest[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/ready') {
        readyCalls++;
        if (readiness !== 'never') res.writeHead(readiness, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      current(req, res, body);
    });
  };

  let server = await listen(createServer(listener), 0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    handle(next) {
      current = next;
    },
    readyCalls: () => readyCalls,
    ready(answer) {
      readiness = answer;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async restart() {
      server = await listen(createServer(listener), port);
    },
  };
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
