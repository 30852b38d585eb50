import type { PhaseResult, PhaseSpec, Target } from './gen-protocol.js';
import type { GeneratorProcess } from './gen-client.js';
import type { DatabaseKind, Plan } from './options.js';
import { median, ratio, roundTo } from './stats.js';

/** Everything a scenario needs to drive one database's pair of servers. */
export type ScenarioContext = Readonly<{
  gen: GeneratorProcess;
  plan: Plan;
  reps: number;
  database: DatabaseKind;
  pids: Readonly<Record<Target, number>>;
  /** Name of the PostgreSQL database our server uses, to find its backends. */
  pgDatabase: string | undefined;
  log: (line: string) => void;
}>;

/** Median metrics of one target over the repetitions (the `--json` keys the issue asks for). */
export type Metrics = Readonly<{
  deliveries_per_s: number | undefined;
  p50_ms: number | undefined;
  p99_ms: number | undefined;
  cpu_us_per_delivery: number | undefined;
  db_cpu_us_per_delivery: number | undefined;
  rss_mb: number | undefined;
  lost: number;
  server_cpu_fraction: number | undefined;
  generator_cpu_fraction: number | undefined;
  ack_p99_ms: number | undefined;
  /** Share of the time the server's main thread was runnable but had no CPU (others' load on its core). */
  server_run_queue_wait: number | undefined;
  /** Summed run-queue wait of our database's PostgreSQL backends, as a share of the time. */
  db_run_queue_wait: number | undefined;
  valid: boolean;
  valid_repetitions: number;
}>;

/** S2 only: the knees of a ramp (messages per second). */
export type Knee = Readonly<{
  knee_messages_per_s?: number | undefined;
  knee50_messages_per_s?: number | undefined;
  /** The ramp ended on an invalid step or at its last step, so the knee is a lower bound. */
  censored?: boolean;
  /** 'upper-bound' when the reference's knee is only a lower bound. */
  knee_ratio_kind?: 'measured' | 'upper-bound';
}>;

/** One scenario on one database: ours, the reference, their ratios, and what was discarded. */
export type ScenarioResult = Readonly<{
  scenario: 'S1' | 'S2' | 'S3';
  database: DatabaseKind;
  params: Readonly<Record<string, number>>;
  valid: boolean;
  ratio_vs_reference: Readonly<Record<string, number | undefined>>;
  reference: Metrics & Knee;
  discarded: Readonly<{ stalls: number; messages_dropped_for_stalls: number; messages_measured: number; generator_bound_windows: number }>;
  notes: readonly string[];
  repetitions: readonly unknown[];
}> &
  Metrics &
  Knee;

type Spec = Omit<PhaseSpec, 'target' | 'serverPid' | 'dbName'>;

function specFor(ctx: ScenarioContext, target: Target, s: Spec): PhaseSpec {
  return { ...s, target, serverPid: ctx.pids[target], dbName: target === 'ours' ? ctx.pgDatabase : undefined };
}

/** Run a phase; if a stall swallowed every window, run it once more. */
async function phase(ctx: ScenarioContext, target: Target, s: Spec): Promise<PhaseResult> {
  const r = await ctx.gen.phase(specFor(ctx, target, s));
  if (r.discardedMessages < r.measuredMessages / 4) return r;
  ctx.log(`  ${target} @${s.rate}/s: stalls took most of the run; repeating once`);
  return ctx.gen.phase(specFor(ctx, target, s));
}

/** Reference first on even repetitions, ours first on odd ones. */
export function order(rep: number): readonly Target[] {
  return rep % 2 === 0 ? ['reference', 'ours'] : ['ours', 'reference'];
}

export function metrics(rs: readonly PhaseResult[], pick: (r: PhaseResult) => PhaseResult | undefined = (r) => r): Metrics {
  const valid = rs.filter((r) => r.valid);
  const use = (valid.length > 0 ? valid : rs).map(pick).filter((r): r is PhaseResult => r !== undefined);
  const m = (f: (r: PhaseResult) => number | undefined): number | undefined => roundTo(median(use.map(f)));
  return {
    deliveries_per_s: m((r) => r.deliveriesPerS),
    p50_ms: m((r) => r.p50Ms),
    p99_ms: m((r) => r.p99Ms),
    cpu_us_per_delivery: m((r) => r.serverCpuUsPerDelivery),
    db_cpu_us_per_delivery: m((r) => r.dbCpuUsPerDelivery),
    rss_mb: roundTo(Math.max(0, ...rs.map((r) => r.rssMb)), 1),
    lost: use.reduce((a, r) => a + r.lost, 0),
    server_cpu_fraction: m((r) => r.serverCpuFraction),
    generator_cpu_fraction: m((r) => r.generatorCpuFraction),
    ack_p99_ms: m((r) => r.ackP99Ms),
    server_run_queue_wait: m((r) => r.serverRunQueueWaitShare),
    db_run_queue_wait: m((r) => r.dbRunQueueWaitShare),
    valid: valid.length >= Math.min(2, rs.length),
    valid_repetitions: valid.length,
  };
}

