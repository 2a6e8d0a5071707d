/**
 * Runs the two sides of a comparison in alternating order (A B, B A, A B, …) for `rounds`
 * rounds. On a small shared machine the load drifts over minutes; alternating spreads that
 * drift over both sides instead of charging it to whichever ran last.
 */
export async function interleaved<A, B>(
  rounds: number,
  sideA: (round: number) => Promise<A>,
  sideB: (round: number) => Promise<B>,
): Promise<{ a: A[]; b: B[] }> {
  const a: A[] = [];
  const b: B[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      a.push(await sideA(round));
      b.push(await sideB(round));
    } else {
      b.push(await sideB(round));
      a.push(await sideA(round));
    }
  }
  return { a, b };
}

/**
 * The same for any number of named sides: round r starts with side r (mod n) and goes round,
 * so every side runs first, middle and last equally often over n rounds.
 */
export async function interleavedSides<T, K extends string>(
  rounds: number,
  sides: Record<K, () => Promise<T>>,
  warmUp?: Record<K, () => Promise<unknown>>,
): Promise<Record<K, T[]>> {
  const names = Object.keys(sides) as K[];
  // A first unmeasured pass lets V8 compile the hot paths and the pools open their connections.
  if (warmUp) for (const name of names) await warmUp[name]();
  const results = Object.fromEntries(names.map((n) => [n, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(round + i) % names.length]!;
      results[name].push(await sides[name]());
    }
  }
  return results;
}
