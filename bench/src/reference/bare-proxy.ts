import http from 'node:http';

/**
 * The least a Node reverse proxy can do: node:http in, node:http out over a keep-alive agent,
 * bodies piped, no framework, no checks. B1 and B2 run it as a third side, so the gateway's
 * cost splits into what Node's HTTP stack costs on this machine and what our edge adds.
 * Usage: tsx bench/src/reference/bare-proxy.ts <port> <target-url>
 */
const [portArg, targetArg] = process.argv.slice(2);
const target = new URL(targetArg ?? 'http://127.0.0.1:8081');
const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo' });

const server = http.createServer((req, res) => {
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      upstreamRes.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg ?? 0), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
