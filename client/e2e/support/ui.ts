import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { screenshotDirOverride } from '../config.js';

export const LIVE_MS = 2000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const screenshotDir = path.resolve(repoRoot, screenshotDirOverride() ?? path.join('test-results', 'screenshots'));

/** A number shown under `testId`, waited for until `deadline` (ms since the epoch). */
export const shows = (page: Page, testId: string, expected: string, deadline = Date.now() + LIVE_MS) =>
  page.getByTestId(testId).filter({ hasText: new RegExp(`^${expected.replace('.', '\\.')}$`) })
    .waitFor({ timeout: Math.max(1, deadline - Date.now()) })
    .catch((err: unknown) => {
      throw new Error(`${testId} did not show ${expected} in time on ${page.url()}`, { cause: err });
    });

/**
 * Clicks, then waits for everything `seen` expects, all against one deadline 2 s after the
 * click: the dashboard promises to show each action within 2 seconds. Returns the ms.
 */
export async function within2s(click: () => Promise<void>, seen: (deadline: number) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await click();
  await seen(started + LIVE_MS);
  return Date.now() - started;
}

export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function fillTransaction(page: Page, amount: string, description: string) {
  await page.getByLabel('Amount').fill(amount);
  await page.getByLabel('Description').fill(description);
}

export const clickCreate = (page: Page) => page.getByRole('button', { name: 'Create' }).click();
