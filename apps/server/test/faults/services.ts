import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Outside services the fault tests need, found or started privately. Every
 * address is loopback; nothing here touches the machine's shared PostgreSQL
 * or Redis beyond creating and dropping one database.
 */

/** The shared PostgreSQL and Redis from the environment, or why they are missing. */
export type SharedServices = Readonly<{ pgUrl: string; redisUrl: string }> | Readonly<{ missing: string }>;

/**
 * Read TEST_DATABASE_URL and TEST_REDIS_URL. With CI=true a missing one is an
 * error (CI must not skip these tests); otherwise the caller skips with the reason.
 */
export function sharedServices(env: Readonly<Record<string, string | undefined>>): SharedServices {
  const pgUrl = env['TEST_DATABASE_URL'] ?? '';
  const redisUrl = env['TEST_REDIS_URL'] ?? '';
  const missing = [pgUrl === '' ? 'TEST_DATABASE_URL' : undefined, redisUrl === '' ? 'TEST_REDIS_URL' : undefined].filter((x) => x !== undefined);
  if (missing.length === 0) return { pgUrl, redisUrl };
  const reason = `${missing.join(' and ')} not set`;
  if (env['CI'] === 'true') throw new Error(`CI=true but ${reason}: the fault tests cannot be skipped in CI`);
  return { missing: reason };
}

/**
 * The reason to skip a test that needs a local tool (initdb, redis-server,
 * prlimit), or undefined when it is there. With CI=true a missing tool is an
 * error: CI installs them, and a fault test must not vanish silently.
 */
export function missingTool(env: Readonly<Record<string, string | undefined>>, available: boolean, reason: string): string | undefined {
  if (available) return undefined;
  if (env['CI'] === 'true') throw new Error(`CI=true but ${reason}: the fault tests cannot be skipped in CI`);
  return reason;
}

/** A TCP port nobody listens on right now (loopback). */
export async function freePort(): Promise<number> {
  return new Promise<number>((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** A fresh database on the shared PostgreSQL, dropped by `drop()`. */
export async function freshPgDatabase(adminUrl: string, label: string): Promise<Readonly<{ url: string; drop(): Promise<void> }>> {
  const name = `lamplight_f_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll `check` until it is true, at most `tries` times. */
export async function until(check: () => boolean | Promise<boolean>, tries = 200, everyMs = 50): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}

/** Where PostgreSQL's server binaries are, or undefined when none are installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** A private PostgreSQL cluster in a temporary directory, on its own port. */
export type PrivatePostgres = Readonly<{
  url: string;
  port: number;
  /** Stop the cluster; `immediate` is a crash (no checkpoint), `fast` a clean shutdown. */
  stop(mode: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  /** Stop it and remove its directory. */
  destroy(): Promise<void>;
}>;

/** Run a command to its end without blocking the event loop; rejects on a non-zero exit. */
function runTool(cmd: string, args: readonly string[], timeoutMs = 60_000): Promise<void> {
  return new Promise<void>((res, rej) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    c.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => c.kill('SIGKILL'), timeoutMs);
    c.once('error', (e) => {
      clearTimeout(timer);
      rej(e);
    });
    c.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) res();
      else rej(new Error(`${cmd} ${args.join(' ')} exited with ${String(code)}: ${out}`));
    });
  });
}

/**
 * initdb, then pg_ctl start, a cluster nobody else uses. As root the tools
 * run as the `postgres` OS user, which owns the directory.
 */
export async function startPrivatePostgres(binDir: string): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'lamplight-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'pg.log');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
  }
  const run = (tool: string, args: readonly string[]): Promise<void> =>
    asRoot ? runTool('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]) : runTool(join(binDir, tool), args);
  let destroyed = false;
  const destroy = async (): Promise<void> => {
    if (destroyed) return;
    destroyed = true;
    if (existsSync(join(data, 'postmaster.pid'))) await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const start = (): Promise<void> =>
      run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', logFile, '-w', '-t', '60', 'start']);
    const stop = (mode: 'immediate' | 'fast'): Promise<void> => run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    await start();
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop, start, destroy };
  } catch (e) {
    await destroy();
    throw e;
  }
}

/** A private Redis (no persistence) on its own port, which the test may kill and restart. */
export type PrivateRedis = Readonly<{
  url: string;
  /** SIGKILL it and wait until it has exited. */
  kill(): Promise<void>;
  /** Start it again on the same port and wait until it answers. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}>;

/** True when `redis-server` can be run here. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const c = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    let out = '';
    c.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    const ok = await until(() => out.includes('Ready to accept connections') || c.exitCode !== null, 200, 25);
    if (!ok || c.exitCode !== null) throw new Error(`redis-server did not start:\n${out}`);
  };
  const kill = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (c === undefined || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, start, destroy: kill };
}
