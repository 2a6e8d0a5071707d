import type { JsonWebKey } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { signingKeys } from '../db/schema.js';
import type { NewSigningKey } from './signing-key.js';

export interface StoredSigningKey {
  kid: string;
  privateKeyPem: string;
  publicJwk: JsonWebKey;
  createdAt: Date;
}

// Serialises rotations across instances: only one of them adds the next key.
const ROTATION_LOCK_ID = 80_810_002;

export function createKeysRepository(db: Db) {
  return {
    /** Newest first. */
    async listKeys(): Promise<StoredSigningKey[]> {
      return db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
    },

    /**
     * Adds `next()` as the newest key unless, once the lock is held, `stillNeeded` says another
     * instance has already rotated in the meantime.
     */
    async addKeyIf(stillNeeded: (newest: StoredSigningKey | undefined) => boolean, next: () => Promise<NewSigningKey>) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${ROTATION_LOCK_ID})`);
        const [newest] = await tx.select().from(signingKeys).orderBy(desc(signingKeys.createdAt)).limit(1);
        if (!stillNeeded(newest)) return undefined;
        const key = await next();
        const [row] = await tx.insert(signingKeys).values(key).returning();
        return row;
      });
    },

    /**
     * Deletes keys replaced before `cutoff`: none of their tokens can still be alive, and a
     * private key that no longer exists cannot leak.
     */
    async deleteKeysReplacedBefore(cutoff: Date): Promise<number> {
      const result = await db.execute(sql`
        delete from ${signingKeys} as old
        where exists (
          select 1 from ${signingKeys} as newer
          where newer.created_at > old.created_at and newer.created_at < ${cutoff.toISOString()}
        )`);
      return result.rowCount ?? 0;
    },
  };
}

export type KeysRepository = ReturnType<typeof createKeysRepository>;
