#!/usr/bin/env node
// Crisis detector over JSON Lines: each input line {"text": "...", "lang"?: "zh"|"en"}
// gives exactly one output line {"tier", "reasons"} or {"error"}, in order.
import { createInterface } from 'node:readline';

// Load the detector from TypeScript source through tsx (a fresh clone has no
// build step), or from dist/ when tsx is not installed.
async function loadModule(src, dist) {
  let api;
  try {
    api = await import('tsx/esm/api');
  } catch {
    api = undefined;
  }
  if (api === undefined) return import(dist);
  api.register();
  return import(src);
}

const { classifyLineJson } = await loadModule('../src/cli/classify-line.ts', '../dist/cli/classify-line.js');

process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

let pending = [];
let scheduled = false;
function flush() {
  scheduled = false;
  if (pending.length === 0) return;
  process.stdout.write(pending.join(''));
  pending = [];
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  pending.push(classifyLineJson(line) + '\n');
  if (pending.length >= 512) flush();
  else if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}
flush();
