import type { RequestHandler } from 'express';
import { authenticatedUser } from '@paymesh/shared/auth';
import { USER_ID_HEADER, USERNAME_HEADER } from './client-headers.js';

/**
 * Tells the upstream who the verified caller is. The Authorization header still goes along:
 * services verify the token again and take the user only from it.
 */
export function forwardIdentity(): RequestHandler {
  return (req, res, next) => {
    const user = authenticatedUser(res);
    req.headers[USER_ID_HEADER] = user.userId;
    req.headers[USERNAME_HEADER] = user.username;
    next();
  };
}
