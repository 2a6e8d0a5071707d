import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProvider } from '@/app/provider';
import { LiveStatsProvider } from '@/features/dashboard/api/live-stats';

export const testSession = { id: 'u-1', username: 'ada', token: 'header.eyJleHAiOjQxMDI0NDQ4MDB9.sig' };

export function signedIn() {
  localStorage.setItem('paymesh.session', JSON.stringify(testSession));
}

/** The app's real providers, with no retries so a failure shows at once. */
export function renderWithProviders(ui: ReactNode, { live = false } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter>{live ? <LiveStatsProvider>{ui}</LiveStatsProvider> : ui}</MemoryRouter>
    </AppProvider>,
  );
}
