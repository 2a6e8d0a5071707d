/**
 * The client in a real browser (Debian's Chromium) against the real running mesh: sign up,
 * create two transactions, hit the cap, pay all, while a second window's dashboard follows
 * each action within 2 seconds. One person's story, so the steps run in order and share the windows.
 * Screenshots of the main screens go to test-results/screenshots/ (docs/screenshots/ with `npm run screenshots`).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { watchConsole } from './support/console.js';
import { startStack, type Stack } from './support/stack.js';
import { clickCreate, fillTransaction, LIVE_MS, screenshotDir, shoot, shows, within2s } from './support/ui.js';

const log = (line: string) => console.log(`      [e2e] ${line}`);
const PASSWORD = 'correct horse battery';

describe('paymesh in a real browser, against the running mesh', function () {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let dashboardContext: BrowserContext;
  let app: Page;
  let dashboard: Page;
  let consoleErrors: (() => string[])[];
  const creates: string[] = [];
  const username = `e2e_${randomUUID().slice(0, 8)}`;

  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const launching = launchChromium(log);
    launching.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    stack = await startStack(log);
    browser = await launching;
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    app = await context.newPage();
    consoleErrors = [watchConsole(app)];
    app.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/payment/transactions')) creates.push(r.url());
    });
  });

  afterEachFailureScreenshots(() => [app, dashboard]);

  after(async () => {
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('signs up and lands on the transactions screen', async () => {
    await app.goto(`${stack.clientUrl}/signup`);
    await app.getByRole('heading', { name: 'Create your account' }).waitFor();
    await shoot(app, 'sign-up');

    await app.getByLabel('Username').fill(username);
    await app.getByLabel('Password').fill(PASSWORD);
    await app.getByRole('button', { name: 'Sign up' }).click();

    await app.getByRole('heading', { name: 'Transactions' }).waitFor();
    await app.getByTestId('signed-in-as').filter({ hasText: username }).waitFor();
  });

  it('opens the dashboard in a second window, live over the stream', async () => {
    // A window of its own (a tab behind the other would be throttled by Chromium), with the
    // same saved session and nothing else: what it shows came through the stream or a poll.
    dashboardContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light', storageState: await context.storageState() });
    dashboard = await dashboardContext.newPage();
    consoleErrors.push(watchConsole(dashboard));
    await dashboard.goto(`${stack.clientUrl}/dashboard`);
    await dashboard.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    await shows(dashboard, 'own-transactions', '0');
  });

  it('creates two transactions, and the dashboard follows each within 2 s', async () => {
    await fillTransaction(app, '600', 'Laptop');
    const first = await within2s(() => clickCreate(app), async (deadline) => {
      await shows(dashboard, 'own-transactions', '1', deadline);
      await shows(dashboard, 'own-amount', '600.00', deadline);
      await shows(dashboard, 'global-transactions', '1', deadline);
    });
    await app.getByText('Created 600.00 for “Laptop”.').waitFor();

    await fillTransaction(app, '300', 'Headphones');
    const second = await within2s(() => clickCreate(app), async (deadline) => {
      await shows(dashboard, 'own-transactions', '2', deadline);
      await shows(dashboard, 'own-amount', '900.00', deadline);
      await shows(dashboard, 'global-amount', '900.00', deadline);
    });
    log(`dashboard followed the creates in ${first} ms and ${second} ms`);

    await shows(app, 'spent-total', '900.00');
    await shows(app, 'remaining', '100.00');
    assert.equal(await app.getByTestId('transaction').count(), 2);
  });

  it('refuses an amount over the cap in the browser, naming the total and what is left, and sends nothing', async () => {
    const sentBefore = creates.length;
    await fillTransaction(app, '200', 'Concert tickets');
    await clickCreate(app);

    await app.getByText('That is over your cap: your total is 900.00, so at most 100.00 is still allowed.').waitFor({ timeout: LIVE_MS });
    assert.equal(creates.length, sentBefore, 'an amount over the cap must not be sent');
    await shoot(app, 'cap-reached');
  });

  it('pays all, says how many and how much, and the dashboard follows within 2 s', async () => {
    const ms = await within2s(() => app.getByRole('button', { name: 'Pay all' }).click(), async (deadline) => {
      await shows(dashboard, 'own-paid', '2', deadline);
      await shows(dashboard, 'global-paid', '2', deadline);
    });
    log(`dashboard followed pay all in ${ms} ms`);

    await app.getByTestId('pay-outcome').filter({ hasText: 'Paid 2 transactions, 900.00 in total.' }).waitFor();
    await app.locator('.tx-paid').nth(1).waitFor({ timeout: LIVE_MS });
    assert.equal(await app.locator('.tx-unpaid').count(), 0);
  });

  it('shows the per-minute chart, and fits a phone screen', async () => {
    await fillTransaction(app, '', '');
    await shoot(app, 'transactions');
    await dashboard.getByRole('img', { name: /Transactions per minute, last 60 minutes: 2 in total/ }).waitFor({ timeout: 10_000 });
    await shoot(dashboard, 'dashboard');
    await dashboard.emulateMedia({ colorScheme: 'dark' });
    await shoot(dashboard, 'dashboard-dark');
    await dashboard.emulateMedia({ colorScheme: 'light' });

    for (const page of [app, dashboard]) await page.setViewportSize({ width: 390, height: 844 });
    for (const page of [app, dashboard]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${page.url()} scrolls sideways by ${overflow} px on a phone`);
    }
    await shoot(app, 'transactions-phone');
    await shoot(dashboard, 'dashboard-phone');
  });

  it('shows the operations view: every service ready, breakers closed, nothing waiting in the outbox or the consumer', async () => {
    const ops = await context.newPage();
    consoleErrors.push(watchConsole(ops));
    await ops.setViewportSize({ width: 1280, height: 860 });
    await ops.goto(`${stack.clientUrl}/operations`);

    await ops.getByTestId('mesh-status').filter({ hasText: 'All services ready' }).waitFor({ timeout: 10_000 });
    for (const name of ['auth', 'payment', 'analytics']) await shows(ops, `${name}-circuit`, 'Closed', Date.now() + 5000);
    await shows(ops, 'outbox-backlog', '0', Date.now() + 10_000);
    await shows(ops, 'consumer-lag', '0', Date.now() + 10_000);
    await shoot(ops, 'operations');
    await ops.close();
  });

  it('passes axe-core\'s WCAG 2.1 AA rules on every page, in light and dark, on desktop and phone', async function () {
    this.timeout(180_000);
    const signedOut = await browser.newContext();
    const pages: { context: BrowserContext; path: string; ready: (p: Page) => Promise<void> }[] = [
      { context: signedOut, path: '/signin', ready: (p) => p.getByRole('heading', { name: 'Welcome back' }).waitFor() },
      { context: signedOut, path: '/signup', ready: (p) => p.getByRole('heading', { name: 'Create your account' }).waitFor() },
      { context, path: '/', ready: (p) => p.getByTestId('spent-total').waitFor() },
      { context, path: '/dashboard', ready: (p) => p.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 }) },
      { context, path: '/operations', ready: (p) => p.getByTestId('mesh-status').waitFor({ timeout: 10_000 }) },
    ];
    const failures: string[] = [];
    for (const { context: owner, path: route, ready } of pages) {
      const page = await owner.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${stack.clientUrl}${route}`);
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize(viewport);
          await ready(page);
          for (const v of await axeViolations(page)) failures.push(`${route} ${colorScheme} ${viewport.width}px: ${v}`);
        }
      }
      await page.close();
    }
    await signedOut.close();
    assert.deepEqual(failures, [], failures.join('\n'));
  });

  it('signs out, refuses a wrong password, and signs back in to the same totals', async () => {
    await dashboardContext.close();
    await app.setViewportSize({ width: 1280, height: 860 });
    await app.getByRole('button', { name: 'Sign out' }).click();
    await app.getByRole('heading', { name: 'Welcome back' }).waitFor();

    await app.getByLabel('Username').fill(username);
    await app.getByLabel('Password').fill('not the password');
    await app.getByRole('button', { name: 'Sign in' }).click();
    await app.getByText('Wrong username or password.').waitFor();
    await shoot(app, 'sign-in-error');

    await app.getByLabel('Password').fill(PASSWORD);
    await app.getByRole('button', { name: 'Sign in' }).click();
    await shows(app, 'spent-total', '900.00', Date.now() + 10_000);
  });

  it('logged no errors in the browser console', async () => {
    await context.close();
    // Chromium logs every 4xx response as an error: the wrong password typed on purpose
    // above is the one allowed.
    const expected = ['/signin: Failed to load resource: the server responded with a status of 401 (Unauthorized)'];
    assert.deepEqual(consoleErrors.flatMap((read) => read()), expected);
  });
});

/** When a step fails, what the screens showed says more than the timeout does. */
function afterEachFailureScreenshots(pages: () => (Page | undefined)[]) {
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const [i, page] of pages().entries()) {
      if (page && !page.isClosed()) {
        const file = path.join(os.tmpdir(), `paymesh-e2e-failure-${i}.png`);
        await page.screenshot({ path: file, fullPage: true });
        log(`failure screenshot: ${file}`);
      }
    }
  });
}