export function compact(r: PhaseResult): Record<string, unknown> {
  return {
    target: r.target,
    rate: r.rate,
    deliveries_per_s: r.deliveriesPerS,
    p50_ms: r.p50Ms,
    p99_ms: r.p99Ms,
    max_ms: r.maxMs,
    cpu_us_per_delivery: r.serverCpuUsPerDelivery,
    db_cpu_us_per_delivery: r.dbCpuUsPerDelivery,
    lost: r.lost,
    server_cpu: r.serverCpuFraction,
    generator_cpu: r.generatorCpuFraction,
    discarded_messages: r.discardedMessages,
    stalls_ms: r.stalls,
    generator_bound_windows: r.generatorBoundWindows,
    server_run_queue_wait: r.serverRunQueueWaitShare,
    db_run_queue_wait: r.dbRunQueueWaitShare,
    max_send_late_ms: r.maxSendLateMs,
    errors: r.errors,
    first_error: r.firstError,
    valid: r.valid,
    invalid: r.invalidReasons,
  };
}

export function describe(r: PhaseResult): string {
  const flags = [r.valid ? '' : `INVALID (${r.invalidReasons.join('; ')})`, r.discardedMessages > 0 ? `${r.stalls.length} stalls, ${r.discardedMessages}/${r.measuredMessages} messages dropped` : '', r.lost > 0 ? `lost ${r.lost}` : '', r.errors > 0 ? `${r.errors} errors: ${r.firstError ?? ''}` : '']
    .filter((x) => x !== '')
    .join(', ');
  const detail = process.env.BENCH_DEBUG === undefined ? '' : `\n${r.windows.map((w) => `      ${JSON.stringify(w)}`).join('\n')}`;
  return `  ${r.target.padEnd(9)} @${String(r.rate).padStart(5)}/s  ${String(Math.round(r.deliveriesPerS)).padStart(7)} deliveries/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  ${r.serverCpuUsPerDelivery.toFixed(2)} µs/delivery  server cpu ${(r.serverCpuFraction * 100).toFixed(0)}%  gen cpu ${(r.generatorCpuFraction * 100).toFixed(0)}%  server waited ${(r.serverRunQueueWaitShare * 100).toFixed(0)}%${r.dbRunQueueWaitShare === undefined ? '' : `  db cpu ${r.dbCpuUsPerDelivery?.toFixed(2) ?? '—'} µs/delivery, db waited ${(r.dbRunQueueWaitShare * 100).toFixed(0)}%`} ${flags}${detail}`;
}

export function discarded(rs: readonly PhaseResult[]): ScenarioResult['discarded'] {
  return {
    stalls: rs.reduce((a, r) => a + r.stalls.length, 0),
    messages_dropped_for_stalls: rs.reduce((a, r) => a + r.discardedMessages, 0),
    messages_measured: rs.reduce((a, r) => a + r.measuredMessages, 0),
    generator_bound_windows: rs.reduce((a, r) => a + r.generatorBoundWindows, 0),
  };
}

/** S1: steady fan-out at a fixed rate, reference and ours interleaved, `reps` times. */
export function runS1(ctx: ScenarioContext, clients: number): Promise<ScenarioResult> {
  const p = ctx.plan.s1;
  return steady(ctx, 'S1', clients, p.circleSize, p.rate, p);
}

/** S3 for one circle size: the rate that gives the plan's deliveries per second through circles of `circleSize`. */
export function runS3(ctx: ScenarioContext, circleSize: number): Promise<ScenarioResult> {
  const p = ctx.plan.s3;
  return steady(ctx, 'S3', p.clients, circleSize, Math.round(p.deliveriesPerS / (circleSize - 1)), p);
}

