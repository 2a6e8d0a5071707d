import type { ConnectionFilter } from './tcp-proxy.js';

/**
 * Kafka clients bootstrap from one address, then connect to whatever the broker advertises in
 * its Metadata responses. A proxy that passed those through would be bypassed after the first
 * request, so this filter rewrites every advertised broker to the proxy itself.
 */
const METADATA_API_KEY = 3;

/** Replaces each broker's host and port in a Metadata response body (the non-flexible versions 0-8). */
function advertiseProxy(frame: Buffer, version: number, proxyPort: number): Buffer {
  if (version >= 9) throw new Error(`Metadata v${version} uses the flexible encoding, which this proxy does not rewrite`);
  let at = 4 + (version >= 3 ? 4 : 0); // correlation id, then throttle time from v3
  const count = frame.readInt32BE(at);
  const parts: Buffer[] = [frame.subarray(0, at + 4)];
  at += 4;
  const host = Buffer.from('127.0.0.1');
  for (let i = 0; i < count; i++) {
    const nodeId = frame.readInt32BE(at);
    at += 4;
    at += 2 + frame.readInt16BE(at) + 4; // skip the advertised host and port
    const rest = at;
    if (version >= 1) at += 2 + Math.max(frame.readInt16BE(at), 0); // rack
    const broker = Buffer.alloc(4 + 2 + host.length + 4);
    broker.writeInt32BE(nodeId, 0);
    broker.writeInt16BE(host.length, 4);
    host.copy(broker, 6);
    broker.writeInt32BE(proxyPort, 6 + host.length);
    parts.push(broker, frame.subarray(rest, at));
  }
  parts.push(frame.subarray(at));
  return Buffer.concat(parts);
}

/** Cuts a byte stream into whole frames (an int32 size, then that many bytes). */
function frames() {
  let pending = Buffer.alloc(0);
  return (chunk: Buffer): Buffer[] => {
    pending = Buffer.concat([pending, chunk]);
    const whole: Buffer[] = [];
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = pending.readInt32BE(0);
      whole.push(pending.subarray(4, 4 + size));
      pending = pending.subarray(4 + size);
    }
    return whole;
  };
}

function sized(frame: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(frame.length);
  return Buffer.concat([size, frame]);
}

/** One connection's filter: remembers each request's API and version by correlation id, to read its response. */
export function kafkaMetadataFilter(proxyPort: number): ConnectionFilter {
  const requests = new Map<number, { apiKey: number; version: number }>();
  const requestFrames = frames();
  const responseFrames = frames();
  return {
    toUpstream(chunk) {
      return requestFrames(chunk).map((frame) => {
        requests.set(frame.readInt32BE(4), { apiKey: frame.readInt16BE(0), version: frame.readInt16BE(2) });
        return sized(frame);
      });
    },
    toClient(chunk) {
      return responseFrames(chunk).map((frame) => {
        const correlationId = frame.readInt32BE(0);
        const request = requests.get(correlationId);
        requests.delete(correlationId);
        return sized(request?.apiKey === METADATA_API_KEY ? advertiseProxy(frame, request.version, proxyPort) : frame);
      });
    },
  };
}
