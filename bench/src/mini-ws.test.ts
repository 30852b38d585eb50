import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { MiniSocket } from './mini-ws.js';

let server: WebSocketServer | undefined;

afterEach(async () => {
  await new Promise<void>((r) => (server === undefined ? r() : server.close(() => r())));
  server = undefined;
});

/** A `ws` server on a free port that hands us each connection. */
async function listen(onConnection: (ws: WebSocket) => void): Promise<string> {
  const s = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server = s;
  s.on('connection', onConnection);
  await new Promise<void>((r) => s.on('listening', () => r()));
  return `ws://127.0.0.1:${(s.address() as AddressInfo).port}/path?room=x`;
}

describe('MiniSocket', () => {
  it('receives every frame whole, whatever its length and however the bytes are split', async () => {
    const sizes = [0, 1, 125, 126, 200, 65_535, 65_536, 70_000];
    const url = await listen((ws) => {
      for (const n of sizes) ws.send('x'.repeat(n));
    });
    const ms = await MiniSocket.connect(url, 5000);
    const got: number[] = [];
    await new Promise<void>((resolve) => {
      ms.onFrame = (chunk, start, end) => {
        expect(chunk.toString('latin1', start, end)).toBe('x'.repeat(end - start));
        got.push(end - start);
        if (got.length === sizes.length) resolve();
      };
    });
    ms.close();
    expect(got).toEqual(sizes);
  });

  it('sends text frames a standard server reads, and answers pings', async () => {
    const received: string[] = [];
    let pong = false;
    const url = await listen((ws) => {
      ws.on('message', (d: Buffer) => received.push(d.toString('utf8')));
      ws.on('pong', () => {
        pong = true;
      });
      ws.ping('hi');
    });
    const ms = await MiniSocket.connect(url, 5000);
    // Frames (control frames too) are read once a handler is set.
    ms.onFrame = () => undefined;
    const texts = ['{"t":"auth"}', '微光'.repeat(100), 'y'.repeat(70_000)];
    for (const t of texts) ms.sendText(t);
    await expect.poll(() => received.length).toBe(texts.length);
    await expect.poll(() => pong).toBe(true);
    expect(received).toEqual(texts);
    ms.close();
  });

  it('refuses a server that answers without upgrading', async () => {
    const http = createServer((_req, res) => res.end('no'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    await expect(MiniSocket.connect(url, 2000)).rejects.toThrow(/refused|closed|ECONNRESET|socket hang up/u);
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
  });
});
