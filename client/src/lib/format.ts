import { fromCents, toCents } from '@paymesh/shared/money';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US');

/** An API amount (a number with at most 2 decimals) for people: "1,250.50". */
export const formatMoney = (amount: number) => money.format(amount);

export const formatCentsForPeople = (cents: number) => money.format(fromCents(cents));

/** Cents for an API amount, rounding anything odd rather than failing a whole screen on it. */
export const centsOf = (amount: number) => toCents(amount) ?? Math.round(amount * 100);

export const formatCount = (n: number) => count.format(n);

export function formatAgo(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} days ago`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
