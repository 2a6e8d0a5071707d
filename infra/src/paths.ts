import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root: infra/src/paths.ts is two levels below it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Downloaded, reproducible things (the Kafka jars): safe to delete, never committed. */
export const cacheDir = path.join(repoRoot, '.cache');

/** State of the local broker and database: delete it to start from empty. */
export const dataDir = path.join(repoRoot, '.data');
