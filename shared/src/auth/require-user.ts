import type { Request, RequestHandler, Response } from 'express';
import { AppError, errors } from '../errors/index.js';
import type { VerifiedUser } from './claims.js';
import type { TokenVerifier } from './token-verifier.js';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Rejects the request with 401 unless it carries a valid bearer token; keeps the user for the route. */
export function requireUser(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (!token) throw new AppError(errors.UNAUTHORIZED);
    res.locals.user = await verifier.verify(token);
    next();
  };
}

/** The verified caller. The only source of a user id: never a body or query field. */
export function authenticatedUser(res: Response): VerifiedUser {
  const user = res.locals.user as VerifiedUser | undefined;
  if (!user) throw new AppError(errors.UNAUTHORIZED);
  return user;
}
