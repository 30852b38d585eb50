#!/usr/bin/env node
// Times detectCrisis over the dev set: p50 / p99 per message in Node. Prints, asserts nothing.
import { readFileSync } from 'node:fs';

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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const { detectCrisis } = await loadModule('../src/detector/index.ts', '../dist/detector/index.js');

const texts = ['devset.jsonl', 'devset-holdout.jsonl'].flatMap((file) =>
  readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l).text),
);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function run(label, inputs, rounds) {
  for (const t of inputs) detectCrisis(t);
  const times = [];
  const perMessage = inputs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    inputs.forEach((t, i) => {
      const start = process.hrtime.bigint();
      detectCrisis(t);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      times.push(ms);
      perMessage[i].push(ms);
    });
  }
  times.sort((a, b) => a - b);
  // The median of each message's own runs shows its cost without GC pauses and
  // other processes on a shared machine; the plain p99 includes them.
  const medians = perMessage.map((xs) => xs.sort((a, b) => a - b)[xs.length >> 1]).sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(3)} ms`;
  console.log(
    `${label}: ${times.length} calls, p50 ${fmt(percentile(times, 50))}, p99 ${fmt(percentile(times, 99))}, max ${fmt(times[times.length - 1])}; ` +
      `per-message median: p50 ${fmt(percentile(medians, 50))}, p99 ${fmt(percentile(medians, 99))}`,
  );
}

run(`dev set (${texts.length} messages x ${ROUNDS})`, texts, ROUNDS);
const long = Array.from({ length: 40 }, (_, i) => texts[i % texts.length]).join('。 ');
run(`long message (${long.length} chars)`, [long], 50);
