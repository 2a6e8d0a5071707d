import type { RequestHandler } from 'express';
import { AppError, errors } from '@paymesh/shared/errors';

/**
 * Characters a paymesh path may hold: no percent-encoding (no route needs it, and an encoded
 * slash, dot or backslash is how a path slips past a rule), no backslash.
 */
const PATH_CHARACTERS = /^[A-Za-z0-9._~!$&'()*+,;=:@/-]*$/;

function whyNotCanonical(target: string): string | undefined {
  if (!target.startsWith('/')) return 'the request target must be a path (origin-form), not a full URL';
  const path = target.split('?', 1)[0]!;
  if (path.includes('//')) return 'the path has an empty segment (//)';
  if (path.includes('\\')) return 'the path has a backslash';
  if (!PATH_CHARACTERS.test(path)) return 'the path has percent-encoded or unexpected characters';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'the path has a dot segment (/./ or /../)';
  return undefined;
}

/**
 * The first rule: a request target has one spelling. Every later rule (token checks, limits,
 * routing) matches on the path exactly as it is forwarded, so a rule can never be skipped by
 * writing the same path another way that the upstream would still understand.
 */
export function requireCanonicalPath(): RequestHandler {
  return (req, _res, next) => {
    const reason = whyNotCanonical(req.url);
    if (reason) throw new AppError(errors.NON_CANONICAL_PATH, { message: `Request refused: ${reason}` });
    next();
  };
}
