/**
 * `npm run bench -- [--quick] [--json]`: start the reference relay and our
 * server, drive both with the same open-loop load generator (each pinned to
 * its own CPU where the machine allows), and print absolute numbers and
 * ratios (ours ÷ reference, same run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { GeneratorProcess } from './gen-client.js';
import { FULL, QUICK, SCENARIOS, parseOptions, type DatabaseKind, type Options, type Plan } from './options.js';
import { allowedCpus, redisServerPid } from './proc.js';
import { runS4, type StormResult } from './connect-storm.js';
import { runS5, type CatchUpResult } from './catch-up.js';
import { runS7, type TwoNodeResult } from './two-nodes.js';
import type { Target } from './gen-protocol.js';
import { runS1, runS2, runS3, type ScenarioContext, type ScenarioResult } from './scenarios.js';
import { runS6, type SlowResult } from './slow-consumers.js';
import type { StorageConfig } from '@lamplight/storage';
import { runSoak, type SoakResult } from './soak.js';
import { planPopulation, seedPopulation, type BenchClient, type Population } from './seed.js';
import { BENCH_NICE, ROOT, canPin, createPgDatabase, raisePriority, startOurs, startReference, type RunningServer } from './servers.js';

/** S6 runs on the first 1,000 clients of the main population; S5 on 1,000 of its own. */
const S6_CLIENTS = 1000;
/** The soak's clients: S1's 1,000 in circles of 50. */
const SOAK_CLIENTS = 1000;
const S5_CLIENTS = 1000;

type Pinning = Readonly<{ server: number | undefined; generator: number | undefined; note: string }>;

function pinning(): Pinning {
  const list = allowedCpus();
  if (!canPin() || list.length < 2) return { server: undefined, generator: undefined, note: 'not pinned (taskset unavailable or a single CPU)' };
  return {
    server: list[0],
    generator: list[1],
    note: `servers on CPU ${list[0]}, generator on CPU ${list[1]}; PostgreSQL, Redis and anything else on the machine are not pinned${list.length <= 2 ? ' and share these two CPUs' : ''}`,
  };
}

function machine(pin: Pinning): Record<string, unknown> {
  const c = cpus();
  return {
    cpu_model: c[0]?.model ?? 'unknown',
    cpus: c.length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    pinning: pin.note,
    priority: raisePriority() ? `servers and generator at nice ${BENCH_NICE}` : 'default priority',
    load_average_1m: Math.round(loadavg()[0] ?? 0),
  };
}

function build(log: (l: string) => void): string | undefined {
  log('building the server (tsc -b apps/server)…');
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'apps/server'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return undefined;
  return `tsc -b apps/server failed; measured the existing apps/server/dist:\n${(r.stdout + r.stderr).slice(0, 1500)}`;
}

/** One population of clients split into circles of one size, and the scenarios that use it. */
type AnyResult = ScenarioResult | StormResult | SlowResult | CatchUpResult | TwoNodeResult | SoakResult;
type Group = {
  circleSize: number;
  clients: number;
  pop: Population;
  /** Ours only (S5: the reference keeps no log to resume from). */
  oursOnly?: boolean;
  run: ((ctx: ScenarioContext, reconnect: (t: Target) => Promise<void>, ours: RunningServer) => Promise<AnyResult>)[];
};

/** The circles of a slice of clients, as lists of client indexes. */
function circlesOf(clients: readonly BenchClient[]): number[][] {
  return [...new Set(clients.map((c) => c.circleId))].map((id) => clients.filter((c) => c.circleId === id).map((c) => c.index));
}

