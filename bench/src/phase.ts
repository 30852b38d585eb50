import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as hdr from 'hdr-histogram-js';
import type { PhaseResult, PhaseSpec, WindowStat } from './gen-protocol.js';
import { backendGrowth, postgresBackends, processCpuUs, processRssMb, type BackendTimes } from './proc.js';

/** Generator CPU above this fraction of its core marks a window generator-bound. */
const GENERATOR_BUSY = 0.9;
/** A timer gap during which the generator itself used at least this share of the CPU was the generator being busy, not a stall. */
const BUSY_GAP_SHARE = 0.5;
/** More generator-bound windows than this share makes the whole phase invalid. */
const GENERATOR_BOUND_SHARE = 0.2;
/** Messages intended this long before a stall began are dropped with it (their deliveries were in flight). */
const STALL_BEFORE_MS = 50;
/** …and this long after it ended (the backlog it left). */
const STALL_AFTER_MS = 100;
/** Histograms hold microseconds up to two minutes. */
const HIGHEST_US = 120_000_000;

type Histogram = hdr.Histogram;
const newHistogram = (): Histogram => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: true });

/** Where the phase sends: the clients of each circle and how to put a message on the wire. */
export type PhaseDriver = Readonly<{
  circleMembers: readonly (readonly number[])[];
  /** Members not expected to receive (slow consumers), per circle, and who they are. */
  slowPerCircle?: readonly number[];
  slowSet?: ReadonlySet<number>;
  /** Send message `messageNo` from client `sender` in circle `circle`, intended at `intendedMs`. */
  send(circle: number, sender: number, messageNo: number, intendedMs: number): boolean;
}>;

type Snapshot = Readonly<{ at: number; server: number; db: ReadonlyMap<number, BackendTimes>; aux: number; gen: number }>;
type Gap = Readonly<{ from: number; to: number }>;

/** Time the process's main thread spent runnable but waiting for a CPU, in ms (from /proc/<pid>/schedstat). */
function runQueueWaitMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'latin1').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

/**
 * One open-loop phase: messages are due at fixed intended times whatever the
 * server does (no coordinated omission); every delivery's latency is measured
 * from its intended send time. Messages whose intended time falls in or near
 * a stall of the generator or the machine are dropped from every figure.
 */
export class Phase {
  private readonly periodMs: number;
  private readonly total: number;
  private readonly nWindows: number;
  private readonly warmupWindows: number;
  private readonly expectedOf: Uint16Array;
  private readonly ackUs: Float64Array;
  private delK = new Uint32Array(1 << 16);
  private delUs = new Float64Array(1 << 16);
  private delN = 0;
  private readonly stalls: Gap[] = [];
  private readonly busy: boolean[];
  private readonly genCpu: number[];
  private readonly waitMs: number[];
  private readonly sendLate: number[];
  // Until run() starts, every arriving frame belongs to an earlier phase.
  private t0 = Number.POSITIVE_INFINITY;
  private errors = 0;
  private firstError: string | undefined;
  private rssMb = 0;
  private lastFrameAt = 0;

  constructor(
    private readonly spec: PhaseSpec,
    private readonly driver: PhaseDriver,
  ) {
    this.periodMs = 1000 / spec.rate;
    this.total = Math.floor((spec.rate * spec.durationMs) / 1000);
    this.nWindows = Math.ceil(spec.durationMs / spec.windowMs);
    this.warmupWindows = Math.ceil(spec.warmupMs / spec.windowMs);
    this.expectedOf = new Uint16Array(this.total);
    this.ackUs = new Float64Array(this.total).fill(-1);
    const zeros = (): number[] => new Array<number>(this.nWindows).fill(0);
    this.genCpu = zeros();
    this.waitMs = zeros();
    this.sendLate = zeros();
    this.busy = new Array<boolean>(this.nWindows).fill(false);
  }

  /** The intended send time of message `k`. */
  intendedOf(k: number): number {
    return this.t0 + k * this.periodMs;
  }

  private windowOf(t: number): number {
    return Math.floor((t - this.t0) / this.spec.windowMs);
  }

  /** A frame arrived (used to wait for quiet before the next phase). */
  touch(now: number): void {
    this.lastFrameAt = now;
  }

