import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { configureAuth } from '@/lib/api-client';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  // The api client is a module: forget the last test's session hooks, as a fresh page would.
  configureAuth({ getToken: () => null, onUnauthorized: () => undefined });
});