async function runDatabase(db: DatabaseKind, opts: Options, plan: Plan, pin: Pinning, gen: GeneratorProcess, log: (l: string) => void, warn: (w: string) => void): Promise<AnyResult[]> {
  const results: AnyResult[] = [];
  const storm = opts.scenarios.includes('S4');
  // S7 needs two nodes on one database: PostgreSQL only. Its one-node and two-node clients are in different circles.
  const twoNodes = opts.scenarios.includes('S7') && db === 'postgres';
  if (opts.scenarios.includes('S7') && db !== 'postgres') log(`S7 ${db}: skipped (two nodes share one PostgreSQL database)`);
  // Circles of the main size: S1, S2 and S4 share one population (the largest they need).
  const main = plan.s1.circleSize;
  const mainClients = Math.max(
    ...(opts.scenarios.includes('S1') ? plan.s1.clients : []),
    opts.scenarios.includes('S2') ? plan.s2.clients : 0,
    opts.scenarios.includes('S3') && plan.s3.circleSizes.includes(main) ? plan.s3.clients : 0,
    storm ? plan.s4.clients : 0,
    opts.scenarios.includes('S6') ? S6_CLIENTS : 0,
    opts.soakMinutes !== undefined ? SOAK_CLIENTS : 0,
  );
  const mainPop = planPopulation(mainClients, main);
  const groups: Group[] = [];
  const sizes = new Set<number>([...(opts.scenarios.includes('S1') ? plan.s1.clients : []), ...(opts.scenarios.includes('S2') ? [plan.s2.clients] : [])]);
  for (const n of [...sizes].sort((a, b) => a - b)) {
    const run: Group['run'] = [];
    if (opts.scenarios.includes('S1') && plan.s1.clients.includes(n)) run.push((ctx) => runS1(ctx, n));
    if (opts.scenarios.includes('S2') && plan.s2.clients === n) run.push((ctx) => runS2(ctx));
    groups.push({ circleSize: main, clients: n, pop: mainPop, run });
  }
  // S5 and S7 get circles of their own: clients connect subscribing from seq 0, and in a full run
  // the main circles hold S1's and S2's logs, which every connect would replay.
  const s5Pop = opts.scenarios.includes('S5') ? planPopulation(S5_CLIENTS, main) : undefined;
  if (s5Pop !== undefined) {
    const circles = circlesOf(s5Pop.clients);
    groups.push({ circleSize: main, clients: S5_CLIENTS, pop: s5Pop, oursOnly: true, run: [(ctx, reconnect, ours) => runS5(ctx, circles, ours.wsUrl, reconnect)] });
  }
  if (opts.scenarios.includes('S6')) {
    const circles = circlesOf(mainPop.clients.slice(0, S6_CLIENTS));
    groups.push({ circleSize: main, clients: S6_CLIENTS, pop: mainPop, run: [(ctx, reconnect) => runS6(ctx, circles, reconnect)] });
  }
  if (opts.soakMinutes !== undefined) {
    const minutes = opts.soakMinutes;
    groups.push({ circleSize: main, clients: SOAK_CLIENTS, pop: mainPop, oursOnly: true, run: [(ctx) => runSoak(ctx, SOAK_CLIENTS, main, opts.soakRate, minutes)] });
  }
  const extra: Population[] = [];
  if (s5Pop !== undefined) extra.push(s5Pop);
  const s7Pop = twoNodes ? planPopulation(2 * plan.s7.clients, main) : undefined;
  if (s7Pop !== undefined) extra.push(s7Pop);
  if (opts.scenarios.includes('S3')) {
    for (const size of plan.s3.circleSizes) {
      const pop = size === main ? mainPop : planPopulation(plan.s3.clients, size);
      if (pop !== mainPop) extra.push(pop);
      groups.push({ circleSize: size, clients: plan.s3.clients, pop, run: [(ctx) => runS3(ctx, size)] });
    }
  }
  const dataDir = mkdtempSync(join(opts.sqliteParent ?? tmpdir(), 'lamplight-bench-'));
  const pgDb = db === 'postgres' ? await createPgDatabase(opts.pgAdminUrl, opts.pgAsyncCommit) : undefined;
  let ours: RunningServer | undefined;
  let reference: RunningServer | undefined;
  try {
    const t = Date.now();
    const storage: StorageConfig = pgDb === undefined ? { kind: 'sqlite', dataDir } : { kind: 'postgres', url: pgDb.url };
    for (const pop of [mainPop, ...extra]) await seedPopulation(storage, pop, Date.now());
    log(`${db}: seeded ${[mainPop, ...extra].reduce((a, p) => a + p.clients.length, 0)} accounts with sessions, in circles, in ${Date.now() - t} ms`);
    const flags = opts.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`, `--cpu-prof-name=ours-${db}.cpuprofile`];
    ours = await startOurs(pin.server, { dataDir, ...(pgDb === undefined ? {} : { databaseUrl: pgDb.url }) }, flags, opts.serverMain);
    reference = await startReference(pin.server);
    const ctx: ScenarioContext = { gen, plan, reps: opts.reps, database: db, pids: { ours: ours.pid, reference: reference.pid }, pgDatabase: pgDb?.name, log };
    for (const g of groups) {
      const clients = g.pop.clients.slice(0, g.clients);
      const cr = g.oursOnly === true ? undefined : await gen.connect('reference', reference.wsUrl, clients, g.circleSize, 250);
      const co = await gen.connect('ours', ours.wsUrl, clients, g.circleSize, 250);
      log(
        `${db}: ${clients.length} clients in circles of ${g.circleSize} connected ${cr === undefined ? '' : `to the reference in ${cr.ms} ms (${cr.failed} failed), `}to ours (authenticated, subscribed) in ${co.ms} ms (${co.failed} failed${co.firstError === undefined ? '' : `: ${co.firstError}`})`,
      );
      const server = { reference, ours };
      const reconnect = async (t: Target): Promise<void> => {
        await gen.close(t);
        const r = await gen.connect(t, server[t].wsUrl, clients, g.circleSize, 250);
        if (r.failed > 0) throw new Error(`clients failed to reconnect: ${r.firstError ?? ''}`);
      };
      try {
        if ((cr?.failed ?? 0) > 0 || co.failed > 0) throw new Error(`clients failed to connect: ${cr?.firstError ?? co.firstError ?? ''}`);
        const running = ours;
        for (const run of g.run) results.push(await run(ctx, reconnect, running));
      } finally {
        await gen.close('reference');
        await gen.close('ours');
      }
      if (process.env.BENCH_DEBUG !== undefined) log(`our server's output:\n${ours.output().slice(-3000)}`);
    }
    if (s7Pop !== undefined && pgDb !== undefined) {
      const nodeStorage = { dataDir, databaseUrl: pgDb.url, redisUrl: opts.redisUrl };
      const nodes: RunningServer[] = [];
      try {
        // One after the other: the second finds the database already migrated.
        nodes.push(await startOurs(pin.server, nodeStorage, [], opts.serverMain));
        nodes.push(await startOurs(pin.server, nodeStorage, [], opts.serverMain));
        const [a, b] = nodes;
        if (a === undefined || b === undefined) throw new Error('S7 nodes did not start');
        const ctx: ScenarioContext = { gen, plan, reps: opts.reps, database: db, pids: { ours: ours.pid, reference: reference.pid }, pgDatabase: pgDb.name, log };
        const n = plan.s7.clients;
        results.push(await runS7(ctx, s7Pop.clients.slice(0, n), s7Pop.clients.slice(n, 2 * n), main, { oneNode: { url: ours.wsUrl, pid: ours.pid }, nodes: [{ url: a.wsUrl, pid: a.pid }, { url: b.wsUrl, pid: b.pid }], redisPid: redisServerPid(opts.redisUrl) }));
        if (process.env.BENCH_DEBUG !== undefined) for (const x of nodes) log(`S7 node output:\n${x.output().slice(-3000)}`);
      } catch (e) {
        // Keep the other scenarios' results (Redis may simply not be running).
        const msg = `S7 postgres failed: ${e instanceof Error ? e.message : String(e)}`;
        log(msg);
        warn(msg);
      } finally {
        for (const x of nodes) await x.stop();
      }
    }
    if (storm) {
      // A fresh server, so its memory is the storm's and not what earlier scenarios left.
      if (groups.length > 0 || twoNodes) {
        await ours.stop();
        ours = await startOurs(pin.server, { dataDir, ...(pgDb === undefined ? {} : { databaseUrl: pgDb.url }) }, flags, opts.serverMain);
      }
      const urls = { ours: ours.wsUrl, reference: reference.wsUrl };
      results.push(await runS4(gen, db, mainPop.clients.slice(0, plan.s4.clients), main, urls, { ours: ours.pid, reference: reference.pid }, opts.reps, log));
    }
  } finally {
    await ours?.stop();
    await reference?.stop();
    await pgDb?.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

/** `S1@1000.sqlite`, `S2.postgres`, `S3/circle-5.sqlite`, … */
function resultKey(r: AnyResult): string {
  if (r.scenario === 'S1') return `S1@${r.params.clients}.${r.database}`;
  if (r.scenario === 'S3') return `S3/circle-${r.params.circle_size}.${r.database}`;
  return `${r.scenario}.${r.database}`;
}

const fmt = (x: number | undefined, d = 2): string => (x === undefined ? '—' : x.toFixed(d));

function table(all: readonly AnyResult[]): string {
  const lines = ['', 'scenario db        target     deliv/s    p50 ms   p99 ms  µs cpu/deliv  db µs  rss MB  valid'];
  for (const r of all) {
    if (r.scenario === 'S6') {
      const side = (x: SlowResult['reference']): string => `p99 ${fmt(x.baseline_p99_ms)} → ${fmt(x.p99_ms)} ms (${fmt((x.p99_change ?? 0) * 100, 0)} %), RSS ${fmt(x.rss_mb, 0)} MB (+${fmt(x.rss_growth_mb, 0)})`;
      lines.push(`S6       ${r.database.padEnd(9)} others with ${r.params.slow_clients} slow readers: ours ${side(r)}; reference ${side(r.reference)}; ${r.valid ? 'valid' : 'NOT valid'}`);
      continue;
    }
    if (r.scenario === 'S5') {
      lines.push(
        `S5       ${r.database.padEnd(9)} ours only (the reference keeps no log): ${r.params.away_clients} clients back after ${fmt((r.params.away_ms ?? 0) / 1000, 0)} s: ${fmt(r.catchup_entries, 0)} backlog entries in ${fmt(r.catchup_ms, 0)} ms (${fmt(r.catchup_entries_per_s, 0)} entries/s; median client ${fmt(r.catchup_p50_ms, 0)} ms)`,
        `${''.padEnd(18)} missing ${r.missing}, duplicates ${r.duplicates}, seq gaps ${r.seq_gaps}, seq repeats ${r.seq_repeats}, reconnect failed ${r.reconnect_failed}; stayers ${fmt(r.deliveries_per_s, 0)} deliveries/s, p50 ${fmt(r.baseline_p50_ms)} → ${fmt(r.p50_ms)} ms, p99 ${fmt(r.baseline_p99_ms)} → ${fmt(r.p99_ms)} ms during catch-up; ${fmt(r.cpu_us_per_delivery)} µs cpu/delivery; RSS ${fmt(r.rss_mb, 0)} MB; ${r.valid ? 'valid' : 'NOT valid'}`,
      );
      continue;
    }
    if (r.scenario === 'S7') {
      for (const [name, m] of [['2 nodes', r], ['1 node', r.one_node]] as const) {
        lines.push(
          `S7       ${r.database.padEnd(9)} ${name.padEnd(9)} ${fmt(m.deliveries_per_s, 0).padStart(8)} ${fmt(m.p50_ms).padStart(9)} ${fmt(m.p99_ms).padStart(8)} ${fmt(m.cpu_us_per_delivery).padStart(13)} ${fmt(m.db_cpu_us_per_delivery).padStart(6)} ${fmt(m.rss_mb, 0).padStart(7)}  ${m.valid ? 'yes' : 'NO'}`,
        );
      }
      const ratios = Object.entries(r.ratio_vs_one_node)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k} ${fmt(v)}×`)
        .join(', ');
      lines.push(`${''.padEnd(18)} ratio two nodes ÷ one node: ${ratios || '—'}  (CPU and RSS summed over both nodes; Redis ${fmt(r.redis_cpu_us_per_delivery)} µs/delivery beside them, ${fmt(r.one_node.redis_cpu_us_per_delivery)} during one node; lost ${r.lost})`);
      continue;
    }
    if (r.scenario === 'SOAK') {
      lines.push(
        `SOAK     ${r.database.padEnd(9)} ours only, ${r.params.messages_per_s}/s for ${r.params.minutes} min: p99 median ${fmt(r.p99_ms)} ms, worst ${fmt(r.worst_p99_ms)} ms, RSS growth ${fmt(r.rss_growth_mb, 1)} MB, lost ${r.lost}; p99 ${r.stable_p99 ? 'stable' : 'NOT stable'}, memory ${r.stable_memory ? 'stable' : 'NOT stable'}; ${r.valid ? 'valid' : 'NOT valid'}`,
      );
      continue;
    }
    if (r.scenario === 'S4') {
      lines.push(`S4       ${r.database.padEnd(9)} ${r.params.clients} connections: ours ${fmt(r.connect_ms, 0)} ms, RSS ${fmt(r.rss_mb, 0)} MB (+${fmt(r.rss_growth_mb, 0)}); reference ${fmt(r.reference.connect_ms, 0)} ms, RSS ${fmt(r.reference.rss_mb, 0)} MB; ${r.valid ? 'valid' : 'NOT valid'}`);
      continue;
    }
    for (const [name, m] of [['ours', r], ['reference', r.reference]] as const) {
      lines.push(
        `${(r.scenario === 'S3' ? `S3/${r.params.circle_size}` : r.scenario).padEnd(8)} ${r.database.padEnd(9)} ${name.padEnd(9)} ${fmt(m.deliveries_per_s, 0).padStart(8)} ${fmt(m.p50_ms).padStart(9)} ${fmt(m.p99_ms).padStart(8)} ${fmt(m.cpu_us_per_delivery).padStart(13)} ${fmt(m.db_cpu_us_per_delivery).padStart(6)} ${fmt(m.rss_mb, 0).padStart(7)}  ${m.valid ? 'yes' : 'NO'}`,
      );
    }
    const ratios = Object.entries(r.ratio_vs_reference)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} ${fmt(v)}×`)
      .join(', ');
    const extra = r.scenario === 'S2' ? `  knee ours ${String(r.knee_messages_per_s)}/s vs reference ${String(r.reference.knee_messages_per_s)}/s;` : '';
    lines.push(`${''.padEnd(18)} ratio ours ÷ reference: ${ratios || '—'}${extra}  stalls ${r.discarded.stalls} (dropped ${r.discarded.messages_dropped_for_stalls} of ${r.discarded.messages_measured} messages), generator-bound windows ${r.discarded.generator_bound_windows}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const plan = opts.quick ? QUICK : FULL;
  const log = (l: string): void => {
    process.stderr.write(`${l}\n`);
  };
  const started = Date.now();
  const warnings: string[] = [];
  if (opts.serverMain !== undefined) warnings.push(`EXPERIMENT: our server started from ${opts.serverMain}, not apps/server/dist/main.js.`);
  if (opts.pgAsyncCommit) warnings.push('DIAGNOSTIC RUN: PostgreSQL synchronous_commit=off; acks do not wait for the WAL flush. Not a valid measurement of our durability promise.');
  if (opts.sqliteParent !== undefined) warnings.push(`SQLite data under ${opts.sqliteParent}; if that is tmpfs, fsync costs nothing and this is a diagnostic run.`);
  if (opts.build) {
    const w = build(log);
    if (w !== undefined) {
      warnings.push(w);
      log(w);
    }
  }
  const pin = pinning();
  log(`machine: ${JSON.stringify(machine(pin))}`);
  const gen = new GeneratorProcess(pin.generator);
  const results: AnyResult[] = [];
  try {
    for (const db of opts.databases) {
      try {
        results.push(
          ...(await runDatabase(db, opts, plan, pin, gen, log, (w) => {
            warnings.push(w);
          })),
        );
      } catch (e) {
        const msg = `${db}: ${e instanceof Error ? e.message : String(e)}`;
        warnings.push(msg);
        log(msg);
      }
    }
  } finally {
    gen.stop();
  }
  const out = {
    mode: opts.quick ? 'quick' : 'full',
    machine: machine(pin),
    started_at: new Date(started).toISOString(),
    elapsed_s: Math.round((Date.now() - started) / 1000),
    stall_rule: `a gap over ${plan.stallMs} ms in the generator's 1 ms timer during which it used under half a CPU is a stall (the machine or others' load descheduled it); messages intended from 50 ms before to 100 ms after it are dropped from every figure and counted under discarded`,
    generator_rule: 'a window is generator-bound when the generator used over 90% of its CPU or its timer was late by more than the stall threshold while it was busy; a run with more than 20% such windows, or with stalls taking over 3/4 of its messages, is invalid',
    results: Object.fromEntries(results.map((r) => [resultKey(r), r])),
    missing: [],
    not_run: SCENARIOS.filter((s) => !opts.scenarios.includes(s)),
    skipped: opts.scenarios.includes('S7') && opts.databases.includes('sqlite') ? ['S7.sqlite: S7 runs on PostgreSQL only (two nodes share one database)'] : [],
    warnings,
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(out, (_k, v: unknown) => (v === undefined ? null : v), 2)}\n`);
  else process.stdout.write(`${table(results)}\n\nelapsed ${out.elapsed_s} s; not run this time: ${[...out.not_run, ...out.skipped].join(', ') || 'none'}${warnings.length > 0 ? `\nwarnings:\n${warnings.join('\n')}` : ''}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
