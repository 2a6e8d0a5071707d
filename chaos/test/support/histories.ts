import type { HistoryFacts } from '../../src/checker/checks.js';
import type { LedgerRow } from '../../src/checker/stores.js';
import type { Attempt, Operation } from '../../src/workload/history.js';

const T0 = Date.parse('2026-12-01T12:00:00Z');

export const answered = (status: number, body: unknown, at = T0): Attempt => ({ startedAt: at, endedAt: at + 5, status, body });
export const noAnswer = (at = T0): Attempt => ({ startedAt: at, endedAt: at + 15_000, error: 'TimeoutError' });

let nextId = 0;

/** A create as the workload records it: key and description unique to the operation. */
export function createOp(attempts: Attempt[], overrides: Partial<Operation> = {}): Operation {
  const id = ++nextId;
  const last = attempts.at(-1)!;
  const outcome = last.status === undefined || last.status >= 500 ? 'unknown' : last.status < 300 ? 'ok' : 'refused';
  return {
    id,
    kind: 'create',
    user: 'user-1',
    key: `k-${id}`,
    request: { amount: 100, description: `chaos k-${id}` },
    attempts,
    outcome,
    ...(last.status === undefined ? {} : { status: last.status, body: last.body }),
    ...overrides,
  };
}

export const rowFor = (op: Operation, id: string, overrides: Partial<LedgerRow> = {}): LedgerRow => ({
  id,
  user_id: op.user,
  amount_cents: Math.round(op.request!.amount * 100),
  description: op.request!.description,
  is_paid: false,
  ...overrides,
});

export const createdEvent = (row: LedgerRow) => ({
  event_id: '00000000-0000-4000-8000-000000000000',
  version: 1 as const,
  occurred_at: new Date(T0).toISOString(),
  event_type: 'transaction.created' as const,
  transaction_id: row.id,
  user_id: row.user_id,
  amount: row.amount_cents / 100,
  description: row.description,
  timestamp: new Date(T0).toISOString(),
});

/** Facts where every row has its event and user_totals agrees; a test then breaks one thing. */
export function facts(operations: Operation[], rows: LedgerRow[], overrides: Partial<HistoryFacts> = {}): HistoryFacts {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.user_id, (totals.get(row.user_id) ?? 0) + row.amount_cents);
  return { operations, ledger: { rows, totals }, events: rows.map(createdEvent), faults: [], capCents: 100_000, graceMs: 3_000, ...overrides };
}

export { T0 };
