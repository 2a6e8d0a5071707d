import { createHmac, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Tools an attacker (or a test) uses to build tokens by hand. */

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function validClaims(user: { id: string; username: string }, now = Math.floor(Date.now() / 1000)) {
  return { sub: user.id, username: user.username, iss: 'paymesh-auth', aud: 'paymesh', iat: now, exp: now + 3600 };
}

export function signRs(claims: object, privateKey: KeyObject, header: { kid?: string; alg?: 'RS256' | 'RS512' } = {}): string {
  const { alg = 'RS256', kid } = header;
  return jwt.sign(claims, privateKey, { algorithm: alg, ...(kid === undefined ? {} : { keyid: kid }) });
}

export function unsignedToken(claims: object, kid: string): string {
  return `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(claims)}.`;
}

/** The classic key-confusion attack: HMAC with the (public) RSA key as the shared secret. */
export function hs256WithPublicKey(claims: object, publicKey: KeyObject, kid: string): string {
  const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(claims)}`;
  const secret = publicKey.export({ format: 'pem', type: 'spki' });
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** Keeps header and signature, swaps the claims: a signature made for other bytes. */
export function withTamperedClaims(token: string, change: (claims: Record<string, unknown>) => object): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  return `${header}.${b64(change(claims))}.${signature}`;
}
