import { readFileSync } from 'node:fs';

/**
 * `npm run profile-summary -w @paymesh/bench -- <file.cpuprofile> [top] [skip-seconds]`: self and
 * inclusive time per function and per package of a V8 CPU profile (node --cpu-prof), to see
 * where a service spends a benchmark's time without opening DevTools. `skip-seconds` leaves
 * out the start (module loading, JIT warm-up).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map<number, number>();
const skipMicros = Number(skipArg ?? 0) * 1e6;
let elapsed = 0;
profile.samples.forEach((id, i) => {
  elapsed += profile.timeDeltas[i] ?? 0;
  if (elapsed >= skipMicros) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url;
  const ours = /\/work\/main\/([^/]+)\//.exec(url)?.[1];
  return ours ? `paymesh/${ours}` : url || '(native)';
};
const fn = new Map<string, number>();
const pkg = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}` : ''}`;
  fn.set(key, (fn.get(key) ?? 0) + micros);
  pkg.set(where(url), (pkg.get(where(url)) ?? 0) + micros);
}
const show = (title: string, m: Map<string, number>, top: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
// Inclusive time: a node's self time plus its descendants', summed per function (a function
// appearing twice on one stack is counted once, at its outermost frame).
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const keyOf = (id: number) => {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  return `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}` : ''}`;
};
const inclusive = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const key = keyOf(at);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
}
console.log(`${(total / 1e6).toFixed(2)} s sampled`);
show('by package', pkg, 20);
show('by function (self time)', fn, Number(topArg ?? 30));
show('by function (inclusive time)', inclusive, Number(topArg ?? 30));
