import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json, never } from '@/test/fake-server';
import { renderWithProviders, signedIn } from '@/test/render';
import { TransactionsPage } from './transactions-page';

const spending = { totalCents: 30_000, count: 2, unpaidCount: 2, unpaidCents: 30_000 };

// Typing through user-event on a busy machine can outlast vitest's 5 s default.
describe('the transactions page and the server\'s cap', { timeout: 15_000 }, () => {
  it('when the server caps totals at 500.00, shows that cap and refuses an amount over what it still allows, sending nothing', async () => {
    signedIn();
    const gateway = fakeGateway({ 'GET /payment/limits': json(200, { max_user_total: 500 }), 'GET /payment/transactions/list': json(200, []) });
    renderWithProviders(<TransactionsPage spending={spending} />);

    await waitFor(() => expect(screen.getByTestId('cap')).toHaveTextContent('500.00'));
    expect(screen.getByTestId('remaining')).toHaveTextContent('200.00');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount'), '200.01');
    await user.type(screen.getByLabelText('Description'), 'Coffee');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription('That is over your cap: your total is 300.00, so at most 200.00 is still allowed.');
    expect(gateway.callsTo('POST', '/payment/transactions')).toHaveLength(0);
    expect(gateway.callsTo('GET', '/payment/limits')[0]?.headers.authorization).toMatch(/^Bearer /);
  });

  it('when the server raises the cap to 2500.00, lets through an amount the old 1000.00 would have refused', async () => {
    signedIn();
    const gateway = fakeGateway({
      'GET /payment/limits': json(200, { max_user_total: 2500 }),
      'GET /payment/transactions/list': json(200, []),
      'POST /payment/transactions': json(201, { id: 't-1', user_id: 'u-1', amount: 1500, description: 'Rent', is_paid: false, created_at: '2026-11-21T05:00:00.000Z' }),
    });
    renderWithProviders(<TransactionsPage spending={spending} />);

    await waitFor(() => expect(screen.getByTestId('remaining')).toHaveTextContent('2,200.00'));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount'), '1500');
    await user.type(screen.getByLabelText('Description'), 'Rent');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(gateway.callsTo('POST', '/payment/transactions')).toHaveLength(1));
    expect(gateway.callsTo('POST', '/payment/transactions')[0]?.body).toEqual({ amount: 1500, description: 'Rent' });
  });

  it('while the cap is not known yet, shows no cap and leaves the check to the server', async () => {
    signedIn();
    fakeGateway({ 'GET /payment/limits': never, 'GET /payment/transactions/list': json(200, []) });
    renderWithProviders(<TransactionsPage spending={spending} />);

    expect(await screen.findByTestId('cap')).toHaveTextContent('—');
    expect(screen.getByTestId('remaining')).toHaveTextContent('—');
  });
});
