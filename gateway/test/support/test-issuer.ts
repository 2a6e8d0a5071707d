import { createHmac, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@paymesh/shared/auth';

/**
 * An issuer the test holds the private key of, publishing its public key as a JWKS the same
 * way auth-service does. Only for tokens the real auth-service will never hand out: expired,
 * for another audience or issuer. Everything else comes from the real service.
 */
export interface TestIssuer {
  jwksUrl: string;
  /** How many times the JWKS was fetched: verifiers must cache it, not ask per request. */
  jwksFetches(): number;
  /** A token like auth-service's, with any claim overridden (`exp` in seconds since the epoch). */
  sign(overrides?: Record<string, unknown>): string;
  stop(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-${randomUUID()}`;
  const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches++;
    res.setHeader('content-type', 'application/json').end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    jwksFetches: () => fetches,
    sign(overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: randomUUID(), username: 'test_user', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 600, ...overrides };
      const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
      return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(privateKey, 'base64url')}`;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function parts(token: string) {
  const [header, payload, signature] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>,
    signature: signature!,
  };
}

/** The ways an attacker bends a real token; each must be refused. */
export const forge = {
  /** Same claims, unsigned: `alg: none`. */
  algNone(token: string): string {
    const { header, payload } = parts(token);
    return `${base64url({ ...header, alg: 'none' })}.${base64url(payload)}.`;
  },
  /** Same claims, HMAC-signed with the issuer's public key as the secret (the classic key-confusion attack). */
  hs256WithPublicKey(token: string, publicKey: KeyObject): string {
    const { header, payload } = parts(token);
    const signingInput = `${base64url({ ...header, alg: 'HS256' })}.${base64url(payload)}`;
    const secret = publicKey.export({ format: 'pem', type: 'spki' });
    return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
  },
  /** Another user's id in the payload, the original signature kept. */
  tampered(token: string, sub: string): string {
    const [header, , signature] = token.split('.');
    return `${header}.${base64url({ ...parts(token).payload, sub })}.${signature}`;
  },
};
