import type { PhaseResult, Target } from './gen-protocol.js';
import type { DatabaseKind } from './options.js';
import type { ScenarioContext } from './scenarios.js';
import { median, ratio, roundTo } from './stats.js';

/** One side (ours or the reference) of S6. */
export type SlowSide = Readonly<{
  /** Others' p99 without, then with, the slow consumers (medians). */
  baseline_p99_ms: number | undefined;
  p99_ms: number | undefined;
  /** p99 with ÷ p99 without, minus one (the target: ≤ +10 %); median of per-repetition values. */
  p99_change: number | undefined;
  p50_ms: number | undefined;
  lost: number;
  /** Server RSS: the most seen with slow consumers, and its growth over the phase without them. */
  rss_mb: number;
  rss_growth_mb: number;
  valid: boolean;
}>;

/** S6 on one database. */
export type SlowResult = Readonly<{
  scenario: 'S6';
  database: DatabaseKind;
  params: Readonly<Record<string, number>>;
  valid: boolean;
  reference: SlowSide;
  notes: readonly string[];
  repetitions: readonly unknown[];
}> &
  SlowSide;

/** The same load twice: everyone reading, then with some members of every circle no longer reading. */
export async function runS6(ctx: ScenarioContext, circles: readonly (readonly number[])[], reconnect: (t: Target) => Promise<void>): Promise<SlowResult> {
  const p = ctx.plan.s6;
  const slow = circles.flatMap((members) => members.slice(1, 1 + p.slowPerCircle));
  const spec = { rate: p.rate, durationMs: p.durationMs, warmupMs: p.warmupMs, windowMs: ctx.plan.windowMs, drainMs: p.drainMs, stallMs: ctx.plan.stallMs };
  const runs: Record<Target, { base: PhaseResult; slow: PhaseResult }[]> = { reference: [], ours: [] };
  ctx.log(`S6 ${ctx.database}: ${p.rate} messages/s; then ${p.slowPerCircle} members of every circle stop reading (${slow.length} clients)`);
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const t of rep % 2 === 0 ? (['reference', 'ours'] as const) : (['ours', 'reference'] as const)) {
      const common = { ...spec, target: t, serverPid: ctx.pids[t], dbName: t === 'ours' ? ctx.pgDatabase : undefined };
      const base = await ctx.gen.phase(common);
      const withSlow = await ctx.gen.phase({ ...common, slowClients: slow });
      runs[t].push({ base, slow: withSlow });
      ctx.log(
        `  ${t.padEnd(9)} others' p99 ${base.p99Ms.toFixed(2)} → ${withSlow.p99Ms.toFixed(2)} ms, p50 ${base.p50Ms.toFixed(2)} → ${withSlow.p50Ms.toFixed(2)} ms, RSS ${base.rssMb.toFixed(0)} → ${withSlow.rssMb.toFixed(0)} MB${withSlow.lost > 0 ? `, lost ${withSlow.lost}` : ''}${withSlow.valid && base.valid ? '' : ' INVALID'}`,
      );
      await reconnect(t);
    }
  }
  const side = (t: Target): SlowSide => {
    const rs = runs[t];
    const ok = rs.filter((r) => r.base.valid && r.slow.valid);
    const use = ok.length > 0 ? ok : rs;
    return {
      baseline_p99_ms: roundTo(median(use.map((r) => r.base.p99Ms))),
      p99_ms: roundTo(median(use.map((r) => r.slow.p99Ms))),
      p99_change: roundTo(median(use.map((r) => (ratio(r.slow.p99Ms, r.base.p99Ms) ?? 1) - 1))),
      p50_ms: roundTo(median(use.map((r) => r.slow.p50Ms))),
      lost: use.reduce((a, r) => a + r.slow.lost, 0),
      rss_mb: roundTo(Math.max(0, ...rs.map((r) => r.slow.rssMb)), 1) ?? 0,
      rss_growth_mb: roundTo(median(use.map((r) => r.slow.rssMb - r.base.rssMb)), 1) ?? 0,
      valid: ok.length >= Math.min(2, rs.length),
    };
  };
  const ours = side('ours');
  const reference = side('reference');
  return {
    scenario: 'S6',
    database: ctx.database,
    params: { clients: circles.reduce((a, c) => a + c.length, 0), messages_per_s: p.rate, slow_per_circle: p.slowPerCircle, slow_clients: slow.length, duration_ms: p.durationMs, repetitions: ctx.reps },
    ...ours,
    valid: ours.valid && reference.valid,
    reference,
    notes: [
      "Slow consumers stop reading for the second phase and are closed after it; 'others' are everyone else. Only the others count as recipients in both phases.",
      `Our server disconnects a reader whose queue passes 1 MiB; at this rate that takes longer than a quick phase, so the memory figure is the growth of queued sends, not the cap.`,
    ],
    repetitions: [...runs.ours, ...runs.reference].map((r) => ({ target: r.base.target, base_p99_ms: r.base.p99Ms, slow_p99_ms: r.slow.p99Ms, base_rss_mb: r.base.rssMb, slow_rss_mb: r.slow.rssMb, lost: r.slow.lost, valid: r.base.valid && r.slow.valid })),
  };
}
