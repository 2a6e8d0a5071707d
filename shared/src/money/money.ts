/**
 * Money is carried as integer cents inside the system so sums are exact; the JSON API and
 * the events carry a JSON number with at most two decimals, as clients have always sent it.
 */

/**
 * Amounts from a trillion up are refused: no amount the API accepts comes near, and below it
 * every amount with at most 2 decimals is its own double, so `amount * 100` rounds to the right
 * integer and the check below is exact.
 */
const LIMIT = 1e12;

/** Cents for a JSON amount with at most 2 decimals (below a trillion), or null when it is not one. */
export function toCents(amount: number): number | null {
  const abs = Math.abs(amount);
  if (!(abs < LIMIT)) return null;
  // `cents / 100 === abs` holds exactly when `abs` is the double nearest to a number with at
  // most 2 decimals, i.e. when its shortest text has no more than 2; 0.1 + 0.2 fails it.
  const cents = Math.round(abs * 100);
  if (cents / 100 !== abs) return null;
  return amount < 0 ? -cents : cents;
}

/** The JSON number for a count of cents; exact because the result has at most 2 decimals. */
export function fromCents(cents: number): number {
  return Math.round(cents) / 100;
}

/** Cents as a fixed two-decimal string, for people and for `numeric` columns. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
