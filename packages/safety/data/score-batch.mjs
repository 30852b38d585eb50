#!/usr/bin/env node
// Scores one or more JSON Lines files ({"text","lang","tier"}) with the detector as it is now,
// per language: crisis recall (high+ caught as high+), concern-or-above recall for concern
// rows, share of none/concern rows raised to high+, exact tier. With --misses, lists mistakes.
// Run: node packages/safety/data/score-batch.mjs packages/safety/data/batches/b01.jsonl [--misses]
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { detectCrisis } = await import('../src/detector/index.ts');
const rank = { none: 0, concern: 1, high: 2, imminent: 3 };
const args = process.argv.slice(2);
const misses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));
const rows = files.flatMap((f) =>
  readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)),
);
for (const lang of ['en', 'zh']) {
  const s = { n: 0, crisis: 0, caught: 0, conc: 0, concCaught: 0, calm: 0, raised: 0, exact: 0 };
  const wrong = [];
  for (const r of rows.filter((x) => x.lang === lang)) {
    const d = detectCrisis(r.text, r.lang);
    s.n++;
    if (d.tier === r.tier) s.exact++;
    const want = rank[r.tier];
    const got = rank[d.tier];
    if (want >= 2) {
      s.crisis++;
      if (got >= 2) s.caught++;
      else wrong.push(r);
    } else {
      s.calm++;
      if (got >= 2) { s.raised++; wrong.push(r); }
      if (want === 1) { s.conc++; if (got >= 1) s.concCaught++; else wrong.push(r); }
      if (want === 0 && got === 1) wrong.push(r);
    }
    if (misses && wrong.at(-1) === r) console.log(`  ${r.tier} -> ${d.tier} [${d.reasons.join(',')}] ${r.text.slice(0, 160)}`);
  }
  if (s.n === 0) continue;
  const f = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2));
  console.log(
    `${lang}: n=${s.n} recall(high+)=${f(s.caught, s.crisis)} (${s.caught}/${s.crisis}) concern>=concern=${f(s.concCaught, s.conc)} (${s.concCaught}/${s.conc}) raised=${f(s.raised, s.calm)} (${s.raised}/${s.calm}) exact=${f(s.exact, s.n)}`,
  );
}
