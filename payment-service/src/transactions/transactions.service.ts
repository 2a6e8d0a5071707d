import { unprocessable } from '@paymesh/shared/errors';
import { currentRequestId } from '@paymesh/shared/logger';
import { fromCents } from '@paymesh/shared/money';
import type { Db, Tx } from '../db/database.js';
import { appendToOutbox } from '../outbox/outbox.repository.js';
import { encodeCursor, type PageCursor } from './transactions.cursor.js';
import { transactionCreated, transactionsPaid } from './transactions.events.js';
import type { NewTransaction } from './transactions.input.js';
import type { PageRequest } from './transactions.page.js';
import { findPage, insertTransactionUnderCap, lockUserTotal, markAllPaid, readUserTotal } from './transactions.repository.js';
import { toTransactionView, type TransactionView } from './transactions.view.js';

export interface TransactionsServiceDeps {
  db: Db;
  topic: string;
  maxUserTotalCents: number;
  /** Optional probes: the time spent taking a user's lock, and creates refused by the cap. */
  metrics?: { lockWait(operation: 'create' | 'pay'): () => void; created(outcome: 'cap_refused'): void };
}

const unmeasured = () => undefined;

export interface PayAllResult {
  message: string;
  transactions_paid: number;
  amount_paid: number;
}

export interface TransactionPage {
  items: TransactionView[];
  next?: string;
}

export function createTransactionsService({ db, topic, maxUserTotalCents, metrics }: TransactionsServiceDeps) {
  return {
    /** Inside the caller's transaction: the cap check, the row and its event commit together or not at all. */
    async createTransaction(tx: Tx, userId: string, input: NewTransaction): Promise<TransactionView> {
      // Cap check, per-user row lock, total and row in one statement (see insertTransactionUnderCap).
      const locked = metrics?.lockWait('create') ?? unmeasured;
      const row = await insertTransactionUnderCap(tx, { userId, ...input }, maxUserTotalCents);
      locked();
      if (!row) {
        metrics?.created('cap_refused');
        const totalCents = await readUserTotal(tx, userId);
        throw unprocessable('CAP_EXCEEDED', `This transaction would take your total above ${fromCents(maxUserTotalCents)}`, {
          current_total: fromCents(totalCents),
          max_allowed: fromCents(maxUserTotalCents),
        });
      }
      await appendToOutbox(tx, topic, [transactionCreated(row, currentRequestId())]);
      return toTransactionView(row);
    },

    async listTransactions(userId: string, page: PageRequest): Promise<TransactionPage> {
      const rows = await findPage(db, userId, page);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      if (rows.length <= page.limit || !last) return { items: items.map(toTransactionView) };
      const cursor: PageCursor = { createdAt: last.createdAt, id: last.id };
      return { items: items.map(toTransactionView), next: encodeCursor(cursor) };
    },

    async payAll(tx: Tx, userId: string): Promise<PayAllResult> {
      // Same per-user lock as creation, so the user's events enter the outbox in commit order.
      const locked = metrics?.lockWait('pay') ?? unmeasured;
      await lockUserTotal(tx, userId);
      locked();
      const paid = await markAllPaid(tx, userId);
      await appendToOutbox(tx, topic, transactionsPaid(userId, paid, currentRequestId()));
      const amountPaid = fromCents(paid.reduce((sum, row) => sum + row.amountCents, 0));
      return {
        message: paid.length === 0 ? 'No unpaid transactions' : `Paid ${paid.length} transaction(s)`,
        transactions_paid: paid.length,
        amount_paid: amountPaid,
      };
    },
  };
}

export type TransactionsService = ReturnType<typeof createTransactionsService>;
