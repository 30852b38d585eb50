import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A deliberately small WebSocket client for the load generator: the `ws`
 * package's per-message machinery costs about as much CPU per delivery as a
 * relay spends sending it, which on a two-CPU machine makes the generator the
 * bottleneck. This one parses unmasked server frames in place and hands the
 * handler the chunk and the payload's bounds, without copying.
 *
 * Limits (fine for our servers, not a general client): no extensions, no
 * fragmented messages, client frames masked with an all-zero key (legal per
 * RFC 6455 §5.3, which servers cannot tell from a random one).
 */
export type FrameHandler = (chunk: Buffer, start: number, end: number) => void;

const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;

export class MiniSocket {
  private pending: Buffer | undefined;
  private open = false;
  private handler: FrameHandler | undefined;
  onClose: () => void = () => undefined;

  /** Where frames go. Frames that arrive before a handler is set wait for it. */
  set onFrame(h: FrameHandler) {
    this.handler = h;
    const early = this.pending;
    this.pending = undefined;
    if (early !== undefined) this.onData(early);
  }

  private constructor(private readonly socket: Socket) {}

  /** Connect and complete the opening handshake of `url` (ws:// only). */
  static connect(url: string, timeoutMs: number): Promise<MiniSocket> {
    const u = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: u.hostname, port: Number(u.port), noDelay: true });
      const ms = new MiniSocket(socket);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('timed out connecting'));
      }, timeoutMs);
      let head = Buffer.alloc(0);
      const onHandshake = (d: Buffer): void => {
        head = Buffer.concat([head, d]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onHandshake);
        clearTimeout(timer);
        if (!/^HTTP\/1\.1 101/u.test(head.toString('latin1', 0, 12))) {
          socket.destroy();
          reject(new Error(`handshake refused: ${head.toString('latin1', 0, Math.min(end, 200))}`));
          return;
        }
        ms.open = true;
        socket.on('data', (c: Buffer) => ms.onData(c));
        const rest = head.subarray(end + 4);
        resolve(ms);
        if (rest.length > 0) ms.onData(rest);
      };
      socket.on('data', onHandshake);
      socket.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        ms.open = false;
        ms.onClose();
        // Settles nothing if the handshake already succeeded or failed.
        reject(new Error('closed during the handshake'));
      });
      socket.on('connect', () => {
        socket.write(
          `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Send one text frame. */
  sendText(text: string): void {
    if (!this.open) return;
    const len = Buffer.byteLength(text);
    const headLen = len < 126 ? 6 : len < 65536 ? 8 : 14;
    const buf = Buffer.allocUnsafe(headLen + len);
    buf[0] = 0x80 | OP_TEXT;
    if (len < 126) buf[1] = 0x80 | len;
    else if (len < 65536) {
      buf[1] = 0x80 | 126;
      buf.writeUInt16BE(len, 2);
    } else {
      buf[1] = 0x80 | 127;
      buf.writeBigUInt64BE(BigInt(len), 2);
    }
    // All-zero masking key: the payload goes out unchanged.
    buf.writeUInt32BE(0, headLen - 4);
    buf.write(text, headLen, 'utf8');
    this.socket.write(buf);
  }

  private sendControl(op: number, payload: Buffer): void {
    const buf = Buffer.alloc(6 + payload.length);
    buf[0] = 0x80 | op;
    buf[1] = 0x80 | payload.length;
    payload.copy(buf, 6);
    this.socket.write(buf);
  }

  close(): void {
    this.open = false;
    this.socket.destroy();
  }

  /** Stop reading (a slow consumer: the server's queue for us grows). */
  pause(): void {
    this.socket.pause();
  }

  private onData(chunk: Buffer): void {
    let buf = chunk;
    if (this.pending !== undefined) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    const handler = this.handler;
    if (handler === undefined) {
      this.pending = buf;
      return;
    }
    let at = 0;
    while (buf.length - at >= 2) {
      const b0 = buf[at] ?? 0;
      const b1 = buf[at + 1] ?? 0;
      let len = b1 & 0x7f;
      let hdr = 2;
      if (len === 126) {
        if (buf.length - at < 4) break;
        len = buf.readUInt16BE(at + 2);
        hdr = 4;
      } else if (len === 127) {
        if (buf.length - at < 10) break;
        len = Number(buf.readBigUInt64BE(at + 2));
        hdr = 10;
      }
      if (buf.length - at < hdr + len) break;
      const op = b0 & 0x0f;
      const start = at + hdr;
      if (op === OP_TEXT || op === OP_BINARY) handler(buf, start, start + len);
      else if (op === OP_PING) this.sendControl(0xa, buf.subarray(start, start + len));
      else if (op === OP_CLOSE) {
        this.close();
        return;
      }
      at = start + len;
    }
    if (at < buf.length) this.pending = buf.subarray(at);
  }
}
