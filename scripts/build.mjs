#!/usr/bin/env node
// Build everything the server needs: the TypeScript packages and server
// (tsc -b, incremental) and the web app (Vite).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(bin('tsc'), ['-b']);
run(bin('vite'), ['build', '--logLevel', 'warn', join(root, 'apps', 'web')]);
