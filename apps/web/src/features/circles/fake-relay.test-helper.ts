import type { ClientFrame, ServerFrame } from '@lamplight/protocol';
import type { CircleTransport, TransportEvents } from './transport.js';

type Entry = { seq: number; kind: 'app' | 'commit'; epoch: number; mls: string; clientId: string };
type Circle = { epoch: number; entries: Entry[]; members: Map<string, 'member' | 'moderator'> };
type Conn = { accountId: string; events: TransportEvents; authed: boolean; follows: Map<string, number>; open: boolean };

/**
 * An in-memory stand-in for the relay with the server's rules (one commit
 * per epoch, app messages only in the current epoch, idempotent client ids,
 * welcomes, removal), delivering frames asynchronously like a network.
 * Tokens are account ids.
 */
export class FakeRelay {
  readonly circles = new Map<string, Circle>();
  readonly keyPackages = new Map<string, string[]>();
  readonly welcomes = new Map<string, { circleId: string; mls: string }[]>();
  private readonly conns = new Set<Conn>();
  private next = 1;
  /** Every frame body the relay stored, to check nothing readable reached it. */
  readonly stored: string[] = [];

  createCircle(accountId: string): string {
    const id = `00000000-0000-4000-8000-${String(this.next++).padStart(12, '0')}`;
    this.circles.set(id, { epoch: 0, entries: [], members: new Map([[accountId, 'moderator']]) });
    return id;
  }

  connect(accountId: string, events: TransportEvents): CircleTransport {
    let conn = this.open(accountId, events);
    this.reopeners.set(accountId, () => {
      conn = this.open(accountId, events);
    });
    return {
      send: (frame) => {
        if (!conn.open) return false;
        const c = conn;
        this.later(() => this.onFrame(c, frame));
        return true;
      },
      close: () => {
        conn.open = false;
        this.conns.delete(conn);
        this.reopeners.delete(accountId);
      },
    };
  }

  private readonly reopeners = new Map<string, () => void>();

  private open(accountId: string, events: TransportEvents): Conn {
    const conn: Conn = { accountId, events, authed: false, follows: new Map(), open: true };
    this.conns.add(conn);
    this.later(() => events.onOpen());
    return conn;
  }

  /** Drops every connection of `accountId`, as a network outage would. */
  drop(accountId: string): void {
    for (const c of [...this.conns]) {
      if (c.accountId !== accountId) continue;
      c.open = false;
      this.conns.delete(c);
      c.events.onDown();
    }
  }

  /** A night-watch nudge to every signed-in connection of `accountId`. */
  nudge(accountId: string): void {
    for (const c of this.conns) if (c.accountId === accountId && c.authed) this.push(c, { t: 'watch' });
  }

  /** The transport of `accountId` reconnects. */
  reconnect(accountId: string): void {
    this.reopeners.get(accountId)?.();
  }

  private later(fn: () => void): void {
    setTimeout(fn, 0);
  }

  private push(conn: Conn, frame: ServerFrame): void {
    if (conn.open) this.later(() => conn.open && conn.events.onFrame(frame));
  }

  private onFrame(conn: Conn, frame: ClientFrame): void {
    if (frame.t === 'auth') {
      conn.authed = true;
      conn.accountId = frame.token;
      this.push(conn, { t: 'ready', accountId: conn.accountId });
      for (const w of this.welcomes.get(conn.accountId) ?? []) this.push(conn, { t: 'welcome', ...w });
      return;
    }
    if (frame.t === 'subscribe') {
      for (const { circleId, after } of frame.circles) {
        const c = this.circles.get(circleId);
        if (c?.members.has(conn.accountId) !== true) {
          this.push(conn, { t: 'error', code: 'not-a-member', message: 'no', circleId });
          continue;
        }
        this.welcomes.set(conn.accountId, (this.welcomes.get(conn.accountId) ?? []).filter((w) => w.circleId !== circleId));
        let last = after;
        for (const e of c.entries.filter((x) => x.seq > after)) {
          this.push(conn, { t: 'entry', circleId, seq: e.seq, kind: e.kind, epoch: e.epoch, mls: e.mls, at: 0 });
          last = e.seq;
        }
        conn.follows.set(circleId, last);
        this.push(conn, { t: 'caught-up', circleId, seq: last });
      }
      return;
    }
    if (frame.t !== 'send') return;
    const c = this.circles.get(frame.circleId);
    const role = c?.members.get(conn.accountId);
    const err = (code: 'not-a-member' | 'stale-epoch' | 'forbidden'): void =>
      this.push(conn, { t: 'error', code, message: code, clientId: frame.clientId, circleId: frame.circleId });
    if (c === undefined || role === undefined) return err('not-a-member');
    const seen = c.entries.find((e) => e.clientId === frame.clientId);
    if (seen !== undefined) return this.push(conn, { t: 'ack', clientId: frame.clientId, circleId: frame.circleId, seq: seen.seq });
    if ((frame.adds?.length ?? 0) > 0 && role !== 'moderator') return err('forbidden');
    if (frame.epoch !== c.epoch) return err('stale-epoch');
    const entry: Entry = { seq: c.entries.length + 1, kind: frame.kind, epoch: frame.epoch, mls: frame.mls, clientId: frame.clientId };
    c.entries.push(entry);
    this.stored.push(frame.mls, ...(frame.welcomes ?? []).map((w) => w.mls));
    if (frame.kind === 'commit') {
      c.epoch++;
      for (const a of frame.adds ?? []) c.members.set(a.accountId, a.role);
      for (const w of frame.welcomes ?? []) this.welcomes.set(w.accountId, [...(this.welcomes.get(w.accountId) ?? []), { circleId: frame.circleId, mls: w.mls }]);
      for (const r of frame.removes ?? []) c.members.delete(r);
    }
    this.push(conn, { t: 'ack', clientId: frame.clientId, circleId: frame.circleId, seq: entry.seq });
    for (const other of this.conns) {
      if (!other.follows.has(frame.circleId)) continue;
      if (!c.members.has(other.accountId) && !(frame.removes ?? []).includes(other.accountId)) continue;
      if ((frame.removes ?? []).includes(other.accountId)) {
        other.follows.delete(frame.circleId);
        this.push(other, { t: 'entry', circleId: frame.circleId, seq: entry.seq, kind: entry.kind, epoch: entry.epoch, mls: entry.mls, at: 0 });
        this.push(other, { t: 'removed', circleId: frame.circleId });
        continue;
      }
      this.push(other, { t: 'entry', circleId: frame.circleId, seq: entry.seq, kind: entry.kind, epoch: entry.epoch, mls: entry.mls, at: 0 });
    }
    if (frame.kind === 'commit') {
      for (const w of frame.welcomes ?? []) for (const other of this.conns) if (other.accountId === w.accountId) this.push(other, { t: 'welcome', circleId: frame.circleId, mls: w.mls });
    }
  }
}
