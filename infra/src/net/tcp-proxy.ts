import net from 'node:net';

/**
 * Rewrites the bytes of one connection on their way through. Kafka needs it (see
 * kafka-frames.ts); PostgreSQL's bytes pass as they are.
 */
export interface ConnectionFilter {
  toUpstream(chunk: Buffer): Buffer[];
  toClient(chunk: Buffer): Buffer[];
}

const passThrough = (): ConnectionFilter => ({ toUpstream: (chunk) => [chunk], toClient: (chunk) => [chunk] });

/** A TCP link between one service and one dependency that a fault can cut or slow down. */
export interface TcpProxy {
  readonly port: number;
  /** Drops every open connection and refuses new ones: the dependency is unreachable. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  /** Holds every chunk this long before passing it on, in both directions (0: none). */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  target: { host: string; port: number };
  filter?: (proxyPort: number) => ConnectionFilter;
}

/**
 * Forwards in order with a delay: each chunk leaves no earlier than the one before it, so a
 * latency that changes mid-stream never reorders bytes.
 */
function delayedWriter(socket: net.Socket, latency: () => number) {
  let lastDue = 0;
  return (chunk: Buffer) => {
    const ms = latency();
    if (ms === 0 && lastDue <= Date.now()) {
      socket.write(chunk);
      return;
    }
    const due = Math.max(Date.now() + ms, lastDue);
    lastDue = due;
    setTimeout(() => socket.writable && socket.write(chunk), due - Date.now());
  };
}

export async function startTcpProxy({ target, filter }: TcpProxyOptions): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let port = 0;
  let latencyMs = 0;
  const latency = () => latencyMs;

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const bytes = (filter ?? passThrough)(port);
    sockets.add(client).add(upstream);
    const toUpstream = delayedWriter(upstream, latency);
    const toClient = delayedWriter(client, latency);
    client.on('data', (chunk: Buffer) => bytes.toUpstream(chunk).forEach(toUpstream));
    upstream.on('data', (chunk: Buffer) => bytes.toClient(chunk).forEach(toClient));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server.listening) return resolve();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const cut = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut,
    restore: listen,
    setLatency(ms) {
      latencyMs = ms;
    },
    close: cut,
  };
}
