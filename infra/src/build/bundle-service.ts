import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Output name (without `.js`) to source path, relative to the service's folder. */
export type Entries = Record<string, string>;

export interface BundleOptions {
  /** The service's folder; `dist/` is written there. */
  serviceDir: string;
  entries: Entries;
  /** Folders the service reads at run time (its migrations), copied into `dist/` as they are. */
  copy?: string[];
}

/**
 * Our own workspace packages export TypeScript source, which plain node cannot load, so they are
 * bundled in. Every other package stays an import that the image's production install satisfies:
 * no copy of a dependency hides inside the bundle, and the lockfile alone says what ships.
 */
const ownWorkspacesOnly: Plugin = {
  name: 'own-workspaces-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@paymesh/') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Compiles a service to JavaScript for its image. Each entry becomes `dist/<name>.js`, all side
 * by side, so a worker file sits beside the bundle that starts it; with the copied folders,
 * `dist/` is everything the image needs besides its production node_modules.
 */
export async function bundleService({ serviceDir, entries, copy = [] }: BundleOptions): Promise<string[]> {
  const outdir = path.join(serviceDir, 'dist');
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: serviceDir,
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Stack traces point into the TypeScript (the image runs node with --enable-source-maps).
    sourcemap: 'linked',
    sourcesContent: false,
    plugins: [ownWorkspacesOnly],
    logLevel: 'warning',
    metafile: true,
  });
  for (const folder of copy) await cp(path.join(serviceDir, folder), path.join(outdir, path.basename(folder)), { recursive: true });
  return [...Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')), ...copy.map((folder) => `dist/${path.basename(folder)}/`)];
}
