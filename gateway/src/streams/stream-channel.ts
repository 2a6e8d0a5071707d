import { Agent, get, type ClientRequest } from 'node:http';
import type { Response } from 'express';
import { errorBody, errors } from '@paymesh/contract/errors';

export interface StreamChannel {
  /** Adds a viewer: it gets the latest event at once, then every event the upstream sends. */
  join(res: Response): void;
  leave(res: Response): void;
  viewers(): number;
}

/** The upstream would not stream: a viewer still waiting gets our error shape, not a dropped socket. */
function unavailable(res: Response) {
  const error = { ...errors.UPSTREAM_UNREACHABLE, message: 'The analytics service could not be reached' };
  res.status(error.status).json(errorBody(error, res.getHeader('x-request-id') as string | undefined));
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };

/**
 * One upstream SSE stream shared by every viewer of the same canonical query. The upstream
 * already coalesces bursts into one event per interval; the channel copies each complete event
 * to every viewer and keeps the last data event for the next viewer who joins. When the
 * upstream fails or ends, every viewer's stream is cut, so their EventSource reconnects.
 */
export function openStreamChannel(url: string, agent: Agent, onEmpty: () => void): StreamChannel {
  const viewers = new Set<Response>();
  let upstream: ClientRequest | undefined;
  let live = false;
  let pending = '';
  let lastEvent: string | undefined;

  const startViewer = (res: Response) => {
    // Flushed at once: a viewer must learn the stream is open before the first event.
    res.writeHead(200, SSE_HEADERS).flushHeaders();
    if (lastEvent) res.write(lastEvent);
  };

  const shutDown = () => {
    upstream?.destroy();
    upstream = undefined;
    for (const res of viewers) {
      if (res.headersSent) res.destroy();
      else unavailable(res);
    }
    viewers.clear();
    onEmpty();
  };

  upstream = get(url, { agent, headers: { accept: 'text/event-stream' } }, (upstreamRes) => {
    if (upstreamRes.statusCode !== 200) return shutDown();
    live = true;
    viewers.forEach(startViewer);
    upstreamRes.setEncoding('utf8');
    upstreamRes.on('data', (chunk: string) => {
      pending += chunk;
      let end;
      while ((end = pending.indexOf('\n\n')) !== -1) {
        const event = pending.slice(0, end + 2);
        pending = pending.slice(end + 2);
        if (/^data:/m.test(event)) lastEvent = event;
        for (const res of viewers) res.write(event);
      }
    });
    upstreamRes.once('close', shutDown);
  });
  upstream.once('error', shutDown);

  return {
    join(res) {
      viewers.add(res);
      if (live) startViewer(res);
    },
    leave(res) {
      viewers.delete(res);
      if (viewers.size === 0) shutDown();
    },
    viewers: () => viewers.size,
  };
}
