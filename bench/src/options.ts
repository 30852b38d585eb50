/** The databases our server can run on. */
export type DatabaseKind = 'sqlite' | 'postgres';
/** Scenarios this suite implements. */
export const SCENARIOS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'] as const;
/** Scenarios run when none are named (S4 needs 5,000 seeded accounts, so only in full runs; S5 and S7 would take quick runs past 5 minutes). */
export const DEFAULT_QUICK: readonly ScenarioName[] = ['S1', 'S2'];
export type ScenarioName = (typeof SCENARIOS)[number];

/** Command-line options of `npm run bench -- …`. */
export type Options = Readonly<{
  quick: boolean;
  json: boolean;
  databases: readonly DatabaseKind[];
  scenarios: readonly ScenarioName[];
  reps: number;
  build: boolean;
  /** Run our server with `node --cpu-prof` and write profiles here. */
  profileDir: string | undefined;
  pgAdminUrl: string;
  /** Our server's entry point (default apps/server/dist/main.js); an experiment may point at a patched copy. */
  serverMain: string | undefined;
  /** Diagnostic: PostgreSQL with synchronous_commit off, to separate CPU cost from WAL flush waits. */
  pgAsyncCommit: boolean;
  /** Where SQLite runs put their data directory (default: the OS temp dir). */
  sqliteParent: string | undefined;
  /** Redis for S7's two nodes. */
  redisUrl: string;
  /** `--soak [minutes]`: our server alone at `soakRate` for this many minutes (on demand, never by default). */
  soakMinutes: number | undefined;
  /** The soak's rate, messages/s: by default half the S2 knee of the full run of 21 November 2026 (1,142/s). */
  soakRate: number;
}>;

/** Half the S2 knee measured on both databases in the full run of 21 November 2026. */
export const DEFAULT_SOAK_RATE = 570;
/** The soak: 10 minutes. */
export const DEFAULT_SOAK_MINUTES = 10;

/** Timing and sizes of one mode (quick or full). */
export type Plan = Readonly<{
  windowMs: number;
  stallMs: number;
  s1: Readonly<{ clients: readonly number[]; circleSize: number; rate: number; durationMs: number; warmupMs: number; drainMs: number }>;
  s2: Readonly<{ clients: number; circleSize: number; startRate: number; factor: number; maxSteps: number; stepMs: number; warmupMs: number; drainMs: number }>;
  /** S3: the same deliveries per second through circles of each size. */
  s3: Readonly<{ clients: number; circleSizes: readonly number[]; deliveriesPerS: number; durationMs: number; warmupMs: number; drainMs: number }>;
  s4: Readonly<{ clients: number }>;
  /** S6: 1,000 clients in circles of 50 at `rate`; then `slowPerCircle` members of each stop reading. */
  s6: Readonly<{ rate: number; slowPerCircle: number; durationMs: number; warmupMs: number; drainMs: number }>;
  /**
   * S5: 1,000 clients in circles of 50 at `rate`; `awayPerCircle` members of
   * each leave at `leaveAtMs`, come back `awayMs` later and resume; up to
   * `settleMs` after the last send for them to have everything. Half S1's
   * rate: at S1's the server already uses ~80 % of its CPU here, and the
   * catch-up's effect on the others would be mostly queueing.
   */
  s5: Readonly<{ rate: number; awayPerCircle: number; durationMs: number; warmupMs: number; leaveAtMs: number; awayMs: number; drainMs: number; settleMs: number }>;
  /** S7: `clients` in circles of 50 at `rate`, on one node, then split over two nodes sharing PostgreSQL and Redis. */
  s7: Readonly<{ clients: number; rate: number; durationMs: number; warmupMs: number; drainMs: number }>;
}>;

export const QUICK: Plan = {
  windowMs: 500,
  stallMs: 40,
  s1: { clients: [1000], circleSize: 50, rate: 1000, durationMs: 4000, warmupMs: 1000, drainMs: 3000 },
  s2: { clients: 1000, circleSize: 50, startRate: 400, factor: 1.6, maxSteps: 7, stepMs: 1500, warmupMs: 500, drainMs: 1500 },
  s3: { clients: 1000, circleSizes: [5, 50, 200], deliveriesPerS: 10_000, durationMs: 4000, warmupMs: 1000, drainMs: 3000 },
  s4: { clients: 5000 },
  s6: { rate: 200, slowPerCircle: 5, durationMs: 5000, warmupMs: 1000, drainMs: 3000 },
  s5: { rate: 500, awayPerCircle: 10, durationMs: 10_000, warmupMs: 1000, leaveAtMs: 3000, awayMs: 3000, drainMs: 3000, settleMs: 15_000 },
  s7: { clients: 1000, rate: 400, durationMs: 4000, warmupMs: 1000, drainMs: 3000 },
};

