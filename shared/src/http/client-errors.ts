import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody, errors, type ErrorEntry } from '@paymesh/contract/errors';

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function answer(socket: Duplex, entry: ErrorEntry) {
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(entry, requestId));
  socket.end(
    `HTTP/1.1 ${entry.status} ${STATUS_TEXT[entry.status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * Requests Node refuses before any route sees them (headers over the 16 kB limit, a broken
 * request line) still get our JSON error shape instead of Node's bare plain-text answer,
 * as long as the socket can still be written to.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    if (err.code === 'HPE_HEADER_OVERFLOW') return answer(socket, errors.HEADERS_TOO_LARGE);
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answer(socket, errors.REQUEST_TIMEOUT);
    answer(socket, errors.MALFORMED_REQUEST);
  });
}
