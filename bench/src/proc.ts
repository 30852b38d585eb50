import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ is 100 on Linux). */
const USER_HZ = 100;

/** CPU time (user + system, all threads) a process has used, in microseconds; 0 if it is gone. */
export function processCpuUs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name may contain spaces; fields resume after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1_000_000) / USER_HZ;
  } catch {
    return 0;
  }
}

/** Resident set size of a process, in MiB; 0 if it is gone. */
export function processRssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m?.[1] === undefined ? 0 : Number(m[1]) / 1024;
  } catch {
    return 0;
  }
}

/** One backend's CPU (µs) and run-queue wait (ms) so far. */
export type BackendTimes = Readonly<{ cpuUs: number; waitMs: number }>;

/**
 * CPU used and run-queue wait of the PostgreSQL backends serving one database
 * (matched on their process title), summed and per backend pid.
 */
export function postgresBackends(database: string): { cpuUs: number; waitMs: number; count: number; byPid: ReadonlyMap<number, BackendTimes> } {
  let cpuUs = 0;
  let waitMs = 0;
  let count = 0;
  const byPid = new Map<number, BackendTimes>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const title = readFileSync(`/proc/${name}/cmdline`, 'latin1');
      if (!title.startsWith('postgres:') || !title.includes(` ${database} `)) continue;
      const cpu = processCpuUs(Number(name));
      const wait = Number(readFileSync(`/proc/${name}/schedstat`, 'latin1').split(' ')[1]) / 1e6;
      cpuUs += cpu;
      waitMs += wait;
      count++;
      byPid.set(Number(name), { cpuUs: cpu, waitMs: wait });
    } catch {
      // The process ended while we looked.
    }
  }
  return { cpuUs, waitMs, count, byPid };
}

/**
 * The local redis-server serving `url` (matched on the process title redis-server gives itself,
 * `redis-server <host>:<port>`), or undefined when it is not on this machine or not found.
 */
export function redisServerPid(url: string): number | undefined {
  let port: string;
  try {
    port = new URL(url).port || '6379';
  } catch {
    return undefined;
  }
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const title = readFileSync(`/proc/${name}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
      if (title.startsWith('redis-server') && title.endsWith(`:${port}`)) return Number(name);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}

/** CPUs this process may run on, from /proc/self/status (e.g. "0-1" → [0, 1]). */
export function allowedCpus(): readonly number[] {
  const m = /Cpus_allowed_list:\s+(\S+)/u.exec(readFileSync('/proc/self/status', 'latin1'));
  const out: number[] = [];
  for (const part of (m?.[1] ?? '').split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    for (let c = a; c <= (b ?? a); c++) out.push(c);
  }
  return out;
}

/**
 * What backends used between two readings: for each backend alive at the
 * second, its growth since the first (all of it if it started in between).
 * Backends that ended in between take their share with them: an undercount,
 * never a negative.
 */
export function backendGrowth(before: ReadonlyMap<number, BackendTimes>, after: ReadonlyMap<number, BackendTimes>): BackendTimes {
  let cpuUs = 0;
  let waitMs = 0;
  for (const [pid, t] of after) {
    const b = before.get(pid);
    cpuUs += Math.max(0, t.cpuUs - (b?.cpuUs ?? 0));
    waitMs += Math.max(0, t.waitMs - (b?.waitMs ?? 0));
  }
  return { cpuUs, waitMs };
}
