import net from 'node:net';

/**
 * A TCP proxy in front of the shared broker that the test can cut and restore, so one service
 * loses Kafka while every other engineer's tests keep theirs. Kafka clients connect to the
 * addresses the broker advertises in Metadata responses, so the proxy rewrites those to itself;
 * otherwise the client would bootstrap through us and then bypass us.
 */
export interface KafkaProxy {
  port: number;
  /** Stops accepting and drops every open connection: the broker is unreachable. */
  cut(): Promise<void>;
  /** Listens again on the same port; does nothing when already listening. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

const METADATA = 3;

/** Rewrites each broker's host and port in a Metadata response (non-flexible versions 0–8). */
function rewriteMetadata(frame: Buffer, version: number, port: number): Buffer {
  if (version >= 9) throw new Error(`kafka-proxy: Metadata v${version} (flexible) is not supported`);
  let at = 4 + (version >= 3 ? 4 : 0); // correlation id, then throttle time
  const head = frame.subarray(0, at);
  const count = frame.readInt32BE(at);
  at += 4;
  const brokers: Buffer[] = [];
  const host = Buffer.from('127.0.0.1');
  for (let i = 0; i < count; i++) {
    const nodeId = frame.readInt32BE(at);
    at += 4;
    at += 2 + frame.readInt16BE(at) + 4; // original host and port
    const rackStart = at;
    if (version >= 1) {
      const rackLength = frame.readInt16BE(at);
      at += 2 + Math.max(rackLength, 0);
    }
    const entry = Buffer.alloc(4 + 2 + host.length + 4);
    entry.writeInt32BE(nodeId, 0);
    entry.writeInt16BE(host.length, 4);
    host.copy(entry, 6);
    entry.writeInt32BE(port, 6 + host.length);
    brokers.push(entry, frame.subarray(rackStart, at));
  }
  const countBuffer = Buffer.alloc(4);
  countBuffer.writeInt32BE(count);
  return Buffer.concat([head, countBuffer, ...brokers, frame.subarray(at)]);
}

/** Splits a byte stream into Kafka frames (an int32 size, then that many bytes). */
function framer(onFrame: (frame: Buffer) => void) {
  let pending = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = pending.readInt32BE(0);
      onFrame(pending.subarray(4, 4 + size));
      pending = pending.subarray(4 + size);
    }
  };
}

function sized(frame: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(frame.length);
  return Buffer.concat([size, frame]);
}

export async function startKafkaProxy(target: { host: string; port: number }): Promise<KafkaProxy> {
  const sockets = new Set<net.Socket>();
  let port = 0;

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const requests = new Map<number, { apiKey: number; version: number }>();
    client.on('data', framer((frame) => {
      requests.set(frame.readInt32BE(4), { apiKey: frame.readInt16BE(0), version: frame.readInt16BE(2) });
      upstream.write(sized(frame));
    }));
    upstream.on('data', framer((frame) => {
      const correlationId = frame.readInt32BE(0);
      const request = requests.get(correlationId);
      requests.delete(correlationId);
      client.write(sized(request?.apiKey === METADATA ? rewriteMetadata(frame, request.version, port) : frame));
    }));
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
    close: cut,
  };
}
