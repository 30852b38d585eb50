import type { BenchClient } from './seed.js';

/** Which server a run drives: the reference relay or ours. */
export type Target = 'reference' | 'ours';

/** Orchestrator → generator commands (over the child-process IPC channel). */
export type GenCommand =
  | Readonly<{ cmd: 'connect'; id: number; target: Target; url: string; clients: readonly BenchClient[]; circleSize: number; concurrency: number }>
  | Readonly<{ cmd: 'phase'; id: number; spec: PhaseSpec }>
  | Readonly<{ cmd: 'close'; id: number; target: Target }>;

/** One open-loop load phase at a fixed rate. */
export type PhaseSpec = Readonly<{
  target: Target;
  /** Messages per second, across all circles. */
  rate: number;
  durationMs: number;
  /** Leading time whose messages are not measured. */
  warmupMs: number;
  windowMs: number;
  /** How long to wait after the last send for deliveries still on their way. */
  drainMs: number;
  /** Clients that stop reading for this phase (S6): not counted as recipients, and closed after it. */
  slowClients?: readonly number[];
  /** A gap this long in the generator's 1 ms timer marks a stall. */
  stallMs: number;
  serverPid: number;
  /** Also measure the PostgreSQL backends serving this database. */
  dbName: string | undefined;
}>;

/** What happened in one measurement window (by intended send time). */
export type WindowStat = Readonly<{
  keptMessages: number;
  expected: number;
  received: number;
  p99Ms: number;
  generatorBound: boolean;
  maxSendLateMs: number;
  generatorCpu: number;
  /** Time the server's main thread was runnable but had no CPU (others' load on its core). */
  serverRunQueueWaitMs: number;
}>;

/** A phase's result over the messages that were kept. */
export type PhaseResult = Readonly<{
  target: Target;
  rate: number;
  windows: readonly WindowStat[];
  /** Messages sent after the warm-up. */
  measuredMessages: number;
  /** Of those, dropped because their intended time fell in or near a stall. */
  discardedMessages: number;
  /** Length of each stall seen, in ms. */
  stalls: readonly number[];
  generatorBoundWindows: number;
  expected: number;
  received: number;
  lost: number;
  deliveriesPerS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ackP50Ms: number | undefined;
  ackP99Ms: number | undefined;
  serverCpuUsPerDelivery: number;
  dbCpuUsPerDelivery: number | undefined;
  serverCpuFraction: number;
  generatorCpuFraction: number;
  /** Share of the measured time the server's main thread waited for its CPU. */
  serverRunQueueWaitShare: number;
  /** Run-queue wait of the database's backends, summed, as a share of the measured time (PostgreSQL only). */
  dbRunQueueWaitShare: number | undefined;
  /** The latest any send left after its intended time. */
  maxSendLateMs: number;
  rssMb: number;
  errors: number;
  firstError: string | undefined;
  valid: boolean;
  invalidReasons: readonly string[];
}>;

/** Generator → orchestrator replies. */
export type GenReply =
  | Readonly<{ id: number; ok: true; connected?: ConnectResult; phase?: PhaseResult }>
  | Readonly<{ id: number; ok: false; error: string }>;

/** How connecting (and, for ours, authenticating and subscribing) went. */
export type ConnectResult = Readonly<{ connected: number; failed: number; ms: number; firstError: string | undefined }>;
