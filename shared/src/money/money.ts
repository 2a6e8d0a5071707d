/**
 * Money is carried as integer cents inside the system so sums are exact; the JSON API and
 * the events keep the seed's shape, a number with at most two decimals.
 */

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Below this size every amount with at most 2 decimals is its own double, and `amount * 100`
 * rounds to the right integer, so the integer check below is exact; above it (trillions) the
 * decimal text decides, as it always did.
 */
const FAST_LIMIT = 1e12;

/** Cents for a JSON amount with at most 2 decimals, or null when it is not one. */
export function toCents(amount: number): number | null {
  const abs = Math.abs(amount);
  if (abs < FAST_LIMIT) {
    // Runs for every event: no strings. `cents / 100 === abs` holds exactly when `abs` is the
    // double nearest to a number with at most 2 decimals, i.e. when its shortest text has ≤ 2.
    const cents = Math.round(abs * 100);
    if (cents / 100 !== abs) return null;
    return amount < 0 ? -cents : cents;
  }
  return toCentsByText(amount);
}

function toCentsByText(amount: number): number | null {
  if (!Number.isFinite(amount)) return null;
  // Decide on the decimal text, not the binary value: 0.1 * 100 is 10.000000000000002.
  const text = amount.toString();
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) return null;
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
