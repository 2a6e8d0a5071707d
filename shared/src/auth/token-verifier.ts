import jwt, { type JwtPayload } from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { unauthorized } from '../errors/index.js';
import { TOKEN_ALGORITHMS, TOKEN_AUDIENCE, TOKEN_ISSUER, type VerifiedUser } from './claims.js';

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedUser>;
}

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  /** How many JWKS refetches an unknown `kid` may trigger a minute, so forged kids cannot flood auth. */
  refetchesPerMinute?: number;
}

/**
 * Verifies tokens locally against the auth service's published keys: keys are cached and
 * refetched only when a token names a key we have not seen, so there is no network call
 * per request.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const jwks = new JwksClient({
    jwksUri: options.jwksUrl,
    cache: true,
    cacheMaxEntries: 10,
    cacheMaxAge: 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: options.refetchesPerMinute ?? 10,
    timeout: 3000,
  });

  return {
    async verify(token) {
      const decoded = jwt.decode(token, { complete: true });
      const kid = decoded?.header.kid;
      if (!decoded || typeof kid !== 'string') throw unauthorized('The token is malformed', 'INVALID_TOKEN');
      if (!(TOKEN_ALGORITHMS as readonly string[]).includes(decoded.header.alg)) {
        throw unauthorized('The token is signed with an algorithm we do not accept', 'INVALID_TOKEN');
      }
      let publicKey: string;
      try {
        publicKey = (await jwks.getSigningKey(kid)).getPublicKey();
      } catch {
        throw unauthorized('The token was signed with an unknown key', 'INVALID_TOKEN');
      }
      let payload: JwtPayload;
      try {
        payload = jwt.verify(token, publicKey, {
          algorithms: [...TOKEN_ALGORITHMS],
          issuer: options.issuer ?? TOKEN_ISSUER,
          audience: options.audience ?? TOKEN_AUDIENCE,
        }) as JwtPayload;
      } catch (err) {
        const expired = (err as Error).name === 'TokenExpiredError';
        throw unauthorized(expired ? 'The token has expired' : 'The token is invalid', expired ? 'TOKEN_EXPIRED' : 'INVALID_TOKEN');
      }
      if (typeof payload.sub !== 'string' || typeof payload.username !== 'string') {
        throw unauthorized('The token lacks a subject', 'INVALID_TOKEN');
      }
      return { userId: payload.sub, username: payload.username };
    },
  };
}
