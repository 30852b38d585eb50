#!/usr/bin/env node
// The S5 experiment in docs/PERFORMANCE.md: copies the built server
// (apps/server/dist) to bench/.experiment-setup/dist with SET_UP_CONCURRENCY
// (connections authenticating or catching up at once, per node) set to the
// given number, to see whether catch-up reads delay the write path. Then:
//   node bench/tools/setup-limit-experiment.mjs 4
//   npm run bench -- --quick --no-build --scenarios S5 --db postgres --server-main bench/.experiment-setup/dist/main.js
// The copy is git-ignored; it is an experiment, not a change to the server.
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const limit = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(limit) || limit < 1) {
  process.stderr.write('usage: node bench/tools/setup-limit-experiment.mjs <concurrency ≥ 1>\n');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'bench', '.experiment-setup');
rmSync(out, { recursive: true, force: true });
cpSync(join(root, 'apps', 'server', 'dist'), join(out, 'dist'), { recursive: true });
// The server's own dependencies (e.g. @fastify/static) live beside it.
if (existsSync(join(root, 'apps', 'server', 'node_modules'))) symlinkSync(join(root, 'apps', 'server', 'node_modules'), join(out, 'node_modules'));

const file = join(out, 'dist', 'ws', 'index.js');
const src = readFileSync(file, 'utf8');
const from = /export const SET_UP_CONCURRENCY = \d+;/u;
if (!from.test(src)) {
  process.stderr.write(`ws/index.js no longer matches ${from}; the experiment needs updating\n`);
  process.exit(1);
}
writeFileSync(file, src.replace(from, `export const SET_UP_CONCURRENCY = ${limit};`));
process.stdout.write(`patched copy (SET_UP_CONCURRENCY = ${limit}) at ${join(out, 'dist', 'main.js')}\n`);
