import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WS_PATH } from '@lamplight/protocol';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = join(here, '..', '..');

/** A server process the bench started, and how to reach and stop it. */
export type RunningServer = Readonly<{ pid: number; wsUrl: string; stop(): Promise<void>; output(): string }>;

/** Whether `taskset` can pin processes here. */
export function canPin(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** Start `node args…`, pinned to `cpu` with taskset when given. */
export function spawnNode(cpu: number | undefined, args: readonly string[], env: Record<string, string>, ipc = false): ChildProcess {
  const stdio: ('pipe' | 'inherit' | 'ignore' | 'ipc')[] = ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe'];
  const fullEnv = { ...process.env, ...env };
  const raise = raisePriority();
  const cmd = [...(raise ? ['nice', '-n', String(BENCH_NICE)] : []), ...(cpu === undefined ? [] : ['taskset', '-c', String(cpu)]), process.execPath, ...args];
  const [file, ...rest] = cmd;
  // With scheduler autogroups, nice only ranks processes within one session:
  // give each process its own session and raise that group's weight too.
  const child = spawn(file ?? process.execPath, rest, { cwd: ROOT, env: fullEnv, stdio, detached: raise });
  if (raise && child.pid !== undefined) {
    try {
      writeFileSync(`/proc/${child.pid}/autogroup`, String(BENCH_NICE));
    } catch {
      // No autogroups here: nice alone applies.
    }
  }
  return child;
}

/**
 * Nice value of the processes under test (and of their scheduler autogroups)
 * when we may raise it (as root): the machine is shared, and without it other
 * work deschedules the server and the generator for tens of milliseconds at a
 * time.
 */
export const BENCH_NICE = -20;

let canRaise: boolean | undefined;
/** Whether `nice -n -10` works here. */
export function raisePriority(): boolean {
  canRaise ??= spawnSync('nice', ['-n', String(BENCH_NICE), 'true']).status === 0 && process.getuid?.() === 0;
  return canRaise;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs: number): Promise<{ match: RegExpExecArray; output: () => string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs);
    const onData = (d: Buffer): void => {
      out = (out + d.toString('utf8')).slice(-20_000);
      const m = pattern.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ match: m, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${out.slice(-2000)}`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Start the reference relay. */
export async function startReference(cpu: number | undefined): Promise<RunningServer> {
  const port = await freePort();
  const child = spawnNode(cpu, [join(ROOT, 'bench', 'reference', 'relay.mjs')], { PORT: String(port), HOST: '127.0.0.1' });
  const { output } = await waitForLine(child, /Reference relay listening on (ws:\/\/\S+)/u, 'the reference relay', 15_000);
  return { pid: child.pid ?? 0, wsUrl: `ws://127.0.0.1:${port}/`, stop: stopper(child), output };
}

/** Where our server keeps its data for a run. */
export type OursStorage = Readonly<{ dataDir: string; databaseUrl?: string; redisUrl?: string }>;

/** Start our server (the built one in apps/server/dist), with extra node flags (e.g. --cpu-prof). */
export async function startOurs(cpu: number | undefined, storage: OursStorage, nodeFlags: readonly string[] = [], main = join(ROOT, 'apps', 'server', 'dist', 'main.js')): Promise<RunningServer> {
  const port = await freePort();
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', LAMPLIGHT_DATA_DIR: storage.dataDir, LOG_LEVEL: 'warn' };
  if (storage.databaseUrl !== undefined) env.DATABASE_URL = storage.databaseUrl;
  if (storage.redisUrl !== undefined) env.REDIS_URL = storage.redisUrl;
  const child = spawnNode(cpu, [...nodeFlags, main], env);
  const { output } = await waitForLine(child, /Lamplight listening on (\S+)/u, 'our server', 30_000);
  return { pid: child.pid ?? 0, wsUrl: `ws://127.0.0.1:${port}${WS_PATH}`, stop: stopper(child), output };
}

/** A fresh PostgreSQL database for one run, dropped by `drop()`. */
export async function createPgDatabase(adminUrl: string, asyncCommit = false): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `lamplight_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    // Diagnostic only: takes the commit's WAL flush out of the ack path, which our durability promise forbids.
    if (asyncCommit) await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
