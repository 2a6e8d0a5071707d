import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestId } from '../logger/index.js';

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids from outside are echoed into logs and headers, so only a short, plain token is accepted.
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** Adopts a well-formed X-Request-Id or makes one, returns it, and scopes the rest of the request to it. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const id = incoming && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader('X-Request-Id', id);
    runWithRequestId(id, next);
  };
}
