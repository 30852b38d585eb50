import { chromium, type Browser } from 'playwright-core';

export { startServer, REPO_ROOT, type RunningServer } from '../../server/test/harness.js';

/** Debian's Chromium; the test command installs it when missing (scripts/ensure-chromium.mjs). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine without internet and without a GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
] as const;

/** Launch Debian's Chromium through playwright-core. Never downloads a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
}
