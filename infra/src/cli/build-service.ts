import { parseArgs } from 'node:util';
import { bundleService, type Entries } from '../build/bundle-service.js';

/**
 * A service's `npm run build`, run in its folder (as its Dockerfile does):
 *   tsx ../infra/src/cli/build-service.ts main=src/main.ts [name=src/other.ts …] [--copy drizzle]
 */
const { values, positionals } = parseArgs({ options: { copy: { type: 'string', multiple: true } }, allowPositionals: true });
const entries: Entries = {};
for (const arg of positionals) {
  const [name, source] = arg.split('=');
  if (!name || !source) {
    console.error(`build-service: "${arg}" is not name=path/to/entry.ts`);
    process.exit(2);
  }
  entries[name] = source;
}
if (!entries.main) {
  console.error('build-service: a main=src/main.ts entry is required');
  process.exit(2);
}

const outputs = await bundleService({ serviceDir: process.cwd(), entries, copy: values.copy ?? [] });
console.log(`built ${outputs.join(', ')}`);
