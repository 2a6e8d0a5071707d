import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpSink {
  /** The base URL to give a service as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  /** Export requests received and their bytes so far: proof that spans were really sent. */
  received(): { requests: number; bytes: number };
  close(): Promise<void>;
}

/**
 * An OTLP/HTTP endpoint that reads every export and discards it, answering 200 as a collector
 * would. It lets a benchmark pay the whole cost of recording and exporting spans without a
 * collector process of its own competing for the cores.
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  let requests = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => ({ requests, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
