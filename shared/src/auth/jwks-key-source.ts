import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface JwksKeySourceOptions {
  jwksUrl: string;
  /** At most this many JWKS fetches a minute, whatever kids the tokens name. */
  refetchesPerMinute: number;
  /** Keys are reread after this long even when every kid is known, so a withdrawn key stops working. */
  maxAgeMs: number;
  timeoutMs: number;
}

/** The JWKS could not be fetched and the key is not cached: we cannot tell whether the token is good. */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

interface Jwk extends JsonWebKey {
  kid?: unknown;
  use?: unknown;
}

function parseJwks(body: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (body as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('the JWKS has no keys array');
  for (const jwk of list as Jwk[]) {
    // Only RSA signing keys for RS256 are usable: anything else in the set is ignored.
    if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA') continue;
    if ((jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256')) continue;
    try {
      keys.set(jwk.kid, createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }));
    } catch {
      // A malformed key cannot verify anything; the others still can.
    }
  }
  return keys;
}

/**
 * Public keys by kid, from the auth service's JWKS. Known kids are answered from memory (no
 * network call per request). An unknown kid triggers a refetch, but fetches are spaced by a
 * minimum interval and concurrent ones share a single request, so forged kids cannot make us
 * hammer the auth service. When auth is down, cached keys keep working.
 */
export function createJwksKeySource(o: JwksKeySourceOptions) {
  const minIntervalMs = 60_000 / o.refetchesPerMinute;
  let keys = new Map<string, KeyObject>();
  let fetchedAt = -Infinity;
  let attemptedAt = -Infinity;
  let inflight: Promise<void> | undefined;

  async function fetchKeys(): Promise<void> {
    attemptedAt = Date.now();
    const res = await fetch(o.jwksUrl, { signal: AbortSignal.timeout(o.timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`the JWKS answered ${res.status}`);
    keys = parseJwks(await res.json());
    fetchedAt = Date.now();
  }

  function refresh(): Promise<void> {
    inflight ??= fetchKeys().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  return {
    async get(kid: string): Promise<KeyObject | undefined> {
      const fresh = Date.now() - fetchedAt < o.maxAgeMs;
      if (fresh && keys.has(kid)) return keys.get(kid);
      if (inflight || Date.now() - attemptedAt >= minIntervalMs) {
        // On failure keep serving what we have: a stale key beats logging everyone out while auth is down.
        await refresh().catch(() => undefined);
      }
      if (keys.has(kid)) return keys.get(kid);
      if (fetchedAt === -Infinity) throw new KeysUnavailableError('the token keys could not be fetched');
      return undefined;
    },
  };
}
