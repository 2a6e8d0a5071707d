import { parseMocha, parseVitest, type Counts } from './parse-counts.js';

export interface Suite {
  name: string;
  /** npm arguments, run from the repository root. */
  npmArgs: string[];
  parse(output: string): Counts | null;
}

const mochaSuite = (workspace: string): Suite => ({
  name: workspace,
  npmArgs: ['test', '-w', `@paymesh/${workspace}`],
  parse: parseMocha,
});

/** Every suite of every workspace, in the order `npm test` runs them: units first, the whole mesh last. */
export const SUITES: Suite[] = [
  mochaSuite('contract'),
  mochaSuite('shared'),
  mochaSuite('auth-service'),
  mochaSuite('payment-service'),
  mochaSuite('analytics-service'),
  mochaSuite('gateway'),
  { name: 'client', npmArgs: ['test', '-w', '@paymesh/client'], parse: parseVitest },
  mochaSuite('infra'),
  mochaSuite('chaos'),
  { name: 'client (browser)', npmArgs: ['run', 'test:e2e', '-w', '@paymesh/client'], parse: parseMocha },
];
