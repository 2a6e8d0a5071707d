import { randomUUID } from 'node:crypto';

export interface TransactionBody {
  amount: number;
  description: string;
}

let sequence = 0;

export function buildTransaction(overrides: Partial<TransactionBody> = {}): TransactionBody {
  sequence += 1;
  return { amount: 12.34, description: `test purchase ${sequence}`, ...overrides };
}

export const uniqueKey = (label = 'key') => `${label}-${randomUUID()}`;
