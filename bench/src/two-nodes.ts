import type { PhaseResult, PhaseSpec } from './gen-protocol.js';
import type { ScenarioContext, Metrics, ScenarioResult } from './scenarios.js';
import { compact, describe, discarded, metrics } from './scenarios.js';
import type { BenchClient } from './seed.js';
import { median, ratio, roundTo } from './stats.js';

/** The pool of S7's clients on the two nodes (the one-node clients are the usual `ours` pool). */
const TWO_NODE_POOL = 'ours-2node';

/** S7 on PostgreSQL: two of our nodes over Redis against one node, same run. */
export type TwoNodeResult = Readonly<{
  scenario: 'S7';
  database: 'postgres';
  params: Readonly<Record<string, number>>;
  valid: boolean;
  /** One node on the same database (in-process fan-out), same load. */
  one_node: Metrics & RedisCpu;
  /** Two nodes ÷ one node, medians of per-repetition ratios (CPU summed over both nodes). */
  ratio_vs_one_node: Readonly<Record<string, number | undefined>>;
  discarded: ScenarioResult['discarded'];
  notes: readonly string[];
  repetitions: readonly unknown[];
}> &
  Metrics &
  RedisCpu;

/** The Redis server's CPU per delivery over the phases (it is shared: the one-node figure is everyone else's use). */
type RedisCpu = Readonly<{ redis_cpu_us_per_delivery: number | undefined }>;

/** Where S7's servers are: our usual single node and the two Redis-connected nodes. */
export type TwoNodeSetup = Readonly<{
  oneNode: Readonly<{ url: string; pid: number }>;
  nodes: readonly [Readonly<{ url: string; pid: number }>, Readonly<{ url: string; pid: number }>];
  /** The local redis-server, when found, to report its CPU beside the nodes'. */
  redisPid: number | undefined;
}>;

/**
 * S7: the same open-loop load on one node, and on two nodes sharing the
 * database and fanning out through Redis, with every circle's members split
 * between the two nodes (alternating). Different circles for each, so that
 * neither side's entries reach the other's followers as a backlog.
 */
export async function runS7(ctx: ScenarioContext, oneNodeClients: readonly BenchClient[], twoNodeClients: readonly BenchClient[], circleSize: number, setup: TwoNodeSetup): Promise<TwoNodeResult> {
  const p = ctx.plan.s7;
  ctx.log(`S7 postgres: ${p.rate} messages/s, circles of ${circleSize}; ${oneNodeClients.length} clients on one node, then ${twoNodeClients.length} split over two nodes with Redis fan-out`);
  const [a, b] = setup.nodes;
  const one = await ctx.gen.connect('ours', setup.oneNode.url, oneNodeClients, circleSize, 250);
  // Client i goes to node i % 2: consecutive members of a circle alternate between the nodes.
  const two = await ctx.gen.connect('ours', [a.url, b.url], twoNodeClients, circleSize, 250, TWO_NODE_POOL);
  ctx.log(`  connected: one node ${one.ms} ms (${one.failed} failed), two nodes ${two.ms} ms (${two.failed} failed${two.firstError === undefined ? '' : `: ${two.firstError}`})`);
  const by: { one: PhaseResult[]; two: PhaseResult[] } = { one: [], two: [] };
  const perRep: { cpu: number | undefined; p50: number | undefined; p99: number | undefined }[] = [];
  try {
    if (one.failed > 0 || two.failed > 0) throw new Error(`S7 clients failed to connect: ${one.firstError ?? two.firstError ?? ''}`);
    const base = {
      target: 'ours',
      rate: p.rate,
      durationMs: p.durationMs,
      warmupMs: p.warmupMs,
      windowMs: ctx.plan.windowMs,
      drainMs: p.drainMs,
      stallMs: ctx.plan.stallMs,
      dbName: ctx.pgDatabase,
      ...(setup.redisPid === undefined ? {} : { auxPid: setup.redisPid }),
    } as const;
    const specs: Record<'one' | 'two', PhaseSpec> = {
      one: { ...base, serverPid: setup.oneNode.pid },
      two: { ...base, serverPid: a.pid, extraServerPids: [b.pid], pool: TWO_NODE_POOL },
    };
    for (let rep = 0; rep < ctx.reps; rep++) {
      for (const which of rep % 2 === 0 ? (['one', 'two'] as const) : (['two', 'one'] as const)) {
        const r = await ctx.gen.phase(specs[which]);
        by[which].push(r);
        ctx.log(`${which === 'one' ? '  one node ' : '  two nodes'}${describe(r).slice(11)}${r.auxCpuUsPerDelivery === undefined ? '' : `  redis ${r.auxCpuUsPerDelivery.toFixed(2)} µs/delivery`}`);
      }
      const o = by.one[rep];
      const t = by.two[rep];
      if (o !== undefined && t !== undefined && o.valid && t.valid) perRep.push({ cpu: ratio(t.serverCpuUsPerDelivery, o.serverCpuUsPerDelivery), p50: ratio(t.p50Ms, o.p50Ms), p99: ratio(t.p99Ms, o.p99Ms) });
    }
  } finally {
    await ctx.gen.close('ours', TWO_NODE_POOL);
    await ctx.gen.close('ours');
  }
  const redis = (rs: readonly PhaseResult[]): RedisCpu => {
    const valid = rs.filter((r) => r.valid);
    return { redis_cpu_us_per_delivery: roundTo(median((valid.length > 0 ? valid : rs).map((r) => r.auxCpuUsPerDelivery))) };
  };
  const twoM = { ...metrics(by.two), ...redis(by.two) };
  const oneM = { ...metrics(by.one), ...redis(by.one) };
  const notes = [
    'Two nodes: cpu_us_per_delivery and rss_mb are summed over both server processes (both pinned to the servers\' CPU); db_cpu_us_per_delivery is the PostgreSQL backends of the bench database.',
    setup.redisPid === undefined
      ? 'Redis CPU: no local redis-server found for the Redis URL, not measured.'
      : 'redis_cpu_us_per_delivery: the local redis-server\'s CPU per delivery, not in cpu_us_per_delivery; Redis is shared, so the one-node figure is what others used meanwhile.',
    'One node: our usual server on the same database, in-process fan-out, other circles (same sizes and load).',
  ];
  for (const [label, rs] of [['two nodes', by.two], ['one node', by.one]] as const) {
    for (const r of rs) {
      if (!r.valid) notes.push(`${label}: ${r.invalidReasons.join('; ')}`);
      if (r.errors > 0) notes.push(`${label}: ${r.errors} errors: ${r.firstError ?? ''}`);
    }
  }
  return {
    scenario: 'S7',
    database: 'postgres',
    params: { clients: twoNodeClients.length, circle_size: circleSize, messages_per_s: p.rate, payload_bytes: 256, duration_ms: p.durationMs, repetitions: ctx.reps, nodes: 2 },
    ...twoM,
    valid: twoM.valid && oneM.valid,
    one_node: oneM,
    ratio_vs_one_node: {
      cpu_us_per_delivery: roundTo(median(perRep.map((x) => x.cpu))),
      p50_ms: roundTo(median(perRep.map((x) => x.p50))),
      p99_ms: roundTo(median(perRep.map((x) => x.p99))),
      deliveries_per_s: ratio(twoM.deliveries_per_s, oneM.deliveries_per_s),
    },
    discarded: discarded([...by.two, ...by.one]),
    notes,
    repetitions: [...by.two.map((r) => ({ nodes: 2, ...compact(r) })), ...by.one.map((r) => ({ nodes: 1, ...compact(r) }))],
  };
}
