import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeGateway, json, never } from '@/test/fake-server';
import { FakeEventSource } from '@/test/fake-event-source';
import { renderWithProviders, signedIn } from '@/test/render';
import { DashboardPage } from './dashboard-page';

const stats = (overrides: Record<string, unknown> = {}) => ({
  total_transactions: 3, total_amount: 150.5, total_paid_transactions: 1, total_paid_amount: 50,
  events_processed: 4, last_event_time: new Date().toISOString(), unique_users: 2, ...overrides,
});
const own = { user_id: 'u-1', total_transactions: 2, total_amount: 100, total_paid_transactions: 1, total_paid_amount: 50 };
const series = { minutes: 60, points: [{ minute: new Date().toISOString(), transactions: 3, amount: 150.5 }] };

function gatewayWith(statsReply: Parameters<typeof fakeGateway>[0][string]) {
  signedIn();
  FakeEventSource.install();
  return fakeGateway({
    'GET /analytics/stats': statsReply,
    'GET /analytics/stats/me': json(200, own),
    'GET /analytics/stats/timeseries': json(200, series),
  });
}

describe('the dashboard', () => {
  it('while the first numbers load, says so', () => {
    gatewayWith(never);
    renderWithProviders(<DashboardPage />, { live: true });

    expect(screen.getByText('Loading stats…')).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveTextContent('Connecting…');
  });

  it('when the stats cannot be loaded, says so and offers to try again', async () => {
    gatewayWith(json(503, { error: 'analytics is catching up', code: 'NOT_READY', request_id: 'r' }));
    renderWithProviders(<DashboardPage />, { live: true });

    expect(await screen.findByText(/Couldn't load the stats: analytics is catching up/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again now' })).toBeEnabled();
  });

  it('when nothing has happened yet, shows zeros and how to start', async () => {
    gatewayWith(json(200, stats({ total_transactions: 0, total_amount: 0, events_processed: 0, last_event_time: null, unique_users: 0 })));
    renderWithProviders(<DashboardPage />, { live: true });

    expect(await screen.findByText(/No transactions yet/)).toBeVisible();
    expect(screen.getByTestId('global-transactions')).toHaveTextContent('0');
    expect(screen.getByText('No events yet')).toBeVisible();
  });

  it('shows the global stats, the person\'s own and the per-minute chart', async () => {
    gatewayWith(json(200, stats()));
    renderWithProviders(<DashboardPage />, { live: true });

    expect(await screen.findByTestId('global-amount')).toHaveTextContent('150.50');
    expect(screen.getByTestId('global-users')).toHaveTextContent('2');
    expect(await screen.findByTestId('own-amount')).toHaveTextContent('100.00');
    expect(await screen.findByRole('img', { name: /Transactions per minute, last 60 minutes: 3 in total/ })).toBeInTheDocument();
  });

  it('when the stream is open, is live and shows each pushed snapshot', async () => {
    gatewayWith(json(200, stats()));
    renderWithProviders(<DashboardPage />, { live: true });
    await screen.findByTestId('global-transactions');

    const source = FakeEventSource.latest();
    source.open();
    source.push('stats', stats({ total_transactions: 7 }));

    expect(await screen.findByText('Live')).toBeVisible();
    expect(screen.getByTestId('global-transactions')).toHaveTextContent('7');
    expect(source.url).toBe('http://localhost:8080/analytics/stats/stream');
  });

  it('when the stream drops, says it is reconnecting and polls every 2 seconds meanwhile', async () => {
    const gateway = gatewayWith(json(200, stats()));
    renderWithProviders(<DashboardPage />, { live: true });
    const source = FakeEventSource.latest();
    source.open();
    await screen.findByText('Live');
    const before = gateway.callsTo('GET', '/analytics/stats').length;

    source.fail();

    expect(await screen.findByText('Reconnecting…')).toBeVisible();
    expect(screen.getByText(/refreshing every 2 s/)).toBeVisible();
    await vi.waitFor(() => expect(gateway.callsTo('GET', '/analytics/stats').length).toBeGreaterThan(before), { timeout: 3000 });
  });
});
