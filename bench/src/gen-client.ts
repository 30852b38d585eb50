import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ConnectResult, GenCommand, GenReply, PhaseResult, PhaseSpec, Target } from './gen-protocol.js';
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

  async connect(target: Target, url: string, clients: readonly BenchClient[], circleSize: number, concurrency: number): Promise<ConnectResult> {
    const r = await this.request({ cmd: 'connect', target, url, clients, circleSize, concurrency });
    if (r.connected === undefined) throw new Error('no connect result');
    return r.connected;
  }

  async phase(spec: PhaseSpec): Promise<PhaseResult> {
    const r = await this.request({ cmd: 'phase', spec });
    if (r.phase === undefined) throw new Error('no phase result');
    return r.phase;
  }

  async close(target: Target): Promise<void> {
    await this.request({ cmd: 'close', target });
  }

  stop(): void {
    this.child.disconnect();
  }
}
