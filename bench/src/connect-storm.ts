import type { GeneratorProcess } from './gen-client.js';
import type { DatabaseKind } from './options.js';
import { processRssMb } from './proc.js';
import type { BenchClient } from './seed.js';
import { median, ratio, roundTo } from './stats.js';

/** S4's result on one database: time to connect everyone, and the server's memory with them connected. */
export type StormResult = Readonly<{
  scenario: 'S4';
  database: DatabaseKind;
  params: Readonly<Record<string, number>>;
  /** Median wall time until every client was connected (ours: authenticated and subscribed). */
  connect_ms: number | undefined;
  /** Server RSS with everyone connected (max over repetitions). */
  rss_mb: number;
  /** RSS growth from before the storm. */
  rss_growth_mb: number;
  failed: number;
  valid: boolean;
  reference: Readonly<{ connect_ms: number | undefined; rss_mb: number; rss_growth_mb: number; failed: number }>;
  ratio_vs_reference: Readonly<{ connect_ms: number | undefined }>;
  notes: readonly string[];
}>;

type Side = { ms: number[]; rss: number; growth: number; failed: number; firstError: string | undefined };

/** S4: connect (and for ours authenticate and subscribe) every client at once, `reps` times, reference and ours interleaved. */
export async function runS4(
  gen: GeneratorProcess,
  database: DatabaseKind,
  clients: readonly BenchClient[],
  circleSize: number,
  urls: Readonly<{ ours: string; reference: string }>,
  pids: Readonly<{ ours: number; reference: number }>,
  reps: number,
  log: (l: string) => void,
): Promise<StormResult> {
  const side = (): Side => ({ ms: [], rss: 0, growth: 0, failed: 0, firstError: undefined });
  const by = { ours: side(), reference: side() };
  log(`S4 ${database}: ${clients.length} clients connect at once`);
  for (let rep = 0; rep < reps; rep++) {
    for (const t of rep % 2 === 0 ? (['reference', 'ours'] as const) : (['ours', 'reference'] as const)) {
      const before = processRssMb(pids[t]);
      const r = await gen.connect(t, urls[t], clients, circleSize, clients.length);
      const after = processRssMb(pids[t]);
      await gen.close(t);
      const s = by[t];
      s.ms.push(r.ms);
      s.rss = Math.max(s.rss, after);
      s.growth = Math.max(s.growth, after - before);
      s.failed += r.failed;
      s.firstError ??= r.firstError;
      log(`  ${t.padEnd(9)} ${r.connected} connected in ${r.ms} ms (${r.failed} failed${r.firstError === undefined ? '' : `: ${r.firstError}`}), RSS ${after.toFixed(0)} MB (+${(after - before).toFixed(0)})`);
      // Let the server notice the closed sockets before the next storm.
      await new Promise((res) => setTimeout(res, 1000));
    }
  }
  const ours = roundTo(median(by.ours.ms), 0);
  const reference = roundTo(median(by.reference.ms), 0);
  return {
    scenario: 'S4',
    database,
    params: { clients: clients.length, repetitions: reps },
    connect_ms: ours,
    rss_mb: roundTo(by.ours.rss, 1) ?? 0,
    rss_growth_mb: roundTo(by.ours.growth, 1) ?? 0,
    failed: by.ours.failed,
    valid: by.ours.failed === 0 && by.reference.failed === 0,
    reference: { connect_ms: reference, rss_mb: roundTo(by.reference.rss, 1) ?? 0, rss_growth_mb: roundTo(by.reference.growth, 1) ?? 0, failed: by.reference.failed },
    ratio_vs_reference: { connect_ms: ratio(ours, reference) },
    notes: [
      'All clients start connecting at once from one generator process; connect_ms is until the last one is ready (ours: TLS-less WebSocket, auth, subscribe, caught-up).',
      ...(by.ours.firstError === undefined ? [] : [`ours: ${by.ours.firstError}`]),
    ],
  };
}
