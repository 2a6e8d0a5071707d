import type { KeyObject } from 'node:crypto';
import type { Logger } from '@paymesh/shared/logger';
import type { KeysRepository, StoredSigningKey } from './keys.repository.js';
import { generateSigningKey, toSigningKey, type SigningKey } from './signing-key.js';

export interface KeyringOptions {
  repository: KeysRepository;
  logger: Logger;
  /** A key this old is replaced by a new one. */
  keyMaxAgeMs: number;
  tokenTtlMs: number;
  /** How often the keys are reread, to see keys other instances (or `rotate-key`) added. */
  refreshMs: number;
}

// Room for clocks that disagree a little between auth instances and verifiers.
const CLOCK_SKEW_MS = 60_000;
// Replaced keys are deleted this long after their successor appeared, far beyond any live token.
const MIN_RETENTION_MS = 7 * 24 * 3_600_000;

/**
 * The signing keys, shared by every instance through the database. A new key is published
 * at once but signs only after two refresh periods, so by then every instance (and so every
 * JWKS answer) already lists it. A replaced key stays published until the last token it
 * signed has expired, so a rotation logs nobody out.
 */
export function createKeyring(o: KeyringOptions) {
  const activationDelayMs = 2 * o.refreshMs;
  const parsed = new Map<string, SigningKey>();
  let keys: SigningKey[] = [];
  let timer: NodeJS.Timeout | undefined;

  const isDue = (newest: StoredSigningKey | undefined) => !newest || Date.now() - newest.createdAt.getTime() >= o.keyMaxAgeMs;

  async function load() {
    let rows = await o.repository.listKeys();
    if (isDue(rows[0])) {
      const added = await o.repository.addKeyIf(isDue, generateSigningKey);
      if (added) {
        o.logger.info({ kid: added.kid }, 'added a new signing key');
        const retentionMs = Math.max(MIN_RETENTION_MS, 2 * o.tokenTtlMs);
        const deleted = await o.repository.deleteKeysReplacedBefore(new Date(Date.now() - retentionMs));
        if (deleted > 0) o.logger.info({ deleted }, 'deleted long-replaced signing keys');
      }
      rows = await o.repository.listKeys();
    }
    keys = rows.map((row) => parsed.get(row.kid) ?? toSigningKey(row));
    parsed.clear();
    for (const key of keys) parsed.set(key.kid, key);
  }

  /** Keys that may still have live tokens: the signing key, newer ones, and replaced ones until their tokens expire. */
  function published(now = Date.now()): SigningKey[] {
    return keys.filter((_key, i) => {
      const successor = keys[i - 1];
      return !successor || successor.createdAt.getTime() + activationDelayMs + o.tokenTtlMs + CLOCK_SKEW_MS > now;
    });
  }

  return {
    async start() {
      await load();
      timer = setInterval(() => {
        load().catch((err: unknown) => o.logger.warn({ err }, 'could not reread the signing keys'));
      }, o.refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
    /** The newest key old enough to be known everywhere, or the only key of a fresh install. */
    signingKey(now = Date.now()): SigningKey {
      const active = keys.find((key) => key.createdAt.getTime() + activationDelayMs <= now) ?? keys[0];
      if (!active) throw new Error('the keyring is not loaded');
      return active;
    },
    publicKey(kid: string): KeyObject | undefined {
      return published().find((key) => key.kid === kid)?.publicKey;
    },
    jwks() {
      return { keys: published().map((key) => ({ ...key.publicJwk, kid: key.kid, alg: 'RS256', use: 'sig' })) };
    },
  };
}

export type Keyring = ReturnType<typeof createKeyring>;
