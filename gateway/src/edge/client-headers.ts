import type { RequestHandler } from 'express';

/** Headers through which the gateway tells services who the verified caller is. */
export const USER_ID_HEADER = 'x-user-id';
export const USERNAME_HEADER = 'x-username';

/**
 * Services trust identity only from the gateway, so a client's own claims are dropped before
 * anything else looks at them; and the client address is the one the gateway saw, not a
 * chain the client made up.
 */
export function distrustClientHeaders(): RequestHandler {
  return (req, _res, next) => {
    const headers = req.headers;
    if (headers[USER_ID_HEADER] !== undefined) delete headers[USER_ID_HEADER];
    if (headers[USERNAME_HEADER] !== undefined) delete headers[USERNAME_HEADER];
    if (headers.forwarded !== undefined) delete headers.forwarded;
    headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
    next();
  };
}
