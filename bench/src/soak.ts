import type { PhaseResult } from './gen-protocol.js';
import type { DatabaseKind } from './options.js';
import type { ScenarioContext } from './scenarios.js';
import { median, roundTo } from './stats.js';

/** One minute of the soak. */
export type SoakMinute = Readonly<{ p50_ms: number; p99_ms: number; rss_mb: number; cpu_us_per_delivery: number; lost: number; valid: boolean }>;

/** A later minute's p99 may be at most this many times the median minute's. */
export const SOAK_P99_FACTOR = 2;
/** RSS may grow at most this much from the end of the first minute to the end of the last. */
export const SOAK_RSS_GROWTH_MB = 20;

/** The soak's result: our server only, at a steady rate for some minutes. */
export type SoakResult = Readonly<{
  scenario: 'SOAK';
  database: DatabaseKind;
  params: Readonly<Record<string, number>>;
  minutes: readonly SoakMinute[];
  p99_ms: number | undefined;
  worst_p99_ms: number | undefined;
  rss_growth_mb: number | undefined;
  lost: number;
  stable_p99: boolean;
  stable_memory: boolean;
  valid: boolean;
  notes: readonly string[];
}>;

/**
 * Is the soak stable? Every valid minute's p99 within {@link SOAK_P99_FACTOR}
 * of the median minute's, RSS grown by at most {@link SOAK_RSS_GROWTH_MB} after
 * the first minute (which carries the warm-up), and nothing lost. Minutes the
 * machine stalled through are left out; with fewer than two left, nothing can be said.
 */
export function soakVerdict(minutes: readonly SoakMinute[]): Pick<SoakResult, 'p99_ms' | 'worst_p99_ms' | 'rss_growth_mb' | 'lost' | 'stable_p99' | 'stable_memory' | 'valid'> {
  const kept = minutes.filter((m) => m.valid);
  const lost = minutes.reduce((a, m) => a + m.lost, 0);
  const p99 = median(kept.map((m) => m.p99_ms));
  const worst = kept.length === 0 ? undefined : Math.max(...kept.map((m) => m.p99_ms));
  const first = minutes[0]?.rss_mb;
  const last = minutes.at(-1)?.rss_mb;
  const growth = first === undefined || last === undefined ? undefined : roundTo(last - first, 1);
  const valid = kept.length >= 2;
  return {
    p99_ms: roundTo(p99),
    worst_p99_ms: roundTo(worst),
    rss_growth_mb: growth,
    lost,
    stable_p99: valid && p99 !== undefined && worst !== undefined && worst <= SOAK_P99_FACTOR * p99 && lost === 0,
    stable_memory: valid && growth !== undefined && growth <= SOAK_RSS_GROWTH_MB,
    valid,
  };
}

const MINUTE_MS = 60_000;

/** The soak: our server alone at `rate` messages/s for `minutes` one-minute phases back to back. */
export async function runSoak(ctx: ScenarioContext, clients: number, circleSize: number, rate: number, minutes: number): Promise<SoakResult> {
  ctx.log(`SOAK ${ctx.database}: ${clients} clients, circles of ${circleSize}, ${rate} messages/s for ${minutes} min (ours only)`);
  const results: PhaseResult[] = [];
  for (let i = 0; i < minutes; i++) {
    const r = await ctx.gen.phase({
      target: 'ours',
      serverPid: ctx.pids.ours,
      dbName: ctx.pgDatabase,
      rate,
      durationMs: MINUTE_MS,
      warmupMs: i === 0 ? ctx.plan.s1.warmupMs : 0,
      windowMs: ctx.plan.windowMs,
      drainMs: 2000,
      stallMs: ctx.plan.stallMs,
    });
    results.push(r);
    ctx.log(`  minute ${i + 1}: p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  ${r.serverCpuUsPerDelivery.toFixed(2)} µs/delivery  RSS ${r.rssMb.toFixed(0)} MB  lost ${r.lost}${r.valid ? '' : `  INVALID (${r.invalidReasons.join('; ')})`}`);
  }
  const perMinute: SoakMinute[] = results.map((r) => ({
    p50_ms: roundTo(r.p50Ms) ?? 0,
    p99_ms: roundTo(r.p99Ms) ?? 0,
    rss_mb: roundTo(r.rssMb, 1) ?? 0,
    cpu_us_per_delivery: roundTo(r.serverCpuUsPerDelivery) ?? 0,
    lost: r.lost,
    valid: r.valid,
  }));
  return {
    scenario: 'SOAK',
    database: ctx.database,
    params: { clients, circle_size: circleSize, messages_per_s: rate, minutes },
    minutes: perMinute,
    ...soakVerdict(perMinute),
    notes: [`Stable: every valid minute's p99 within ${SOAK_P99_FACTOR}× the median minute's, nothing lost, RSS grown ≤ ${SOAK_RSS_GROWTH_MB} MB from the first minute to the last.`],
  };
}
