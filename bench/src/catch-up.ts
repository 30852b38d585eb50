import type { CatchUpStats, PhaseResult, Target } from './gen-protocol.js';
import type { DatabaseKind } from './options.js';
import { compact, describe, discarded, type ScenarioContext, type ScenarioResult } from './scenarios.js';
import { median, roundTo } from './stats.js';

/** S5 on one database: ours only (the reference relay keeps no log to resume from). */
export type CatchUpResult = Readonly<{
  scenario: 'S5';
  database: DatabaseKind;
  params: Readonly<Record<string, number>>;
  /** The stayers' live deliveries over the whole phase. */
  deliveries_per_s: number | undefined;
  /** The stayers' latency for messages intended while the returning clients caught up. */
  p50_ms: number | undefined;
  p99_ms: number | undefined;
  /** The same before anyone left. */
  baseline_p50_ms: number | undefined;
  baseline_p99_ms: number | undefined;
  /** Server CPU from the moment they left to the end, over every delivery in that span (live and backlog). */
  cpu_us_per_delivery: number | undefined;
  db_cpu_us_per_delivery: number | undefined;
  rss_mb: number | undefined;
  /** From reconnect until every returning client had every message intended before it (the slowest client), ms. */
  catchup_ms: number | undefined;
  /** The same per client, median. */
  catchup_p50_ms: number | undefined;
  /** From reconnect until the server's `caught-up` frame, median over clients. */
  caught_up_frame_p50_ms: number | undefined;
  /** Backlog entries the returning clients received, and that many over catchup_ms. */
  catchup_entries: number | undefined;
  catchup_entries_per_s: number | undefined;
  /** Summed over repetitions: returning clients' owed messages never received, received twice, and sequence gaps/repeats. */
  missing: number;
  duplicates: number;
  unexpected: number;
  seq_gaps: number;
  seq_repeats: number;
  /** Stayers' deliveries not arrived within the drain time. */
  lost: number;
  reconnect_failed: number;
  valid: boolean;
  /** No reference: it keeps no log, so there is nothing to resume from and no ratio. */
  reference: null;
  ratio_vs_reference: null;
  discarded: ScenarioResult['discarded'];
  notes: readonly string[];
  repetitions: readonly unknown[];
}>;

type Rep = { phase: PhaseResult; stats: CatchUpStats };

/**
 * S5: under steady load, `awayPerCircle` members of every circle drop their
 * connections, stay away while messages flow, then reconnect and resume from
 * the last sequence number each saw. Ours only, `reps` times.
 */
