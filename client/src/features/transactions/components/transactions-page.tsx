import { centsOf, formatCentsForPeople } from '@/lib/format';
import { usePaymentLimits } from '../api/use-transactions';
import { SpendingSummary, type Spending } from './spending-summary';
import { TransactionForm } from './transaction-form';
import { TransactionList } from './transaction-list';

export function TransactionsPage({ spending, spendingError }: { spending: Spending | null; spendingError?: string | null }) {
  // The cap is the server's setting; until it has answered, nothing is checked against it.
  const limits = usePaymentLimits();
  const capCents = limits.data ? centsOf(limits.data.max_user_total) : null;
  const room = capCents !== null && spending ? { capCents, remainingCents: Math.max(0, capCents - spending.totalCents) } : null;
  return (
    <div className="stack">
      <title>Transactions · paymesh</title>
      <header className="page-header">
        <div>
          <h1>Transactions</h1>
          <p className="muted">Spend up to {capCents === null ? 'your cap' : formatCentsForPeople(capCents)} in total, then pay everything in one go.</p>
        </div>
      </header>
      <div className="two-col">
        <div className="stack">
          <SpendingSummary spending={spending} capCents={capCents} error={spendingError ?? null} />
          <TransactionForm room={room} />
        </div>
        <TransactionList />
      </div>
    </div>
  );
}