  /** A delivery to another member of the circle of message `k`, intended at `intendedMs`. */
  onDelivery(k: number, intendedMs: number, now: number): void {
    this.lastFrameAt = now;
    if (k >= this.total || Math.abs(this.intendedOf(k) - intendedMs) > 0.01) return;
    if (this.delN === this.delK.length) {
      const k2 = new Uint32Array(this.delK.length * 2);
      k2.set(this.delK);
      this.delK = k2;
      const u2 = new Float64Array(this.delUs.length * 2);
      u2.set(this.delUs);
      this.delUs = u2;
    }
    this.delK[this.delN] = k;
    this.delUs[this.delN] = (now - intendedMs) * 1000;
    this.delN++;
  }

  /** The sender's acknowledgement of message `k` (ours only). */
  onAck(k: number, now: number): void {
    this.lastFrameAt = now;
    if (k < 0 || k >= this.total) return;
    this.ackUs[k] = (now - this.intendedOf(k)) * 1000;
  }

  onError(text: string): void {
    this.errors++;
    this.firstError ??= text.slice(0, 300);
  }

  /** Every server process under test (one, or S7's two nodes). */
  private serverPids(): readonly number[] {
    return [this.spec.serverPid, ...(this.spec.extraServerPids ?? [])];
  }

  /** CPU time of the server processes under test, summed (µs). */
  serverCpuUs(): number {
    return this.serverPids().reduce((a, pid) => a + processCpuUs(pid), 0);
  }

  private serverWaitMs(): number {
    return this.serverPids().reduce((a, pid) => a + runQueueWaitMs(pid), 0);
  }

  /** Messages in this phase. */
  get messageCount(): number {
    return this.total;
  }

  /** Deliveries recorded so far (to members expected to receive). */
  deliveryCount(): number {
    return this.delN;
  }

  private snapshot(): Snapshot {
    const u = process.cpuUsage();
    const db = this.spec.dbName === undefined ? undefined : postgresBackends(this.spec.dbName);
    return {
      at: performance.now(),
      server: this.serverCpuUs(),
      db: db?.byPid ?? new Map<number, BackendTimes>(),
      aux: this.spec.auxPid === undefined ? 0 : processCpuUs(this.spec.auxPid),
      gen: u.user + u.system,
    };
  }

  private markBusy(from: number, to: number): void {
    for (let w = Math.max(0, this.windowOf(from)); w <= Math.min(this.nWindows - 1, this.windowOf(to)); w++) this.busy[w] = true;
  }

