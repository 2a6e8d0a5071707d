import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type JsonWebKey, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generateRsaKeyPair = promisify(generateKeyPair);

export interface NewSigningKey {
  kid: string;
  privateKeyPem: string;
  publicJwk: JsonWebKey;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JsonWebKey;
  createdAt: Date;
}

/**
 * The RFC 7638 thumbprint of the public key: a kid that names the key itself, so two
 * instances can never publish different keys under one kid.
 */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

export async function generateSigningKey(): Promise<NewSigningKey> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const publicJwk = publicKey.export({ format: 'jwk' });
  return {
    kid: jwkThumbprint(publicJwk),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk,
  };
}

export function toSigningKey(row: { kid: string; privateKeyPem: string; publicJwk: JsonWebKey; createdAt: Date }): SigningKey {
  const privateKey = createPrivateKey(row.privateKeyPem);
  return { ...row, privateKey, publicKey: createPublicKey(privateKey) };
}
