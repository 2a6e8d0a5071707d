export { toCents, fromCents, formatCents } from './money.js';
