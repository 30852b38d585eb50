import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT, startServer, type RunningServer, type StartOptions } from '../../server/test/harness.js';

export { startServer, REPO_ROOT, type RunningServer } from '../../server/test/harness.js';

/**
 * A private copy of the built app, so a rebuild of apps/web/dist while the
 * tests run (other work on the same checkout) cannot swap files under them.
 * A copy taken mid-build is missing assets its index.html names: try again.
 */
export async function copyBuiltApp(): Promise<string> {
  const dist = join(REPO_ROOT, 'apps', 'web', 'dist');
  for (let attempt = 0; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'lamplight-web-'));
    cpSync(dist, dir, { recursive: true });
    const index = join(dir, 'index.html');
    const assets = existsSync(index) ? [...readFileSync(index, 'utf8').matchAll(/"\/(assets\/[^"]+)"/gu)].map((m) => m[1]!) : [];
    if (assets.length > 0 && assets.every((a) => existsSync(join(dir, a)))) return dir;
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 10) throw new Error('apps/web/dist is incomplete: run `npm run build`');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** {@link startServer} serving a private copy of the built app (see {@link copyBuiltApp}); the copy goes on stop. */
export async function startAppServer(opts: StartOptions = {}): Promise<RunningServer> {
  const webDir = await copyBuiltApp();
  const server = await startServer({ ...opts, env: { ...opts.env, LAMPLIGHT_WEB_DIR: webDir } });
  const stop = async (): Promise<void> => {
    await server.stop();
    rmSync(webDir, { recursive: true, force: true });
  };
  const kill = async (): Promise<void> => {
    await server.kill();
    rmSync(webDir, { recursive: true, force: true });
  };
  return Object.assign(Object.create(server) as RunningServer, { stop, kill });
}

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
