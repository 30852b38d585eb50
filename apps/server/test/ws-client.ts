import WebSocket from 'ws';
import { WS_PATH, type ServerFrame } from '@lamplight/protocol';

/** A test WebSocket client that records every frame and can wait for one. */
export class TestSocket {
  readonly frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | undefined;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      this.frames.push(JSON.parse(d.toString('utf8')) as ServerFrame);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(base: string, token?: string): Promise<TestSocket> {
    const ws = new WebSocket(base.replace(/^http/u, 'ws') + WS_PATH);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    const s = new TestSocket(ws);
    if (token !== undefined) {
      s.send({ t: 'auth', token });
      await s.waitFor((f) => f.t === 'ready');
    }
    return s;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Wait until a frame matching `pred` has arrived (searching from `from`), and return it. */
  async waitFor<T extends ServerFrame>(pred: (f: ServerFrame) => f is T, timeoutMs?: number, from?: number): Promise<T>;
  async waitFor(pred: (f: ServerFrame) => boolean, timeoutMs?: number, from?: number): Promise<ServerFrame>;
  async waitFor(pred: (f: ServerFrame) => boolean, timeoutMs = 10_000, from = 0): Promise<ServerFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(pred);
      if (found !== undefined) return found;
      if (this.closeCode !== undefined) throw new Error(`socket closed (${this.closeCode}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting; got ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, Math.min(left, 200));
      });
    }
  }

  entries(circleId: string): Extract<ServerFrame, { t: 'entry' }>[] {
    return this.frames.filter((f): f is Extract<ServerFrame, { t: 'entry' }> => f.t === 'entry' && f.circleId === circleId);
  }

  close(): Promise<void> {
    if (this.closeCode !== undefined) return Promise.resolve();
    const done = new Promise<void>((r) => this.ws.once('close', () => r()));
    this.ws.close();
    return done;
  }
}
