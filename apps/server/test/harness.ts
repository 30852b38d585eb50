import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The built server entry point (`npm run build` makes it). */
export const SERVER_ENTRY = join(REPO_ROOT, 'apps', 'server', 'dist', 'main.js');

/** A running server process, started the way a steward starts it. */
export type RunningServer = Readonly<{
  url: string;
  /** The `Steward invitation:` link when this start printed one. */
  stewardInvitation: string | undefined;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9) and wait for exit. */
  kill(): Promise<void>;
  process: ChildProcess;
}>;

export type StartOptions = Readonly<{
  env?: Readonly<Record<string, string>>;
  /** Reuse a data directory (for restarts); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Remove the data directory on stop (default: only when we created it). */
  cleanup?: boolean;
  timeoutMs?: number;
}>;

const LISTENING = /^Lamplight listening on (\S+)$/mu;
const INVITATION = /^Steward invitation: (\S+)$/mu;

/** Spawn `node apps/server/dist/main.js` on a free port and wait until it listens. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lamplight-srv-'));
  const cleanup = opts.cleanup ?? opts.dataDir === undefined;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LAMPLIGHT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));

  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start in time:\n${out}`)), opts.timeoutMs ?? 30_000);
    // The invitation line, when there is one, is written before this line.
    const check = (): void => {
      const m = LISTENING.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${String(code)} before listening:\n${out}`));
    });
  });

  const finish = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    if (cleanup) rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    url,
    get stewardInvitation() {
      return INVITATION.exec(out)?.[1];
    },
    dataDir,
    output: () => out,
    stop: () => finish('SIGTERM'),
    kill: () => finish('SIGKILL'),
    process: child,
  };
}
