#!/usr/bin/env node
// Browser tests use Debian's Chromium. Install it when missing and we are
// root on Debian; otherwise stop with one line saying what to do. Never
// lets a test tool download a browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  process.stdout.write('Chromium is missing: installing Debian\'s chromium package…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
  if (install.status === 0 && existsSync(path)) process.exit(0);
}
process.stderr.write(`Chromium not found at ${path}: install it with \`sudo apt-get install chromium\` (or set CHROMIUM_PATH), then run the tests again.\n`);
process.exit(1);
