import type { ClientFrame, ServerFrame } from '@lamplight/protocol';

/** The circles client's link to the relay: a WebSocket in the app, a stand-in in tests. */
export interface CircleTransport {
  /** Sends a frame if connected; returns false when it could not (it will be resent after reconnecting). */
  send(frame: ClientFrame): boolean;
  /** Closes for good (no reconnect). */
  close(): void;
}

/** What the transport tells its owner. */
export type TransportEvents = Readonly<{
  /** A connection is open: authenticate and subscribe again. */
  onOpen: () => void;
  onFrame: (frame: ServerFrame) => void;
  /** The connection dropped; the transport reconnects by itself. */
  onDown: () => void;
}>;

/** Reconnect delays: 0.5 s doubling to 30 s, with jitter so a restarted server is not hit all at once. */
export function backoffMs(attempt: number, random: number): number {
  const base = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
  return Math.round(base / 2 + (base / 2) * random);
}

/** Minimal WebSocket surface used here. */
type Socket = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
};

const OPEN = 1;

/**
 * A WebSocket to the relay that reconnects with backoff until closed.
 * Frames that arrive are parsed as JSON and handed on; the owner decides
 * what to trust (frames come from our own server, but are still checked
 * field by field where it matters).
 */
export function openWebSocketTransport(url: string, events: TransportEvents, makeSocket: (url: string) => Socket = (u) => new WebSocket(u)): CircleTransport {
  let socket: Socket | undefined;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = (): void => {
    if (closed) return;
    const s = makeSocket(url);
    socket = s;
    s.onopen = () => {
      attempt = 0;
      events.onOpen();
    };
    s.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (typeof frame === 'object' && frame !== null && typeof (frame as { t?: unknown }).t === 'string') events.onFrame(frame as ServerFrame);
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = undefined;
      if (closed) return;
      events.onDown();
      timer = setTimeout(connect, backoffMs(attempt++, Math.random()));
    };
    s.onerror = () => undefined;
  };
  connect();

  return {
    send(frame) {
      if (socket === undefined || socket.readyState !== OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      socket?.close();
      socket = undefined;
    },
  };
}
