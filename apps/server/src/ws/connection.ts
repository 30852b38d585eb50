import type { LimitFunction } from 'p-limit';
import type { WebSocket } from 'ws';
import { CLOSE_SLOW_READER, CLOSE_UNAUTHENTICATED, MAX_FRAME_BYTES, clientFrame, type ServerFrame } from '@lamplight/protocol';
import { sha256Hex } from '../auth/keys.js';
import type { AppContext } from '../context.js';
import type { EntryWriter } from './writer.js';
import { accountChannel, circleChannel, decodeFrame, encodeFrame } from './frames.js';
import type { Hub, Listener } from './hub.js';

/** Bytes a connection may have queued before we call its reader slow and disconnect it. */
export const SEND_QUEUE_CAP_BYTES = 1024 * 1024;
/** A connection must authenticate within this time. */
export const AUTH_TIMEOUT_MS = 10_000;
const BACKLOG_PAGE = 500;
const UNAVAILABLE_MESSAGE = 'The server could not handle that just now. Nothing was stored; try again.';

/** Live entries held while the log is read; past this, the log is read again instead. */
const HELD_CAP = 1000;

type Follow = {
  lastSent: number;
  catchingUp: boolean;
  /** Read the log again when this read ends (a gap, or too much held). */
  pending: boolean;
  /** Live entries that arrived during a read, delivered after it in sequence order. */
  held: { seq: number; payload: Uint8Array }[];
  listener: Listener;
};

/**
 * One member's WebSocket. It authenticates with a session token, follows
 * circles from a sequence number (backlog from the database, then live
 * entries from fan-out, each exactly once and in order), and sends entries.
 */
