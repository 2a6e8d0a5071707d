import { get, type Agent } from 'node:http';

/** Milliseconds since the epoch with a fraction: comparable between processes on one machine. */
export const nowMs = () => performance.timeOrigin + performance.now();

/** The first `data:` line of one event, without its field name; undefined for comments (keep-alives). */
function dataLineOf(event: string): string | undefined {
  const line = event.startsWith('data:') ? 0 : event.indexOf('\ndata:') + 1;
  if (line === 0 && !event.startsWith('data:')) return undefined;
  const end = event.indexOf('\n', line);
  return event.slice(line + 5, end === -1 ? undefined : end).trim();
}

export interface Viewer {
  close(): void;
}

/**
 * One dashboard viewer: a GET of an SSE stream over node:http, calling `onUpdate` with each
 * event's `data:` line and its arrival time. Deliberately small (no EventSource, no JSON
 * parsing per event), so thousands of them cost their load generator little CPU.
 * Resolves once the stream's headers are in; rejects with the status when refused.
 */
export function openViewer(
  url: string,
  options: { localAddress?: string; agent?: Agent },
  onUpdate: (data: string, atMs: number) => void,
): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { accept: 'text/event-stream' }, ...options }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream answered ${res.statusCode}`));
      }
      res.setEncoding('utf8');
      let pending = '';
      res.on('data', (chunk: string) => {
        const at = nowMs();
        pending += chunk;
        let end;
        while ((end = pending.indexOf('\n\n')) !== -1) {
          const event = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const data = dataLineOf(event);
          if (data !== undefined) onUpdate(data, at);
        }
      });
      res.on('error', () => undefined);
      resolve({ close: () => req.destroy() });
    });
    req.once('error', reject);
  });
}
