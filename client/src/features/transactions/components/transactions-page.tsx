import { formatCentsForPeople } from '@/lib/format';
import { CAP_CENTS } from '../api/transaction.rules';
import { SpendingSummary, type Spending } from './spending-summary';
import { TransactionForm } from './transaction-form';
import { TransactionList } from './transaction-list';

export function TransactionsPage({ spending, spendingError }: { spending: Spending | null; spendingError?: string | null }) {
  return (
    <div className="stack">
      <title>Transactions · paymesh</title>
      <header className="page-header">
        <div>
          <h1>Transactions</h1>
          <p className="muted">Spend up to {formatCentsForPeople(CAP_CENTS)} in total, then pay everything in one go.</p>
        </div>
      </header>
      <div className="two-col">
        <div className="stack">
          <SpendingSummary spending={spending} error={spendingError ?? null} />
          <TransactionForm remainingCents={spending ? Math.max(0, CAP_CENTS - spending.totalCents) : null} />
        </div>
        <TransactionList />
      </div>
    </div>
  );
}
