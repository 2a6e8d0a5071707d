import jwt from 'jsonwebtoken';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@paymesh/shared/auth';
import type { Keyring } from '../keys/keyring.js';

export interface TokenSubject {
  id: string;
  username: string;
}

export function createTokenIssuer(deps: { keyring: Keyring; ttlSeconds: number }) {
  return {
    issue(user: TokenSubject): string {
      const key = deps.keyring.signingKey();
      return jwt.sign({ username: user.username }, key.privateKey, {
        algorithm: 'RS256',
        keyid: key.kid,
        subject: user.id,
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        expiresIn: deps.ttlSeconds,
      });
    },
  };
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;
