import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CatchUpSpec, CatchUpStats, ConnectResult, GenCommand, GenReply, PhaseResult, PhaseSpec, Target } from './gen-protocol.js';
import type { BenchClient } from './seed.js';
import { ROOT, spawnNode } from './servers.js';

type Pending = { resolve: (r: GenReply) => void; reject: (e: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The orchestrator's handle on the load-generator process. */
export class GeneratorProcess {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly child: ChildProcess;

  constructor(cpu: number | undefined) {
    this.child = spawnNode(cpu, ['--import', 'tsx', join(ROOT, 'bench', 'src', 'generator.ts')], {}, true);
    this.child.on('message', (r: GenReply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      p?.resolve(r);
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`the load generator exited (${code})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  private async request(cmd: WithoutId<GenCommand>): Promise<GenReply & { ok: true }> {
    const id = this.nextId++;
    const reply = await new Promise<GenReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...cmd, id });
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  }

  /** Connect `clients` to `url` (or client i to `url[i % url.length]`), as the pool `pool` (default: the target's). */
  async connect(target: Target, url: string | readonly string[], clients: readonly BenchClient[], circleSize: number, concurrency: number, pool?: string): Promise<ConnectResult> {
    const urls = typeof url === 'string' ? [url] : url;
    const r = await this.request({ cmd: 'connect', target, urls, clients, circleSize, concurrency, ...(pool === undefined ? {} : { pool }) });
    if (r.connected === undefined) throw new Error('no connect result');
    return r.connected;
  }

  async phase(spec: PhaseSpec): Promise<PhaseResult> {
    const r = await this.request({ cmd: 'phase', spec });
    if (r.phase === undefined) throw new Error('no phase result');
    return r.phase;
  }

  /** S5: a phase during which some clients leave, then come back and resume. */
  async catchUp(spec: CatchUpSpec): Promise<{ phase: PhaseResult; stats: CatchUpStats }> {
    const r = await this.request({ cmd: 'catch-up', spec });
    if (r.phase === undefined || r.catchUp === undefined) throw new Error('no catch-up result');
    return { phase: r.phase, stats: r.catchUp };
  }

  async close(target: Target, pool?: string): Promise<void> {
    await this.request({ cmd: 'close', target, ...(pool === undefined ? {} : { pool }) });
  }

  stop(): void {
    this.child.disconnect();
  }
}