export const FULL: Plan = {
  windowMs: 1000,
  stallMs: 40,
  s1: { clients: [1000, 5000], circleSize: 50, rate: 1000, durationMs: 15_000, warmupMs: 3000, drainMs: 5000 },
  s2: { clients: 1000, circleSize: 50, startRate: 400, factor: 1.3, maxSteps: 14, stepMs: 5000, warmupMs: 1000, drainMs: 3000 },
  s3: { clients: 1000, circleSizes: [5, 50, 200], deliveriesPerS: 20_000, durationMs: 15_000, warmupMs: 3000, drainMs: 5000 },
  s4: { clients: 5000 },
  s6: { rate: 200, slowPerCircle: 5, durationMs: 30_000, warmupMs: 3000, drainMs: 5000 },
  s5: { rate: 500, awayPerCircle: 10, durationMs: 30_000, warmupMs: 3000, leaveAtMs: 8000, awayMs: 10_000, drainMs: 5000, settleMs: 30_000 },
  s7: { clients: 1000, rate: 400, durationMs: 15_000, warmupMs: 3000, drainMs: 5000 },
};

const USAGE = `npm run bench -- [--quick] [--json] [--db sqlite,postgres] [--scenarios S1,S2] [--reps N] [--no-build] [--profile DIR] [--pg-url URL] [--sqlite-dir DIR] [--pg-async-commit] [--server-main FILE] [--redis-url URL] [--soak [MINUTES]] [--soak-rate N]`;

/** Parse the command line; throws with the usage line on anything unknown. */
export function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let json = false;
  let databases: DatabaseKind[] = ['sqlite', 'postgres'];
  let scenarios: ScenarioName[] | undefined;
  let reps = 3;
  let build = true;
  let profileDir: string | undefined;
  let pgAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  let sqliteParent: string | undefined;
  let pgAsyncCommit = false;
  let serverMain: string | undefined;
  let redisUrl = 'redis://127.0.0.1:6379';
  let soakMinutes: number | undefined;
  let soakRate = DEFAULT_SOAK_RATE;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--quick') quick = true;
    else if (a === '--json') json = true;
    else if (a === '--no-build') build = false;
    else if (a === '--db') databases = next().split(',').map((d) => parseDb(d));
    else if (a === '--scenarios') scenarios = next().split(',').map((s) => parseScenario(s));
    else if (a === '--reps') reps = Math.max(1, Number.parseInt(next(), 10));
    else if (a === '--profile') profileDir = next();
    else if (a === '--pg-url') pgAdminUrl = next();
    else if (a === '--sqlite-dir') sqliteParent = next();
    else if (a === '--pg-async-commit') pgAsyncCommit = true;
    else if (a === '--server-main') serverMain = next();
    else if (a === '--redis-url') redisUrl = next();
    else if (a === '--soak') {
      const n = argv[i + 1];
      soakMinutes = n !== undefined && /^\d+$/u.test(n) ? Math.max(1, Number.parseInt(argv[++i] ?? '', 10)) : DEFAULT_SOAK_MINUTES;
    } else if (a === '--soak-rate') soakRate = Math.max(1, Number.parseInt(next(), 10));
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  // A soak alone runs nothing else unless scenarios are named too.
  const chosen = scenarios ?? (soakMinutes !== undefined ? [] : quick ? DEFAULT_QUICK : SCENARIOS);
  return { quick, json, databases, scenarios: chosen, reps, build, profileDir, pgAdminUrl, pgAsyncCommit, sqliteParent, serverMain, redisUrl, soakMinutes, soakRate };
}

function parseDb(d: string): DatabaseKind {
  if (d === 'sqlite' || d === 'postgres') return d;
  throw new Error(`unknown database ${d}\n${USAGE}`);
}

function parseScenario(s: string): ScenarioName {
  const found = SCENARIOS.find((x) => x === s.toUpperCase());
  if (found === undefined) throw new Error(`unknown or not yet implemented scenario ${s} (have ${SCENARIOS.join(', ')})\n${USAGE}`);
  return found;
}
