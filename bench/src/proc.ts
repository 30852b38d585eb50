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

/** Summed CPU time of every process with this command name (e.g. all PostgreSQL backends), in microseconds. */
export function commandCpuUs(comm: string): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (stat.slice(open + 1, close) !== comm) continue;
      total += processCpuUs(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
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
