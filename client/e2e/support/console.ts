import type { Page } from 'playwright-core';

/** Collects what the page logs as an error, and uncaught exceptions; returns a reader. */
export function watchConsole(page: Page): () => string[] {
  const errors: string[] = [];
  const where = () => new URL(page.url()).pathname;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${where()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${where()}: uncaught ${error.message}`));
  return () => errors;
}
