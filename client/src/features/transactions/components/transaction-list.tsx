import { formatDateTime, formatMoney } from '@/lib/format';
import { useTransactionList } from '../api/use-transactions';

export function TransactionList() {
  const list = useTransactionList();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {list.isPending ? (
        <p className="muted" role="status">Loading your transactions…</p>
      ) : list.isError && items.length === 0 ? (
        <div className="inline-error" role="alert">
          <p>Couldn&apos;t load your transactions: {list.error.message}</p>
          <button type="button" className="button" onClick={() => void list.refetch()}>Try again</button>
        </div>
      ) : items.length === 0 ? (
        <p className="empty">No transactions yet. Create your first one above.</p>
      ) : (
        <ul className="tx-list" aria-label="Your transactions, newest first">
          {items.map((tx) => (
            <li key={tx.id} className={`tx ${tx.is_paid ? 'tx-paid' : 'tx-unpaid'}`} data-testid="transaction">
              <div className="tx-main">
                <span className="tx-description">{tx.description}</span>
                <time className="tx-time muted" dateTime={tx.created_at}>{formatDateTime(tx.created_at)}</time>
              </div>
              <span className="tx-amount">{formatMoney(tx.amount)}</span>
              <span className={`badge ${tx.is_paid ? 'badge-paid' : 'badge-unpaid'}`}>
                <span aria-hidden="true">{tx.is_paid ? '✓ ' : '• '}</span>{tx.is_paid ? 'Paid' : 'Unpaid'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="button wide" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Show older transactions'}
        </button>
      )}
    </section>
  );
}