async function steady(
  ctx: ScenarioContext,
  scenario: 'S1' | 'S3',
  clients: number,
  circleSize: number,
  rate: number,
  p: Readonly<{ durationMs: number; warmupMs: number; drainMs: number }>,
): Promise<ScenarioResult> {
  const s: Spec = { rate, durationMs: p.durationMs, warmupMs: p.warmupMs, windowMs: ctx.plan.windowMs, drainMs: p.drainMs, stallMs: ctx.plan.stallMs };
  const by: Record<Target, PhaseResult[]> = { reference: [], ours: [] };
  const perRep: { cpu: number | undefined; p99: number | undefined; p50: number | undefined }[] = [];
  ctx.log(`${scenario} ${ctx.database}: ${clients} clients, circles of ${circleSize}, ${rate} messages/s`);
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const t of order(rep)) {
      const r = await phase(ctx, t, s);
      by[t].push(r);
      ctx.log(describe(r));
    }
    const o = by.ours[rep];
    const f = by.reference[rep];
    if (o !== undefined && f !== undefined && o.valid && f.valid) {
      perRep.push({ cpu: ratio(o.serverCpuUsPerDelivery, f.serverCpuUsPerDelivery), p99: ratio(o.p99Ms, f.p99Ms), p50: ratio(o.p50Ms, f.p50Ms) });
    }
  }
  const ours = metrics(by.ours);
  const reference = metrics(by.reference);
  const notes: string[] = [];
  if (ctx.database === 'postgres') notes.push('cpu_us_per_delivery is our server process only; db_cpu_us_per_delivery is the PostgreSQL backends serving the bench database (not the WAL writer or checkpointer).');
  for (const r of [...by.ours, ...by.reference]) if (!r.valid) notes.push(`${r.target}: ${r.invalidReasons.join('; ')}`);
  return {
    scenario,
    database: ctx.database,
    params: { clients, circle_size: circleSize, messages_per_s: rate, payload_bytes: 256, duration_ms: p.durationMs, repetitions: ctx.reps },
    ...ours,
    valid: ours.valid && reference.valid,
    ratio_vs_reference: {
      cpu_us_per_delivery: roundTo(median(perRep.map((x) => x.cpu))),
      p50_ms: roundTo(median(perRep.map((x) => x.p50))),
      p99_ms: roundTo(median(perRep.map((x) => x.p99))),
      deliveries_per_s: ratio(ours.deliveries_per_s, reference.deliveries_per_s),
    },
    reference,
    discarded: discarded([...by.ours, ...by.reference]),
    notes,
    repetitions: [...by.ours, ...by.reference].map(compact),
  };
}

type Ramp = Readonly<{
  steps: readonly PhaseResult[];
  /** 0 when even the lowest step failed. */
  knee: number;
  knee50: number;
  censored: boolean;
  endedInvalid: boolean;
  kneeStep: PhaseResult | undefined;
}>;

/** Knee thresholds: the target's (p99 ≤ 200 ms) and the scenario's (p99 ≤ 50 ms). */
const KNEE_P99_MS = 200;
const KNEE50_P99_MS = 50;
/** Generator CPU share above which a failing step does not prove the server failed. */
const GENERATOR_NEAR_LIMIT = 0.8;
/** How many times a ramp whose first step fails may halve its rate. */
const MAX_STEPS_DOWN = 4;

async function ramp(ctx: ScenarioContext, target: Target): Promise<Ramp> {
  const p = ctx.plan.s2;
  const steps: PhaseResult[] = [];
  let rate = p.startRate;
  let censored = true;
  let downs = 0;
  for (let i = 0; i < p.maxSteps + MAX_STEPS_DOWN; i++) {
    const r = await phase(ctx, target, { rate: Math.round(rate), durationMs: p.stepMs, warmupMs: p.warmupMs, windowMs: ctx.plan.windowMs, drainMs: p.drainMs, stallMs: ctx.plan.stallMs });
    steps.push(r);
    ctx.log(describe(r));
    if (!r.valid) break;
    const pass = r.lost === 0 && r.p99Ms <= KNEE_P99_MS;
    if (pass && downs > 0) {
      // Came down from a failing first step: this is the knee at this resolution.
      censored = false;
      break;
    }
    if (pass) {
      if (steps.length >= p.maxSteps) break;
      rate *= p.factor;
      continue;
    }
    if (steps.length === downs + 1 && downs < MAX_STEPS_DOWN) {
      // Even the first step failed: halve the rate until one holds.
      downs++;
      rate /= 2;
      continue;
    }
    // A failing step where the generator was near its limit may be the generator's failure, not the server's.
    censored = r.generatorCpuFraction > GENERATOR_NEAR_LIMIT;
    break;
  }
  const passing = steps.filter((r) => r.valid && r.lost === 0 && r.p99Ms <= KNEE_P99_MS);
  const kneeStep = passing.at(-1);
  const p50ok = passing.filter((r) => r.p99Ms <= KNEE50_P99_MS).at(-1);
  return { steps, knee: kneeStep?.rate ?? 0, knee50: p50ok?.rate ?? 0, censored, endedInvalid: steps.at(-1)?.valid === false, kneeStep };
}

