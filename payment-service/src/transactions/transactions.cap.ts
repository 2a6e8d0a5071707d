/** The cap rule, on integer cents so the comparison is exact. */
export function fitsUnderCap(currentTotalCents: number, amountCents: number, maxTotalCents: number): boolean {
  return currentTotalCents + amountCents <= maxTotalCents;
}