export class Connection {
  private accountId: string | undefined;
  private readonly follows = new Map<string, Follow>();
  private accountListener: Listener | undefined;
  private closed = false;
  private inflight: Promise<void> = Promise.resolve();
  private readonly authTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: AppContext,
    private readonly hub: Hub,
    private readonly writer: EntryWriter,
    /** Bounds how many of this node's connections read the database at once to set up or catch up. */
    private readonly setUp: LimitFunction,
  ) {
    this.authTimer = setTimeout(() => this.close(CLOSE_UNAUTHENTICATED, 'authenticate first'), AUTH_TIMEOUT_MS);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // Frames are handled one at a time, in arrival order.
      this.inflight = this.inflight.then(() => this.onMessage(data, isBinary)).catch((err: unknown) => {
        this.ctx.logger.error({ err }, 'websocket frame failed');
        this.send({ t: 'error', code: 'unavailable', message: UNAVAILABLE_MESSAGE });
      });
    });
    ws.on('close', () => this.cleanup());
    ws.on('error', () => this.cleanup());
  }

  private send(frame: ServerFrame): void {
    this.sendBytes(encodeFrame(frame));
  }

  private sendBytes(bytes: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > SEND_QUEUE_CAP_BYTES) {
      this.close(CLOSE_SLOW_READER, 'too far behind; reconnect and resume');
      return;
    }
    this.ws.send(bytes, { binary: false });
  }

  private close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.cleanup();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.authTimer);
    for (const [circleId, f] of this.follows) this.hub.remove(circleChannel(circleId), f.listener);
    this.follows.clear();
    if (this.accountId !== undefined && this.accountListener !== undefined) this.hub.remove(accountChannel(this.accountId), this.accountListener);
  }

  private async onMessage(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    if (data.length > MAX_FRAME_BYTES) {
      this.send({ t: 'error', code: 'too-large', message: `Frames may be at most ${MAX_FRAME_BYTES} bytes.` });
      return;
    }
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(data.toString('utf8'));
    } catch {
      json = undefined;
    }
    const parsed = clientFrame.safeParse(json);
    if (!parsed.success) {
      this.send({ t: 'error', code: 'malformed', message: 'That frame is not one this server understands.' });
      return;
    }
    const frame = parsed.data;
    if (frame.t === 'ping') {
      this.send({ t: 'pong' });
      return;
    }
    if (frame.t === 'auth') {
      await this.authenticate(frame.token);
      return;
    }
    if (this.accountId === undefined) {
      this.send({ t: 'error', code: 'unauthenticated', message: 'Authenticate first.' });
      return;
    }
    if (frame.t === 'subscribe') {
      for (const c of frame.circles) await this.follow(c.circleId, c.after);
      return;
    }
    let outcome;
    try {
      // One connection's frames stay in order; messages from many connections
      // share group commits in the writer. The answer goes out after the write is durable.
      outcome = await this.writer.submit(this.accountId, frame);
    } catch (err) {
      // Name the send, so a client with several in flight knows which one to resend.
      this.ctx.logger.error({ err }, 'websocket send failed');
      this.send({ t: 'error', code: 'unavailable', message: UNAVAILABLE_MESSAGE, clientId: frame.clientId, circleId: frame.circleId });
      return;
    }
    this.send(outcome.frame);
  }

  private async authenticate(token: string): Promise<void> {
    if (this.accountId !== undefined) return;
    const now = this.ctx.now();
    const session = /^[A-Za-z0-9_-]{43}$/u.test(token) ? await this.setUp(() => this.ctx.store.read.auth.session(sha256Hex(token), now)) : undefined;
    if (session === undefined) {
      this.send({ t: 'error', code: 'unauthenticated', message: 'Please unlock and sign in again.' });
      this.close(CLOSE_UNAUTHENTICATED, 'unauthenticated');
      return;
    }
    clearTimeout(this.authTimer);
    this.accountId = session.accountId;
    this.accountListener = (p) => this.onAccountEvent(p);
    await this.hub.add(accountChannel(session.accountId), this.accountListener);
    this.send({ t: 'ready', accountId: session.accountId });
    for (const w of await this.setUp(() => this.ctx.store.read.circles.welcomesFor(session.accountId, now))) {
      this.send({ t: 'welcome', circleId: w.circleId, mls: Buffer.from(w.body).toString('base64url') });
    }
  }

  private onAccountEvent(payload: Uint8Array): void {
    const frame = decodeFrame(payload);
    if (frame.t === 'removed') {
      const f = this.follows.get(frame.circleId);
      if (f !== undefined) {
        this.hub.remove(circleChannel(frame.circleId), f.listener);
        this.follows.delete(frame.circleId);
      }
    }
    this.sendBytes(payload);
  }

  /** Follow a circle from `after`: backlog first, then live entries, each once and in order. */
  private async follow(circleId: string, after: number): Promise<void> {
    const accountId = this.accountId;
    if (accountId === undefined) return;
    if ((await this.setUp(() => this.ctx.store.read.circles.role(circleId, accountId))) === undefined) {
      this.send({ t: 'error', code: 'not-a-member', message: 'You are not in this circle.', circleId });
      return;
    }
    if (this.follows.has(circleId)) return;
    const f: Follow = {
      lastSent: after,
      catchingUp: false,
      pending: false,
      held: [],
      listener: (payload) => this.onLive(circleId, f, payload),
    };
    this.follows.set(circleId, f);
    await this.hub.add(circleChannel(circleId), f.listener);
    const welcome = await this.setUp(() => this.ctx.store.read.circles.welcomesFor(accountId, this.ctx.now()));
    for (const w of welcome.filter((x) => x.circleId === circleId)) await this.ctx.store.transact((tx) => tx.circles.deleteWelcome(w.id, accountId));
    await this.catchUp(circleId, f);
    this.send({ t: 'caught-up', circleId, seq: f.lastSent });
  }

  private onLive(circleId: string, f: Follow, payload: Uint8Array): void {
    const frame = decodeFrame(payload);
    if (frame.t !== 'entry') return;
    if (frame.seq <= f.lastSent) return;
    if (f.catchingUp) {
      // Held, not a reason to read the log again: in a busy circle every read
      // would otherwise end with something new and the member would never
      // get back to live delivery until the circle went quiet.
      if (f.held.length < HELD_CAP) f.held.push({ seq: frame.seq, payload });
      else {
        f.held = [];
        f.pending = true;
      }
      return;
    }
    if (frame.seq === f.lastSent + 1) {
      f.lastSent = frame.seq;
      this.sendBytes(payload);
      return;
    }
    // A gap (another node's publish overtook this one): read the log instead.
    void this.catchUp(circleId, f).catch(() => undefined);
  }

  /** Send every stored entry after `lastSent`, page by page, then anything that arrived meanwhile. */
  private async catchUp(circleId: string, f: Follow): Promise<void> {
    if (f.catchingUp) {
      f.pending = true;
      return;
    }
    f.catchingUp = true;
    try {
      do {
        f.pending = false;
        for (;;) {
          const page = await this.setUp(() => this.ctx.store.read.circles.entriesAfter(circleId, f.lastSent, BACKLOG_PAGE, this.ctx.now()));
          for (const e of page) {
            if (this.closed || !this.follows.has(circleId)) return;
            this.send({ t: 'entry', circleId, seq: e.seq, kind: e.kind, epoch: e.epoch, mls: Buffer.from(e.body).toString('base64url'), at: e.storedAt });
            f.lastSent = e.seq;
          }
          if (page.length < BACKLOG_PAGE) break;
          await this.drain();
        }
        this.sendHeld(f);
      } while (f.pending);
    } finally {
      f.catchingUp = false;
    }
  }

  /** Deliver the live entries held during a read, in order; a gap among them means reading the log again. */
  private sendHeld(f: Follow): void {
    const held = f.held.sort((a, b) => a.seq - b.seq);
    f.held = [];
    for (const h of held) {
      if (h.seq <= f.lastSent) continue;
      if (h.seq !== f.lastSent + 1) {
        f.pending = true;
        return;
      }
      f.lastSent = h.seq;
      this.sendBytes(h.payload);
    }
  }

  /** Wait while the socket's queue is over half the cap, so a long backlog cannot exhaust memory. */
  private async drain(): Promise<void> {
    for (let i = 0; i < 500 && !this.closed && this.ws.bufferedAmount > SEND_QUEUE_CAP_BYTES / 2; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** After a fan-out gap (Redis reconnected), re-read every followed circle from the log. */
  resync(): void {
    for (const [circleId, f] of this.follows) void this.catchUp(circleId, f).catch(() => undefined);
  }
}
