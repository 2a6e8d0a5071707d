import type { PayAllResult, Transaction } from '@paymesh/contract/payment';
import { AppError, errors } from '@paymesh/shared/errors';
import { currentRequestId } from '@paymesh/shared/logger';
import { fromCents } from '@paymesh/shared/money';
import type { Db, Tx } from '../db/database.js';
import type { Idempotency, IdempotentOutcome } from '../idempotency/idempotency.service.js';
import { appendToOutbox } from '../outbox/outbox.repository.js';
import { encodeCursor, type PageCursor } from './transactions.cursor.js';
import { transactionCreated, transactionsPaid } from './transactions.events.js';
import type { NewTransaction } from './transactions.input.js';
import type { PageRequest } from './transactions.page.js';
import { findPage, insertWithinCap, lockUserTotal, markAllPaid, readUserTotal } from './transactions.repository.js';
import { toTransactionView } from './transactions.view.js';

export interface TransactionsServiceDeps {
  db: Db;
  idempotency: Idempotency;
  topic: string;
  maxUserTotalCents: number;
  /** Optional probes: the time spent taking a user's lock, and creates refused by the cap. */
  metrics?: { lockWait(operation: 'create' | 'pay'): () => void; created(outcome: 'cap_refused'): void };
}

/** Who asks, and the Idempotency-Key that makes a retry of the same request answer as the first did. */
export interface Caller {
  userId: string;
  key: string | undefined;
  /** What "the same request" means for the key; only computed when there is a key. */
  fingerprint: () => string;
}

export interface TransactionPage {
  items: Transaction[];
  next?: string;
}

const unmeasured = () => undefined;

export function createTransactionsService({ db, idempotency, topic, maxUserTotalCents, metrics }: TransactionsServiceDeps) {
  const capExceeded = (totalCents: number) =>
    new AppError(errors.CAP_EXCEEDED, {
      message: `This transaction would take your total above ${fromCents(maxUserTotalCents)}`,
      details: { current_total: fromCents(totalCents), max_allowed: fromCents(maxUserTotalCents) },
    });

  /** Inside a unit of work: the cap rule, the row and its event commit together or not at all. */
  async function recordWithinCap(tx: Tx, userId: string, input: NewTransaction): Promise<Transaction> {
    const locked = metrics?.lockWait('create') ?? unmeasured;
    const row = await insertWithinCap(tx, { userId, ...input }, maxUserTotalCents);
    locked();
    if (!row) {
      metrics?.created('cap_refused');
      throw capExceeded(await readUserTotal(tx, userId));
    }
    await appendToOutbox(tx, topic, [transactionCreated(row, currentRequestId())]);
    return toTransactionView(row);
  }

  return {
    recordWithinCap,

    /**
     * Create a transaction: one unit of work (a database transaction, run at most once per
     * Idempotency-Key, whose answer is stored with it), in which the cap rule admits the row
     * and its transaction.created event is appended to the outbox. A refusal is the answer too.
     */
    createTransaction(caller: Caller, input: NewTransaction): Promise<IdempotentOutcome> {
      return idempotency.run(caller, async (tx) => ({ status: 201, body: await recordWithinCap(tx, caller.userId, input) }));
    },

    /** Pay everything unpaid, in one unit of work with its transaction.paid event. */
    payAll(caller: Caller): Promise<IdempotentOutcome> {
      return idempotency.run(caller, async (tx) => {
        // Same per-user lock as creation, so the user's events enter the outbox in commit order.
        const locked = metrics?.lockWait('pay') ?? unmeasured;
        await lockUserTotal(tx, caller.userId);
        locked();
        const paid = await markAllPaid(tx, caller.userId);
        await appendToOutbox(tx, topic, transactionsPaid(caller.userId, paid, currentRequestId()));
        const body: PayAllResult = {
          message: paid.length === 0 ? 'No unpaid transactions' : `Paid ${paid.length} transaction(s)`,
          transactions_paid: paid.length,
          amount_paid: fromCents(paid.reduce((sum, row) => sum + row.amountCents, 0)),
        };
        return { status: 200, body };
      });
    },

    async listTransactions(userId: string, page: PageRequest): Promise<TransactionPage> {
      const rows = await findPage(db, userId, page);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      if (rows.length <= page.limit || !last) return { items: items.map(toTransactionView) };
      const cursor: PageCursor = { createdAt: last.createdAt, id: last.id };
      return { items: items.map(toTransactionView), next: encodeCursor(cursor) };
    },

    /** The limits that are this server's configuration, for clients to validate against. */
    limits: () => ({ max_user_total: fromCents(maxUserTotalCents) }),
  };
}

export type TransactionsService = ReturnType<typeof createTransactionsService>;
