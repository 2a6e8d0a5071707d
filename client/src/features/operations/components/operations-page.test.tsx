import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from '@/test/fake-server';
import { renderWithProviders } from '@/test/render';
import { OperationsPage } from './operations-page';

const service = { status: 'up', latency_ms: 3.2, circuit: 'closed' };
const summary = (overrides: Record<string, unknown> = {}) => ({
  status: 'ok',
  checked_at: new Date().toISOString(),
  services: {
    auth: service,
    payment: { ...service, outbox: { unsent: 12, oldest_unsent_age_s: 4.5 } },
    analytics: { ...service, consumer: { lag: 3, caught_up: true } },
  },
  ...overrides,
});

describe('the operations view', () => {
  it('shows each service ready with its breaker, the outbox backlog and the consumer lag', async () => {
    fakeGateway({ 'GET /ops': json(200, summary()) });
    renderWithProviders(<OperationsPage />);

    expect(await screen.findByTestId('mesh-status')).toHaveTextContent('All services ready');
    expect(screen.getByTestId('auth-status')).toHaveTextContent('Ready');
    expect(screen.getByTestId('payment-circuit')).toHaveTextContent('Closed');
    expect(screen.getByTestId('outbox-backlog')).toHaveTextContent('12');
    expect(screen.getByText('oldest 4.5 s')).toBeInTheDocument();
    expect(screen.getByTestId('consumer-lag')).toHaveTextContent('3');
  });

  it('when a service is down with its breaker open, says the mesh is degraded and why', async () => {
    const down = { status: 'down', latency_ms: 2000, circuit: 'open', error: 'no answer within 2000 ms' };
    fakeGateway({ 'GET /ops': json(200, summary({ status: 'degraded', services: { auth: service, payment: down, analytics: service } })) });
    renderWithProviders(<OperationsPage />);

    expect(await screen.findByTestId('mesh-status')).toHaveTextContent('Degraded');
    expect(screen.getByTestId('payment-status')).toHaveTextContent('Down');
    expect(screen.getByTestId('payment-circuit')).toHaveTextContent('Open');
    expect(screen.getByText('no answer within 2000 ms')).toBeInTheDocument();
    expect(screen.getByTestId('outbox-backlog')).toHaveTextContent('Unknown');
  });

  it('when payment runs as two instances and one is down, says one of two is in rotation and which is out', async () => {
    const instances = [
      { id: 1, status: 'down', latency_ms: 1, circuit: 'open', in_rotation: false },
      { id: 2, status: 'up', latency_ms: 2, circuit: 'closed', in_rotation: true },
    ];
    fakeGateway({ 'GET /ops': json(200, summary({ services: { auth: service, payment: { ...service, instances }, analytics: service } })) });
    renderWithProviders(<OperationsPage />);

    expect(await screen.findByTestId('payment-instances')).toHaveTextContent('1 of 2 in rotation');
    expect(screen.getByText('out: #1 down')).toBeInTheDocument();
    expect(screen.queryByTestId('auth-instances')).not.toBeInTheDocument();
  });
});
