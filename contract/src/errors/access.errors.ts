import { defineErrors } from './error-entry.js';

// Every 401 names the scheme to use, as RFC 9110 asks of a 401.
const bearer = { 'WWW-Authenticate': 'Bearer' } as const;

/** Who is calling: accounts, tokens and the keys that sign them. */
export const accessErrors = defineErrors({
  UNAUTHORIZED: { status: 401, message: 'A valid bearer token is required', headers: bearer },
  INVALID_TOKEN: { status: 401, message: 'The token is invalid', headers: bearer },
  TOKEN_EXPIRED: { status: 401, message: 'The token has expired', headers: bearer, description: 'Sign in again for a new token.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The username or password is wrong', headers: bearer },
  USER_NOT_FOUND: { status: 404, message: 'This user no longer exists' },
  USERNAME_TAKEN: { status: 409, message: 'This username is already taken' },
  AUTH_BUSY: { status: 503, message: 'Too many logins at once, try again in a moment', headers: { 'Retry-After': '1' } },
  AUTH_KEYS_UNAVAILABLE: { status: 503, message: 'Tokens cannot be checked right now' },
});
