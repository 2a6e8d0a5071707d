import { median } from '@paymesh/infra/testing';

export { median, percentile } from '@paymesh/infra/testing';

/** A figure for a table cell: a few significant digits, no trailing noise. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  return Number(value.toPrecision(digits)).toString();
}

/** "3,120 (3,050 · 3,120 · 3,200)": the median and every round, so the spread is visible. */
export function medianWithRounds(values: readonly number[], unit = ''): string {
  const suffix = unit ? ` ${unit}` : '';
  return `${fmt(median(values))}${suffix} (rounds: ${values.map((v) => fmt(v)).join(' · ')})`;
}
