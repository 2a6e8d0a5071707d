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
