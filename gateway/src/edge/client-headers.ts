import type { RequestHandler } from 'express';

/**
 * Headers some meshes use to tell services who the caller is. Ours never do: every service
 * verifies the bearer token itself and takes the user only from it. A client's copies are still
 * dropped at the edge, so no upstream added later could be fooled into trusting them.
 */
const IDENTITY_HEADERS = ['x-user-id', 'x-username'];

/**
 * Drops identity claims a client makes up, and replaces the forwarding chain with the address
 * the gateway saw, not a chain the client wrote.
 */
export function distrustClientHeaders(): RequestHandler {
  return (req, _res, next) => {
    const headers = req.headers;
    for (const name of IDENTITY_HEADERS) if (headers[name] !== undefined) delete headers[name];
    if (headers.forwarded !== undefined) delete headers.forwarded;
    headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
    next();
  };
}
