/**
 * Remembers an async result for `maxAgeMs`, and shares one in-flight computation among every
 * caller that arrives while it runs: however many ask, the work runs at most once per period.
 */
export function sharedResult<T>(compute: () => Promise<T>, maxAgeMs: number): () => Promise<T> {
  let current: { promise: Promise<T>; settledAt?: number } | undefined;
  return () => {
    const fresh = current && (current.settledAt === undefined || performance.now() - current.settledAt < maxAgeMs);
    if (current && fresh) return current.promise;
    const entry: { promise: Promise<T>; settledAt?: number } = { promise: compute() };
    const settle = () => {
      entry.settledAt = performance.now();
    };
    entry.promise.then(settle, settle);
    current = entry;
    return entry.promise;
  };
}
