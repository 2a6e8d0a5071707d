import type { KeyObject } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { AppError, errors } from '../errors/index.js';
import { TOKEN_ALGORITHMS, TOKEN_AUDIENCE, TOKEN_ISSUER, type VerifiedUser } from './claims.js';
import { createJwksKeySource, KeysUnavailableError } from './jwks-key-source.js';
import { cacheVerifiedTokens, type VerifiedTokenCacheOptions } from './verified-token-cache.js';

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedUser>;
}

export interface TokenVerifierOptions {
  /** Where the auth service publishes its public keys. */
  jwksUrl?: string;
  /** Looks a public key up directly instead of through a JWKS: the auth service verifies its own tokens so. */
  publicKey?: (kid: string) => KeyObject | undefined | Promise<KeyObject | undefined>;
  issuer?: string;
  audience?: string;
  /** How many JWKS refetches an unknown `kid` may trigger a minute, so forged kids cannot flood auth. */
  refetchesPerMinute?: number;
  /** Seconds of clock difference tolerated between the auth service and us on `exp`, `nbf` and `iat`. */
  clockToleranceSeconds?: number;
  /**
   * Remembers verified tokens so a client's repeat requests skip the RS256 check (see
   * cacheVerifiedTokens); absent or maxEntries 0, every request is verified.
   */
  cache?: VerifiedTokenCacheOptions;
}

// Real tokens are well under 1 kB; parsing megabytes of base64 for an attacker is wasted CPU.
const MAX_TOKEN_LENGTH = 4096;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (message?: string) => new AppError(errors.INVALID_TOKEN, { message });

function decodeHeader(token: string): jwt.JwtHeader | undefined {
  try {
    return jwt.decode(token, { complete: true })?.header;
  } catch {
    return undefined;
  }
}

function keyLookup(options: TokenVerifierOptions) {
  if (options.publicKey) return options.publicKey;
  if (!options.jwksUrl) throw new Error('createTokenVerifier needs a jwksUrl or a publicKey lookup');
  const jwks = createJwksKeySource({
    jwksUrl: options.jwksUrl,
    refetchesPerMinute: options.refetchesPerMinute ?? 10,
    maxAgeMs: 10 * 60_000,
    timeoutMs: 3000,
  });
  return (kid: string) => jwks.get(kid);
}

/**
 * Verifies tokens locally against the auth service's published keys. Only RS256 is accepted
 * (pinned here, never read from the token), `iss`, `aud`, `exp` and the subject must be
 * present and right; every failure is a 401 with `WWW-Authenticate: Bearer`.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const verifier = createUncachedVerifier(options);
  return options.cache ? cacheVerifiedTokens(verifier, options.cache) : verifier;
}

function createUncachedVerifier(options: TokenVerifierOptions): TokenVerifier {
  const lookup = keyLookup(options);
  const algorithms = [...TOKEN_ALGORITHMS];

  return {
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) throw invalid('The token is too long');
      const header = decodeHeader(token);
      if (!header) throw invalid('The token is malformed');
      // Checked before any key lookup, so `alg: none` or HS256 tokens never reach the network.
      if (!(algorithms as string[]).includes(header.alg)) throw invalid('The token is signed with an algorithm we do not accept');
      if (typeof header.kid !== 'string') throw invalid('The token does not name its key');

      let key: KeyObject | undefined;
      try {
        key = await lookup(header.kid);
      } catch (err) {
        if (err instanceof KeysUnavailableError) throw new AppError(errors.AUTH_KEYS_UNAVAILABLE, { cause: err });
        throw err;
      }
      if (!key) throw invalid('The token was signed with an unknown key');

      let payload: JwtPayload;
      try {
        payload = jwt.verify(token, key, {
          algorithms,
          issuer: options.issuer ?? TOKEN_ISSUER,
          audience: options.audience ?? TOKEN_AUDIENCE,
          clockTolerance: options.clockToleranceSeconds ?? 5,
        }) as JwtPayload;
      } catch (err) {
        if ((err as Error).name === 'TokenExpiredError') throw new AppError(errors.TOKEN_EXPIRED);
        throw invalid();
      }
      // jsonwebtoken accepts a token without `exp`; a token that never expires is not one we issue.
      if (typeof payload.exp !== 'number') throw invalid('The token has no expiry');
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) throw invalid('The token lacks a valid subject');
      if (typeof payload.username !== 'string') throw invalid('The token lacks a username');
      return { userId: payload.sub, username: payload.username };
    },
  };
}
