#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources,
// then run the server in this process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [join(root, 'apps/server/dist/main.js'), join(root, 'apps/web/dist/index.html')];
const sources = ['packages', 'apps/server/src', 'apps/web/src', 'apps/web/public', 'apps/web/index.html'].map((p) => join(root, p));

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e === 'dist') continue;
    m = Math.max(m, newest(join(path, e)));
  }
  return m;
}

const builtAt = Math.min(...outputs.map((o) => (existsSync(o) ? statSync(o).mtimeMs : 0)));
if (builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  process.stdout.write('Building Lamplight (first start, or sources changed)…\n');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(outputs[0]).href);
