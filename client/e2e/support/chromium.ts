import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPathOverride, inheritedEnv } from '../config.js';

const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; the sandbox needs a non-root user we do not have.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's Chromium, installed when missing (as root, through apt), or the browser CHROMIUM_PATH
 * names. A browser that cannot be had is a failure of the test, never a skip.
 */
export function findChromium(log: (line: string) => void): string {
  const override = chromiumPathOverride();
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is ${override}, which does not exist`);
    return override;
  }
  if (existsSync(CHROMIUM)) return CHROMIUM;
  log('chromium is missing: installing it with apt-get…');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', env: { ...inheritedEnv(), DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (err) {
    throw new Error(`Chromium is not at ${CHROMIUM} and apt-get could not install it: ${(err as Error).message}`, { cause: err });
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get ran but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}

/** playwright's launch() gives every run a fresh, empty profile: no earlier token or cache leaks in. */
export async function launchChromium(log: (line: string) => void): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(log), headless: true, args: FLAGS });
}
