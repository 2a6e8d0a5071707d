import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from '@/test/fake-server';
import { FakeEventSource } from '@/test/fake-event-source';
import { signedIn, testSession } from '@/test/render';
import { App } from './app';

const own = { user_id: 'u-1', total_transactions: 2, total_amount: 300, total_paid_transactions: 0, total_paid_amount: 0 };
const stats = { total_transactions: 2, total_amount: 300, total_paid_transactions: 0, events_processed: 2, last_event_time: null, unique_users: 1 };

describe('the app', () => {
  it('when signed out, opens on the sign-in screen', async () => {
    fakeGateway({});
    FakeEventSource.install();
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeVisible();
  });

  it('when the token is refused, sends the person back to sign in with a message', async () => {
    signedIn();
    FakeEventSource.install();
    fakeGateway({
      'GET /analytics/stats': json(200, stats),
      'GET /analytics/stats/me': json(401, { error: 'expired', code: 'TOKEN_EXPIRED', request_id: 'r' }),
      'GET /payment/transactions/list': json(401, { error: 'expired', code: 'TOKEN_EXPIRED', request_id: 'r' }),
    });
    render(<App />);

    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeVisible();
    expect(localStorage.getItem('paymesh.session')).toBeNull();
  });

  it('shows the total against the cap and pays all, saying how many and how much', async () => {
    signedIn();
    // Opened straight on the page, as a reload or a second tab would: no redirect delays the queries.
    window.history.replaceState(null, '', '/');
    FakeEventSource.install();
    const gateway = fakeGateway({
      'GET /analytics/stats': json(200, stats),
      'GET /analytics/stats/me': json(200, own),
      'GET /payment/transactions/list': json(200, []),
      'GET /payment/limits': json(200, { max_user_total: 1000 }),
      'POST /payment/transactions/pay': json(200, { message: 'Paid', transactions_paid: 2, amount_paid: 300 }),
    });
    render(<App />);

    await waitFor(() => expect(screen.getByTestId('spent-total')).toHaveTextContent('300.00'));
    expect(screen.getByTestId('remaining')).toHaveTextContent('700.00');
    await userEvent.click(screen.getByRole('button', { name: 'Pay all' }));

    expect(await screen.findByTestId('pay-outcome')).toHaveTextContent('Paid 2 transactions, 300.00 in total.');
    expect(gateway.callsTo('POST', '/payment/transactions/pay')[0]?.headers['idempotency-key']).toBeTruthy();
    // The very first authenticated requests, made as the page mounts, carry the token too.
    expect(gateway.callsTo('GET', '/analytics/stats/me')[0]?.headers.authorization).toBe(`Bearer ${testSession.token}`);
    expect(gateway.callsTo('GET', '/payment/transactions/list')[0]?.headers.authorization).toBe(`Bearer ${testSession.token}`);
  });

  it('signs out on request', async () => {
    signedIn();
    FakeEventSource.install();
    fakeGateway({ 'GET /analytics/stats/me': json(200, own), 'GET /payment/transactions/list': json(200, []), 'GET /analytics/stats': json(200, stats) });
    render(<App />);

    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(screen.queryByText(testSession.username)).not.toBeInTheDocument();
  });
});
