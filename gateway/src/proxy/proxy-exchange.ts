import { Agent, type ClientRequest } from 'node:http';
import type { Request, Response } from 'express';
import { createProxyMiddleware, type Plugin } from 'http-proxy-middleware';
import { rawBodyOf } from '@paymesh/shared/http';
import { proxyTarget } from './proxy-target.js';
import { clientGone, upstreamFailed, upstreamTimedOut, upstreamUnreachable, type UpstreamError } from './upstream-errors.js';

/** One request on its way to the upstream, until the upstream's response headers arrive. */
interface Exchange {
  settle(error?: UpstreamError): void;
  proxyReq?: ClientRequest;
}

export interface ProxyExchange {
  /**
   * Forwards `req` and resolves once the upstream's response headers are in (the body then
   * streams on its own, so SSE is never buffered or cut), or rejects with an UpstreamError.
   */
  send(req: Request, res: Response, timeoutMs: number): Promise<void>;
  close(): void;
}

/**
 * http-proxy-middleware over one keep-alive agent. Its default plugins are ejected: they log
 * every response (building a URL each time) and answer errors with plain text, and we want
 * neither on the hot path.
 */
export function createProxyExchange(upstream: string, target: string): ProxyExchange {
  // LIFO keeps a few sockets hot instead of spreading requests over many cold ones.
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo', timeout: 30_000 });
  const pending = new WeakMap<Request, Exchange>();

  const settle = (req: Request, error?: UpstreamError): boolean => {
    const exchange = pending.get(req);
    if (!exchange) return false;
    pending.delete(req);
    exchange.settle(error);
    return true;
  };

  const events: Plugin<Request, Response> = (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      const exchange = pending.get(req);
      // Already answered (timed out before a socket was free): do not send it after all.
      if (!exchange) return void proxyReq.destroy();
      exchange.proxyReq = proxyReq;
      // A body the edge read (to find a username, or to bound a chunked one) goes on as the
      // very bytes that were checked, never re-serialised: same content, same charset, and a
      // Content-Length that matches (a chunked encoding kept as well would make it invalid).
      const raw = rawBodyOf(req);
      if (raw !== undefined) {
        proxyReq.removeHeader('transfer-encoding');
        proxyReq.setHeader('content-length', raw.length);
        proxyReq.write(raw);
      }
    });
    proxy.on('proxyRes', (proxyRes, req, res) => {
      // A client leaving an endless stream must release the upstream's stream, and an
      // upstream dying mid-stream must not leave the client waiting forever.
      res.once('close', () => !res.writableEnded && proxyRes.destroy());
      proxyRes.once('close', () => !proxyRes.complete && res.destroy());
      const status = proxyRes.statusCode ?? 502;
      settle(req, status >= 500 ? upstreamFailed(upstream, status) : undefined);
    });
    proxy.on('error', (err, req, res) => {
      const refused = (err as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      const error = req.socket.destroyed ? clientGone() : upstreamUnreachable(upstream, refused);
      if (!settle(req, error) && 'headersSent' in res && res.headersSent && !res.writableEnded) res.destroy();
    });
    proxy.on('econnreset', (_err, req) => settle(req, clientGone()));
  };

  const proxy = createProxyMiddleware<Request, Response>({
    target: proxyTarget(target),
    agent,
    changeOrigin: true,
    // Named for chaining proxies; here it means "send req.url as it is". Otherwise http-proxy
    // re-parses it with url.parse on every request, which costs CPU and re-escapes some
    // characters (' becomes %27), so the upstream would not see the target the edge checked.
    toProxy: true,
    ejectPlugins: true,
    plugins: [events],
  });

  return {
    send(req, res, timeoutMs) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const exchange = pending.get(req);
          if (settle(req, upstreamTimedOut(upstream, timeoutMs))) exchange?.proxyReq?.destroy();
        }, timeoutMs);
        pending.set(req, {
          settle(error) {
            clearTimeout(timer);
            if (error) reject(error);
            else resolve();
          },
        });
        // next() is only called when the proxy could not even start.
        void proxy(req, res, () => settle(req, upstreamUnreachable(upstream)));
      });
    },
    close() {
      agent.destroy();
    },
  };
}
