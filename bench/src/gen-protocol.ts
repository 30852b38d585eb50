import type { BenchClient } from './seed.js';

/** Which server a run drives: the reference relay or ours. */
export type Target = 'reference' | 'ours';

/** Orchestrator → generator commands (over the child-process IPC channel). */
export type GenCommand =
  | Readonly<{
      cmd: 'connect';
      id: number;
      target: Target;
      /** Client i connects to `urls[i % urls.length]` (several of our nodes, S7); one URL for a single server. */
      urls: readonly string[];
      clients: readonly BenchClient[];
      circleSize: number;
      concurrency: number;
      /** Name of the client pool (default: the target's name); S7 holds a second pool of ours. */
      pool?: string;
    }>
  | Readonly<{ cmd: 'phase'; id: number; spec: PhaseSpec }>
  | Readonly<{ cmd: 'catch-up'; id: number; spec: CatchUpSpec }>
  | Readonly<{ cmd: 'close'; id: number; target: Target; pool?: string }>;

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
  /** Further server processes whose CPU and memory count with `serverPid`'s (S7's second node). */
  extraServerPids?: readonly number[];
  /** The client pool to drive (default: the target's name). */
  pool?: string;
  /** A helper process whose CPU is reported beside the server's, not in it (S7: Redis). */
  auxPid?: number;
}>;

/**
 * S5: one open-loop phase of ours during which `awayClients` (never senders)
 * drop their connections at `leaveAtMs` after the phase starts, stay away
 * `awayMs`, then reconnect to `url` and resume from the last sequence number
 * each saw.
 */
export type CatchUpSpec = PhaseSpec &
  Readonly<{
    awayClients: readonly number[];
    leaveAtMs: number;
    awayMs: number;
    url: string;
    /** How long after the last send to wait for the returning clients to have everything. */
    settleMs: number;
  }>;

/** What the returning clients of S5 saw. */
export type CatchUpStats = Readonly<{
  awayClients: number;
  /** Returning clients without an open connection at the end (never got back in, or were dropped again). */
  reconnectFailed: number;
  firstError: string | undefined;
  /** Per client: from the start of the reconnect until every message intended before it had arrived (ms). */
  backlogMs: readonly number[];
  /** Per client: from the start of the reconnect until the server's `caught-up` frame (ms). */
  caughtUpFrameMs: readonly number[];
  /** Clients whose backlog never completed within the settle time. */
  incomplete: number;
  /** Backlog entries delivered to the returning clients (messages intended before the reconnect, arriving after it). */
  backlogEntries: number;
  /** From the start of the reconnect until the last client's backlog was complete (ms). */
  allBacklogMs: number | undefined;
  /** Summed over the returning clients, by message number: owed, received, missing, repeated, not owed. */
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  unexpected: number;
  /** By the server's sequence numbers: skipped and repeated, summed over the returning clients. */
  seqGaps: number;
  seqRepeats: number;
  /** Stayers' latency over messages intended before anyone left, and during the catch-up. */
  baselineP50Ms: number | undefined;
  baselineP99Ms: number | undefined;
  duringP50Ms: number | undefined;
  duringP99Ms: number | undefined;
  /** How long the "during" span was (ms), and how many stayer deliveries it held. */
  duringMs: number;
  duringDeliveries: number;
  /** Server CPU from the moment they left until the end, over every delivery in that span (stayers' and returning clients'). */
  cpuUsPerDelivery: number | undefined;
  deliveriesInSpan: number;
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
  /** CPU of the spec's `auxPid` per delivery, when given. */
  auxCpuUsPerDelivery: number | undefined;
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
  | Readonly<{ id: number; ok: true; connected?: ConnectResult; phase?: PhaseResult; catchUp?: CatchUpStats }>
  | Readonly<{ id: number; ok: false; error: string }>;

/** How connecting (and, for ours, authenticating and subscribing) went. */
export type ConnectResult = Readonly<{ connected: number; failed: number; ms: number; firstError: string | undefined }>;
