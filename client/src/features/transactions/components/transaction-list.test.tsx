import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from '@/test/fake-server';
import { renderWithProviders, signedIn } from '@/test/render';
import { TransactionList } from './transaction-list';

const tx = (n: number, isPaid: boolean) => ({
  id: `t-${n}`, user_id: 'u-1', amount: n * 10, description: `Item ${n}`, is_paid: isPaid, created_at: `2026-11-21T05:0${n}:00.000Z`,
});

describe('the transaction list', () => {
  it('marks paid and unpaid transactions differently', async () => {
    signedIn();
    fakeGateway({ 'GET /payment/transactions/list': json(200, [tx(2, false), tx(1, true)]) });
    renderWithProviders(<TransactionList />);

    const rows = await screen.findAllByTestId('transaction');

    expect(within(rows[0]!).getByText('Unpaid')).toBeVisible();
    expect(rows[0]).toHaveClass('tx-unpaid');
    expect(within(rows[1]!).getByText('Paid')).toBeVisible();
    expect(rows[1]).toHaveClass('tx-paid');
  });

  it('offers older transactions when the server links a next page, and asks for it by cursor', async () => {
    signedIn();
    const gateway = fakeGateway({
      'GET /payment/transactions/list': [
        json(200, [tx(3, false)], { Link: '</payment/transactions/list?limit=20&cursor=abc>; rel="next"' }),
        json(200, [tx(1, false)]),
      ],
    });
    renderWithProviders(<TransactionList />);

    await userEvent.click(await screen.findByRole('button', { name: 'Show older transactions' }));

    expect(await screen.findByText('Item 1')).toBeVisible();
    expect(gateway.callsTo('GET', '/payment/transactions/list')[1]?.path).toContain('cursor=abc');
    expect(screen.queryByRole('button', { name: 'Show older transactions' })).not.toBeInTheDocument();
  });

  it('when there is nothing yet, says how to start', async () => {
    signedIn();
    fakeGateway({ 'GET /payment/transactions/list': json(200, []) });
    renderWithProviders(<TransactionList />);

    expect(await screen.findByText(/No transactions yet/)).toBeVisible();
  });
});
