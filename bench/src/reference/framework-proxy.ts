import http from 'node:http';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

/**
 * The gateway's stack with none of the gateway: an Express app whose only middleware is
 * http-proxy-middleware over a keep-alive agent, as the gateway configures it (default plugins
 * ejected, no edge checks, no breaker, no logs). B1 and B2 run it beside the bare node:http
 * proxy, so the gateway's cost splits three ways: Node's HTTP stack, the framework and proxy
 * library the architecture names, and the edge work that is ours.
 * Usage: tsx bench/src/reference/framework-proxy.ts <port> <target-url>
 */
const [portArg, targetArg] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo' });

const app = express();
app.disable('x-powered-by');
app.disable('etag');
app.use(createProxyMiddleware({ target: targetArg ?? 'http://127.0.0.1:8081', agent, changeOrigin: true, ejectPlugins: true }));

const server = http.createServer(app);
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg ?? 0), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