/** S2: ramp the message rate until p99 passes 200 ms or messages are lost; the knee is the last step that held. */
export async function runS2(ctx: ScenarioContext): Promise<ScenarioResult> {
  const p = ctx.plan.s2;
  const by: Record<Target, Ramp[]> = { reference: [], ours: [] };
  const kneeRatios: (number | undefined)[] = [];
  const cpuRatios: (number | undefined)[] = [];
  ctx.log(`S2 ${ctx.database}: ${p.clients} clients, circles of ${p.circleSize}, ramp from ${p.startRate}/s ×${p.factor} (halving instead while the first steps fail)`);
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const t of order(rep)) by[t].push(await ramp(ctx, t));
    const o = by.ours[rep];
    const f = by.reference[rep];
    if (o !== undefined && f !== undefined) {
      kneeRatios.push(ratio(o.knee, f.knee));
      cpuRatios.push(ratio(o.kneeStep?.serverCpuUsPerDelivery, f.kneeStep?.serverCpuUsPerDelivery));
    }
  }
  const knees = (t: Target): Metrics & Knee => {
    const rs = by[t];
    const steps = rs.map((r) => r.kneeStep).filter((r): r is PhaseResult => r !== undefined);
    const m = metrics(steps);
    return {
      ...m,
      rss_mb: roundTo(Math.max(0, ...rs.flatMap((r) => r.steps.map((x) => x.rssMb))), 1),
      // Valid when most ramps have a measured knee (or, for ours, failed validly at the lowest step).
      valid: rs.filter((r) => r.kneeStep !== undefined || !r.endedInvalid).length >= Math.min(2, rs.length),
      valid_repetitions: rs.filter((r) => r.kneeStep !== undefined || !r.endedInvalid).length,
      knee_messages_per_s: roundTo(median(rs.map((r) => r.knee)), 0),
      knee50_messages_per_s: roundTo(median(rs.map((r) => r.knee50)), 0),
      censored: rs.some((r) => r.censored),
    };
  };
  const ours = knees('ours');
  const reference = knees('reference');
  const notes: string[] = [
    'The knee is the highest step with no loss, p99 ≤ 200 ms and a valid measurement; knee50 uses p99 ≤ 50 ms. Latency, deliveries and CPU are those of the knee step.',
  ];
  if (reference.censored) notes.push('A reference ramp ended on an invalid step (generator-bound or stalled), on a failing step with the generator above 80% of its CPU, or at its last step: the reference knee is a lower bound, so the knee ratio is an upper bound.');
  if ((ours.knee_messages_per_s ?? 0) === 0) notes.push('Our server failed even the lowest step tried: its knee is below that rate (reported as 0).');
  if (ours.censored) notes.push('Our ramp ended on an invalid step or at the last step: our knee is a lower bound.');
  const all = [...by.ours, ...by.reference].flatMap((r) => r.steps);
  return {
    scenario: 'S2',
    database: ctx.database,
    params: { clients: p.clients, circle_size: p.circleSize, start_rate: p.startRate, factor: p.factor, step_ms: p.stepMs, repetitions: ctx.reps },
    ...ours,
    valid: ours.valid && reference.valid,
    ratio_vs_reference: {
      knee: roundTo(median(kneeRatios)),
      cpu_us_per_delivery_at_knee: roundTo(median(cpuRatios)),
    },
    knee_ratio_kind: reference.censored ? 'upper-bound' : 'measured',
    reference,
    discarded: discarded(all),
    notes,
    repetitions: all.map(compact),
  };
}

