import { isDeepStrictEqual } from 'node:util';
import { toCents } from '@paymesh/shared/money';
import type { TransactionEvent } from '@paymesh/shared/events';
import type { FaultRecord } from '../faults/injector.js';
import type { Operation } from '../workload/history.js';
import { isRetryable } from '../workload/retrying-client.js';
import type { Ledger } from './stores.js';

export interface CheckResult {
  name: string;
  ok: boolean;
  /** What broke, with enough ids to find it in the history file; empty when ok. */
  detail: string;
}

export interface Counts {
  operations: number;
  attempts: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  capViolations: number;
  /** 500s (and 505+): never allowed. */
  internalErrors: number;
  /** 502, 503 and 504 outside every fault window and its grace. */
  unavailableOutsideWindows: number;
}

export interface HistoryFacts {
  operations: Operation[];
  ledger: Ledger;
  events: TransactionEvent[];
  faults: FaultRecord[];
  capCents: number;
  /** After a fault's recovery, 502/503/504 are still excused this long (a breaker closing, a pool refilling). */
  graceMs: number;
}

const check = (name: string, problems: string[]): CheckResult => ({
  name,
  ok: problems.length === 0,
  detail: problems.length === 0 ? '' : `${problems.length}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
});

const idOf = (body: unknown) => (body as { id?: string } | undefined)?.id;

/** The answers that settled an operation: not the ones a client retries past. */
const definitive = (op: Operation) => op.attempts.filter((a) => !isRetryable(a));

/** Checks the history against the database and the topic; pure, so it is tested on made-up histories. */
export function checkHistory(f: HistoryFacts): { results: CheckResult[]; counts: Counts } {
  const rowsByDescription = new Map<string, Ledger['rows']>();
  for (const row of f.ledger.rows) rowsByDescription.set(row.description, [...(rowsByDescription.get(row.description) ?? []), row]);
  const rowsOf = (op: Operation) => rowsByDescription.get(op.request!.description) ?? [];
  const creates = f.operations.filter((op) => op.kind === 'create');

  const lost: string[] = [];
  const duplicated: string[] = [];
  const wrong: string[] = [];
  for (const op of creates.filter((o) => o.status === 201)) {
    const rows = rowsOf(op);
    if (rows.length === 0) lost.push(`op ${op.id} (${op.key}) acknowledged as ${idOf(op.body)} but not in the database`);
    if (rows.length > 1) duplicated.push(`op ${op.id} (${op.key}): ${rows.length} rows`);
    if (rows.length === 1 && (rows[0]!.id !== idOf(op.body) || rows[0]!.amount_cents !== toCents(op.request!.amount))) {
      wrong.push(`op ${op.id}: answered ${idOf(op.body)}, stored ${rows[0]!.id}`);
    }
  }
  const unknownTwice = creates.filter((op) => op.outcome === 'unknown' && rowsOf(op).length > 1).map((op) => `op ${op.id} (${op.key}): ${rowsOf(op).length} rows`);
  const refusedStored = creates.filter((op) => op.outcome === 'refused' && rowsOf(op).length > 0).map((op) => `op ${op.id} answered ${op.status} but stored`);
  const keyTwice = [...rowsByDescription].filter(([, rows]) => rows.length > 1).map(([description, rows]) => `${description}: ${rows.length} rows`);

  const replayProblems: string[] = [];
  const byId = new Map(f.operations.map((op) => [op.id, op]));
  for (const op of f.operations.filter((o) => o.key)) {
    const first = op.replayOf === undefined ? op : byId.get(op.replayOf);
    const answers = [...(op.replayOf === undefined ? [] : definitive(first!)), ...definitive(op)];
    // Compared as values: the stored answer comes back from jsonb, which orders keys its own way.
    const differing = answers.find((a) => !isDeepStrictEqual([a.status, a.body], [answers[0]!.status, answers[0]!.body]));
    if (differing) replayProblems.push(`key ${op.key} answered ${JSON.stringify([answers[0]!.status, answers[0]!.body])} then ${JSON.stringify([differing.status, differing.body])}`);
  }

  const sums = new Map<string, number>();
  for (const row of f.ledger.rows) sums.set(row.user_id, (sums.get(row.user_id) ?? 0) + row.amount_cents);
  const overCap = [...sums].filter(([, cents]) => cents > f.capCents).map(([user, cents]) => `user ${user} holds ${cents / 100}`);
  const totalsDrift = [...sums].filter(([user, cents]) => f.ledger.totals.get(user) !== cents).map(([user, cents]) => `user ${user}: rows ${cents}, user_totals ${f.ledger.totals.get(user)}`);

  const created = new Map<string, TransactionEvent>();
  const paidIds = new Set<string>();
  for (const event of f.events) {
    if (event.event_type === 'transaction.created') created.set(event.transaction_id, event);
    else event.transaction_ids.forEach((id) => paidIds.add(id));
  }
  const rowIds = new Set(f.ledger.rows.map((r) => r.id));
  const missingEvents = [
    ...f.ledger.rows.filter((r) => !created.has(r.id)).map((r) => `no transaction.created for ${r.id}`),
    ...f.ledger.rows.filter((r) => r.is_paid && !paidIds.has(r.id)).map((r) => `no transaction.paid for ${r.id}`),
  ];
  const phantomEvents = [
    ...[...created.keys()].filter((id) => !rowIds.has(id)).map((id) => `transaction.created for ${id}, which was never committed`),
    ...[...paidIds].filter((id) => !f.ledger.rows.some((r) => r.id === id && r.is_paid)).map((id) => `transaction.paid for ${id}, not paid in the database`),
  ];

  const windows = f.faults.map((fault) => [fault.injectedAt, (fault.recoveredAt ?? Infinity) + f.graceMs] as const);
  const inWindow = (at: number) => windows.some(([from, to]) => at >= from && at <= to);
  const attempts = f.operations.flatMap((op) => op.attempts.map((a) => ({ op, a })));
  const internalErrors = attempts.filter(({ a }) => a.status === 500 || (a.status !== undefined && a.status > 504)).map(({ op, a }) => `op ${op.id} ${op.kind}: ${a.status} ${JSON.stringify(a.body)}`);
  const outside = attempts.filter(({ a }) => a.status !== undefined && a.status >= 502 && a.status <= 504 && !inWindow(a.startedAt)).map(({ op, a }) => `op ${op.id} ${op.kind} at ${new Date(a.startedAt).toISOString()}: ${a.status}`);
  const unrecovered = f.faults.filter((fault) => fault.recoveredAt === undefined).map((fault) => `${fault.kind} at ${new Date(fault.injectedAt).toISOString()}: ${fault.error ?? 'no recovery'}`);

  return {
    results: [
      check('every acknowledged create exists exactly once, as answered', [...lost, ...duplicated, ...wrong]),
      check('an unacknowledged create exists once or not at all', unknownTwice),
      check('a refused create stored nothing', refusedStored),
      check('an Idempotency-Key never yields two transactions', keyTwice),
      check('a retry or replay of a key always gets the first answer', replayProblems),
      check("no user's total exceeds the cap, and user_totals matches the rows", [...overCap, ...totalsDrift]),
      check('every committed row has its events on the topic', missingEvents),
      check('no event on the topic for a change that was not committed', phantomEvents),
      check('no 500 (or other non-gateway 5xx), ever', internalErrors),
      check('no 502/503/504 outside a fault window', outside),
      check('the mesh recovered from every fault', unrecovered),
    ],
    counts: {
      operations: f.operations.length,
      attempts: attempts.length,
      acknowledged: f.operations.filter((op) => op.outcome === 'ok' && op.kind !== 'list' && op.kind !== 'stats').length,
      lost: lost.length,
      duplicated: duplicated.length + unknownTwice.length,
      capViolations: overCap.length,
      internalErrors: internalErrors.length,
      unavailableOutsideWindows: outside.length,
    },
  };
}
