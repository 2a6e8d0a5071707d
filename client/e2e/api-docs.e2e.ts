/**
 * The gateway's API reference page in a real browser (Debian's Chromium), under the gateway's own
 * Content-Security-Policy: the viewer must load and render the document with no policy violation,
 * which an inline script or a third-party asset would cause. Only the gateway is needed: the
 * documents are built from the contract, not asked of the services.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import type { Browser } from 'playwright-core';
import { repoRoot } from '@paymesh/infra/stack';
import { spawnService, type ServiceProcess } from '@paymesh/infra/processes';
import { freePort } from '@paymesh/infra/testing';
import { launchChromium } from './support/chromium.js';
import { watchConsole } from './support/console.js';

const log = (line: string) => console.log(`      [e2e] ${line}`);
// Nothing listens here: the docs page needs no upstream.
const NOWHERE = 'http://127.0.0.1:9';

describe('the API reference page (/docs) in a real browser', function () {
  let gateway: ServiceProcess;
  let browser: Browser;

  before(async () => {
    const launching = launchChromium(log);
    launching.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    gateway = await spawnService({
      name: 'gateway',
      port: await freePort(),
      env: { AUTH_SERVICE_URL: NOWHERE, PAYMENT_SERVICE_URL: NOWHERE, ANALYTICS_SERVICE_URL: NOWHERE, AUTH_JWKS_URL: `${NOWHERE}/jwks`, LOG_LEVEL: 'warn' },
      logFile: path.join(repoRoot, 'test-results', 'api-docs-gateway.log'),
    });
    browser = await launching;
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await gateway?.stop();
  });

  it('renders the API title and its operations with no Content-Security-Policy violation and no console error', async () => {
    // Arrange
    const page = await browser.newPage();
    const consoleErrors = watchConsole(page);
    // Recorded from the start of the page's life (an init script runs outside the page's policy).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });

    // Act
    const response = await page.goto(`${gateway.url}/docs`);
    await page.locator('.info .title', { hasText: 'paymesh API' }).waitFor({ timeout: 15_000 });
    await page.getByText('/payment/transactions/list').first().waitFor();

    // Assert
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
    assert.deepEqual(consoleErrors(), []);
  });
});