  /** Wait until no frame has arrived for `quietMs` (or `maxMs` passed): leftovers of an earlier phase. */
  async quiesce(quietMs: number, maxMs: number): Promise<void> {
    const start = performance.now();
    this.lastFrameAt = start;
    while (performance.now() - this.lastFrameAt < quietMs && performance.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Send everything at its intended time, wait for deliveries, and summarise. */
  async run(): Promise<PhaseResult> {
    const { windowMs, stallMs } = this.spec;
    this.t0 = performance.now() + 20;
    let measureStart: Snapshot | undefined;
    let sendEnd: Snapshot | undefined;
    let lastTick = performance.now();
    let lastCpu = process.cpuUsage();
    let wallWindow = -1;
    let cpuAtWindow = process.cpuUsage();
    let waitAtWindow = this.serverWaitMs();
    let k = 0;
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const now = performance.now();
        const cpu = process.cpuUsage();
        const gap = now - lastTick;
        if (gap > stallMs) {
          // Descheduled (the machine stalled, or others took the CPU) unless we were busy ourselves.
          const busyShare = (cpu.user + cpu.system - (lastCpu.user + lastCpu.system)) / 1000 / gap;
          if (busyShare < BUSY_GAP_SHARE) this.stalls.push({ from: lastTick, to: now });
          else this.markBusy(lastTick, now);
        }
        lastTick = now;
        lastCpu = cpu;
        const ww = this.windowOf(now);
        if (ww !== wallWindow) {
          const u = process.cpuUsage(cpuAtWindow);
          const wait = this.serverWaitMs();
          if (wallWindow >= 0 && wallWindow < this.nWindows) {
            this.genCpu[wallWindow] = (u.user + u.system) / 1000 / windowMs;
            this.waitMs[wallWindow] = wait - waitAtWindow;
          }
          cpuAtWindow = process.cpuUsage();
          waitAtWindow = wait;
          wallWindow = ww;
          this.rssMb = Math.max(
            this.rssMb,
            this.serverPids().reduce((a, pid) => a + processRssMb(pid), 0),
          );
          if (ww === this.warmupWindows) measureStart = this.snapshot();
        }
        while (k < this.total && this.intendedOf(k) <= now) {
          this.sendOne(k, now);
          k++;
        }
        if (k < this.total) {
          setTimeout(tick, 1);
          return;
        }
        sendEnd = this.snapshot();
        resolve();
      };
      setTimeout(tick, 1);
    });
    let expectedAll = 0;
    for (const e of this.expectedOf) expectedAll += e;
    const drainStart = performance.now();
    while (this.delN < expectedAll && performance.now() - drainStart < this.spec.drainMs) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const end = this.snapshot();
    return this.summarise(measureStart ?? sendEnd ?? end, sendEnd ?? end, end);
  }

  private sendOne(k: number, now: number): void {
    const circles = this.driver.circleMembers.length;
    const c = k % circles;
    const members = this.driver.circleMembers[c] ?? [];
    const at = Math.floor(k / circles) % members.length;
    let sender = members[at] ?? 0;
    // Slow consumers (S6) only fail to read; the next member sends instead.
    for (let j = 1; j < members.length && this.driver.slowSet?.has(sender) === true; j++) sender = members[(at + j) % members.length] ?? 0;
    const intended = this.intendedOf(k);
    const w = Math.min(this.nWindows - 1, this.windowOf(intended));
    this.sendLate[w] = Math.max(this.sendLate[w] ?? 0, now - intended);
    this.expectedOf[k] = members.length - 1 - (this.driver.slowPerCircle?.[c] ?? 0);
    if (!this.driver.send(c, sender, k, intended)) this.onError('sender socket is not open');
  }

  /** Which messages count: after the warm-up, and not near a stall. */
  private keptMessages(): { kept: Uint8Array; firstK: number } {
    const firstK = Math.ceil((this.warmupWindows * this.spec.windowMs) / this.periodMs);
    const kept = new Uint8Array(this.total);
    for (let k = firstK; k < this.total; k++) kept[k] = 1;
    for (const g of this.stalls) {
      const a = Math.max(firstK, Math.ceil((g.from - STALL_BEFORE_MS - this.t0) / this.periodMs));
      const b = Math.min(this.total - 1, Math.floor((g.to + STALL_AFTER_MS - this.t0) / this.periodMs));
      for (let k = a; k <= b; k++) kept[k] = 0;
    }
    return { kept, firstK };
  }

  /**
   * Latency of the deliveries recorded so far whose message was intended in
   * [fromMs, toMs) (performance.now() times), stalls and warm-up excluded.
   */
  latencyBetween(fromMs: number, toMs: number): { p50Ms: number | undefined; p99Ms: number | undefined; deliveries: number } {
    const { kept } = this.keptMessages();
    const h = newHistogram();
    for (let i = 0; i < this.delN; i++) {
      const k = this.delK[i] ?? 0;
      const at = this.intendedOf(k);
      if (kept[k] !== 1 || at < fromMs || at >= toMs) continue;
      h.recordValue(Math.max(1, Math.round(this.delUs[i] ?? 0)));
    }
    if (h.totalCount === 0) return { p50Ms: undefined, p99Ms: undefined, deliveries: 0 };
    return { p50Ms: round(h.getValueAtPercentile(50) / 1000), p99Ms: round(h.getValueAtPercentile(99) / 1000), deliveries: h.totalCount };
  }

  private summarise(start: Snapshot, sendEnd: Snapshot, end: Snapshot): PhaseResult {
    const { kept, firstK } = this.keptMessages();
    const winHist = Array.from({ length: this.nWindows }, newHistogram);
    const winReceived = new Array<number>(this.nWindows).fill(0);
    const winExpected = new Array<number>(this.nWindows).fill(0);
    const winKept = new Array<number>(this.nWindows).fill(0);
    const merged = newHistogram();
    const acks = newHistogram();
    let keptMessages = 0;
    let expected = 0;
    for (let k = 0; k < this.total; k++) {
      if (kept[k] !== 1) continue;
      keptMessages++;
      const w = this.windowOf(this.intendedOf(k));
      expected += this.expectedOf[k] ?? 0;
      winExpected[w] = (winExpected[w] ?? 0) + (this.expectedOf[k] ?? 0);
      winKept[w] = (winKept[w] ?? 0) + 1;
      const a = this.ackUs[k] ?? -1;
      if (a >= 0) acks.recordValue(Math.max(1, Math.round(a)));
    }
    let received = 0;
    let receivedAfterWarmup = 0;
    for (let i = 0; i < this.delN; i++) {
      const k = this.delK[i] ?? 0;
      if (k >= firstK) receivedAfterWarmup++;
      if (kept[k] !== 1) continue;
      received++;
      const us = Math.max(1, Math.round(this.delUs[i] ?? 0));
      merged.recordValue(us);
      const w = this.windowOf(this.intendedOf(k));
      winHist[w]?.recordValue(us);
      winReceived[w] = (winReceived[w] ?? 0) + 1;
    }
    const windows: WindowStat[] = [];
    let measured = 0;
    let bound = 0;
    for (let w = 0; w < this.nWindows; w++) {
      const h = winHist[w] ?? newHistogram();
      const generatorBound = (this.busy[w] ?? false) || (this.genCpu[w] ?? 0) > GENERATOR_BUSY;
      if (w >= this.warmupWindows && (winKept[w] ?? 0) > 0) {
        measured++;
        if (generatorBound) bound++;
      }
      windows.push({
        keptMessages: winKept[w] ?? 0,
        expected: winExpected[w] ?? 0,
        received: winReceived[w] ?? 0,
        p99Ms: h.totalCount === 0 ? 0 : round(h.getValueAtPercentile(99) / 1000),
        generatorBound,
        maxSendLateMs: round(this.sendLate[w] ?? 0),
        generatorCpu: round(this.genCpu[w] ?? 0),
        serverRunQueueWaitMs: round(this.waitMs[w] ?? 0),
      });
    }
    const serverCpu = end.server - start.server;
    const reasons: string[] = [];
    const measuredMessages = this.total - firstK;
    if (keptMessages < measuredMessages / 4) reasons.push(`stalls took ${measuredMessages - keptMessages} of ${measuredMessages} measured messages`);
    if (measured > 0 && bound / measured > GENERATOR_BOUND_SHARE) reasons.push(`the generator was the bottleneck in ${bound} of ${measured} windows`);
    const sendWall = Math.max(1, sendEnd.at - start.at);
    const pct = (h: Histogram, p: number): number => (h.totalCount === 0 ? 0 : round(h.getValueAtPercentile(p) / 1000));
    const sortedLate = [...this.sendLate].slice(this.warmupWindows).sort((a, b) => a - b);
    return {
      target: this.spec.target,
      rate: this.spec.rate,
      windows,
      measuredMessages,
      discardedMessages: measuredMessages - keptMessages,
      stalls: this.stalls.map((g) => round(g.to - g.from)),
      generatorBoundWindows: bound,
      expected,
      received,
      lost: expected - received,
      deliveriesPerS: keptMessages === 0 ? 0 : round(received / ((keptMessages * this.periodMs) / 1000)),
      p50Ms: pct(merged, 50),
      p99Ms: pct(merged, 99),
      maxMs: round(merged.totalCount === 0 ? 0 : merged.maxValue / 1000),
      ackP50Ms: acks.totalCount === 0 ? undefined : pct(acks, 50),
      ackP99Ms: acks.totalCount === 0 ? undefined : pct(acks, 99),
      serverCpuUsPerDelivery: receivedAfterWarmup === 0 ? 0 : round(serverCpu / receivedAfterWarmup),
      dbCpuUsPerDelivery: this.spec.dbName === undefined || receivedAfterWarmup === 0 ? undefined : round(backendGrowth(start.db, end.db).cpuUs / receivedAfterWarmup),
      auxCpuUsPerDelivery: this.spec.auxPid === undefined || receivedAfterWarmup === 0 ? undefined : round(Math.max(0, end.aux - start.aux) / receivedAfterWarmup),
      serverCpuFraction: round((sendEnd.server - start.server) / 1000 / sendWall),
      generatorCpuFraction: round((sendEnd.gen - start.gen) / 1000 / sendWall),
      serverRunQueueWaitShare: round(this.waitMs.slice(this.warmupWindows).reduce((a, b) => a + b, 0) / Math.max(1, (this.nWindows - this.warmupWindows) * this.spec.windowMs)),
      // Per backend: one that ended mid-phase takes its share with it (an undercount, never negative).
      dbRunQueueWaitShare: this.spec.dbName === undefined ? undefined : round(backendGrowth(start.db, sendEnd.db).waitMs / sendWall),
      maxSendLateMs: round(sortedLate.at(-1) ?? 0),
      rssMb: round(this.rssMb),
      errors: this.errors,
      firstError: this.firstError,
      valid: reasons.length === 0,
      invalidReasons: reasons,
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