export async function runS5(ctx: ScenarioContext, circles: readonly (readonly number[])[], url: string, reconnect: (t: Target) => Promise<void>): Promise<CatchUpResult> {
  const p = ctx.plan.s5;
  // Member 0 of each circle always stays, so every circle keeps a sender.
  const away = circles.flatMap((members) => members.slice(1, 1 + p.awayPerCircle));
  const clients = circles.reduce((a, c) => a + c.length, 0);
  ctx.log(
    `S5 ${ctx.database}: ${clients} clients, ${p.rate} messages/s; at ${p.leaveAtMs / 1000} s ${away.length} clients (${p.awayPerCircle} per circle) leave for ${p.awayMs / 1000} s, then resume (ours only: the reference keeps no log)`,
  );
  const reps: Rep[] = [];
  for (let rep = 0; rep < ctx.reps; rep++) {
    const r = await ctx.gen.catchUp({
      target: 'ours',
      serverPid: ctx.pids.ours,
      dbName: ctx.pgDatabase,
      rate: p.rate,
      durationMs: p.durationMs,
      warmupMs: p.warmupMs,
      windowMs: ctx.plan.windowMs,
      drainMs: p.drainMs,
      stallMs: ctx.plan.stallMs,
      awayClients: away,
      leaveAtMs: p.leaveAtMs,
      awayMs: p.awayMs,
      url,
      settleMs: p.settleMs,
    });
    reps.push(r);
    const s = r.stats;
    // A client that could not get back in leaves a hole in the pool: reconnect everyone.
    if (s.reconnectFailed > 0) await reconnect('ours');
    ctx.log(describe(r.phase));
    ctx.log(
      `            catch-up: ${s.backlogEntries} backlog entries, all ${s.awayClients} back in ${fmt(s.allBacklogMs)} ms (median client ${fmt(median(s.backlogMs))} ms, caught-up frame ${fmt(median(s.caughtUpFrameMs))} ms), ${s.incomplete} incomplete; missing ${s.missing}, duplicates ${s.duplicates}, seq gaps ${s.seqGaps}, repeats ${s.seqRepeats}; stayers' p99 ${fmt(s.baselineP99Ms)} → ${fmt(s.duringP99Ms)} ms over ${s.duringDeliveries} deliveries in ${s.duringMs} ms; ${fmt(s.cpuUsPerDelivery)} µs/delivery${s.firstError === undefined ? '' : `; ${s.firstError}`}`,
    );
  }
  // A repetition counts when its phase was valid and every returning client got back in.
  const ok = reps.filter((r) => r.phase.valid && r.stats.reconnectFailed === 0);
  const use = ok.length > 0 ? ok : reps;
  const m = (f: (r: Rep) => number | undefined): number | undefined => roundTo(median(use.map(f)));
  const entriesPerS = (r: Rep): number | undefined => (r.stats.allBacklogMs === undefined || r.stats.allBacklogMs <= 0 ? undefined : (r.stats.backlogEntries * 1000) / r.stats.allBacklogMs);
  const sum = (f: (r: Rep) => number): number => use.reduce((a, r) => a + f(r), 0);
  const notes = [
    'Ours only: the reference relay keeps no log, so there is nothing to resume from and no ratio.',
    'p50_ms/p99_ms are the stayers (members who never left), for messages intended from the reconnect until the last returning client had its backlog; baseline_* the same before anyone left.',
    'catchup_ms counts from the start of the reconnect (TCP, WebSocket, auth, subscribe with after = last seq seen) until every message intended before it had arrived, by message number; the slowest client.',
    'cpu_us_per_delivery: server CPU from the moment they left until the end, over every delivery in that span, live and backlog.',
  ];
  for (const r of reps) {
    if (!r.phase.valid) notes.push(`invalid repetition: ${r.phase.invalidReasons.join('; ')}`);
    if (r.stats.firstError !== undefined) notes.push(r.stats.firstError);
  }
  return {
    scenario: 'S5',
    database: ctx.database,
    params: { clients, circle_size: circles[0]?.length ?? 0, messages_per_s: p.rate, away_clients: away.length, leave_at_ms: p.leaveAtMs, away_ms: p.awayMs, duration_ms: p.durationMs, repetitions: ctx.reps },
    deliveries_per_s: m((r) => r.phase.deliveriesPerS),
    p50_ms: m((r) => r.stats.duringP50Ms),
    p99_ms: m((r) => r.stats.duringP99Ms),
    baseline_p50_ms: m((r) => r.stats.baselineP50Ms),
    baseline_p99_ms: m((r) => r.stats.baselineP99Ms),
    cpu_us_per_delivery: m((r) => r.stats.cpuUsPerDelivery),
    db_cpu_us_per_delivery: m((r) => r.phase.dbCpuUsPerDelivery),
    rss_mb: roundTo(Math.max(0, ...reps.map((r) => r.phase.rssMb)), 1),
    catchup_ms: m((r) => r.stats.allBacklogMs),
    catchup_p50_ms: m((r) => median(r.stats.backlogMs)),
    caught_up_frame_p50_ms: m((r) => median(r.stats.caughtUpFrameMs)),
    catchup_entries: m((r) => r.stats.backlogEntries),
    catchup_entries_per_s: roundTo(median(use.map(entriesPerS)), 0),
    missing: sum((r) => r.stats.missing),
    duplicates: sum((r) => r.stats.duplicates),
    unexpected: sum((r) => r.stats.unexpected),
    seq_gaps: sum((r) => r.stats.seqGaps),
    seq_repeats: sum((r) => r.stats.seqRepeats),
    lost: sum((r) => r.phase.lost),
    reconnect_failed: reps.reduce((a, r) => a + r.stats.reconnectFailed, 0),
    valid: ok.length >= Math.min(2, reps.length),
    reference: null,
    ratio_vs_reference: null,
    discarded: discarded(reps.map((r) => r.phase)),
    notes,
    repetitions: reps.map((r) => ({ ...compact(r.phase), catch_up: r.stats })),
  };
}

function fmt(x: number | undefined): string {
  return x === undefined ? '—' : x.toFixed(1);
}
