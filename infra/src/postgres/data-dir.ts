import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** True when every existing parent of `dir` lets other users through (o+x). */
function reachableByOthers(dir: string): boolean {
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach its data directory.
 * A checkout under a private home directory (0700) would make initdb fail, so then the
 * data goes to a directory under the system temp folder, one per checkout.
 */
export function postgresDataDir(preferred: string, checkout: string, log: (line: string) => void): string {
  if (process.getuid?.() !== 0 || reachableByOthers(preferred)) return preferred;
  const id = createHash('sha256').update(checkout).digest('hex').slice(0, 12);
  const fallback = path.join(os.tmpdir(), `paymesh-${id}`, 'postgres');
  log(`the postgres user cannot reach ${preferred}; using ${fallback}`);
  return fallback;
}
