#!/usr/bin/env node
// Reproduces the group-commit experiment in docs/PERFORMANCE.md: copies the
// built server (apps/server/dist) to bench/.experiment/dist and patches its
// EntryWriter so a flush starts in setImmediate and yields to I/O before each
// batch. Then measure it beside the unpatched server:
//   node bench/tools/writer-experiment.mjs
//   npm run bench -- --quick --scenarios S1 --server-main bench/.experiment/dist/main.js
// The copy is git-ignored; it is an experiment, not a change to the server.
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'bench', '.experiment');
rmSync(out, { recursive: true, force: true });
cpSync(join(root, 'apps', 'server', 'dist'), join(out, 'dist'), { recursive: true });
// The server's own dependencies (e.g. @fastify/static) live beside it.
if (existsSync(join(root, 'apps', 'server', 'node_modules'))) symlinkSync(join(root, 'apps', 'server', 'node_modules'), join(out, 'node_modules'));

const file = join(out, 'dist', 'ws', 'writer.js');
let src = readFileSync(file, 'utf8');
const patches = [
  [
    /if \(!this\.flushing\)\s*void this\.flush\(\);/u,
    'if (!this.flushing) { this.flushing = true; setImmediate(() => void this.flush()); }',
  ],
  [
    /while \(this\.queue\.length > 0\) \{\s*const batch = this\.queue\.splice\(0, MAX_BATCH\);/u,
    'while (this.queue.length > 0) { await new Promise((r) => setImmediate(r)); const batch = this.queue.splice(0, MAX_BATCH);',
  ],
];
for (const [from, to] of patches) {
  if (!from.test(src)) {
    process.stderr.write(`writer.js no longer matches ${from}; the experiment needs updating\n`);
    process.exit(1);
  }
  src = src.replace(from, to);
}
writeFileSync(file, src);
process.stdout.write(`patched copy at ${join(out, 'dist', 'main.js')}\n`);
