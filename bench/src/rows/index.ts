import type { BenchRow } from '../lib/row.js';
import { b5AnalyticsFold } from './b5-analytics-fold.js';
import { b7Logins } from './b7-logins.js';

/** Every row, in the order of issue 7's table. */
export const ROWS: BenchRow[] = [b5AnalyticsFold, b7Logins];
