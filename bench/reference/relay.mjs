#!/usr/bin/env node
// The reference: the floor our server is measured against. A minimal `ws`
// broadcast relay with no auth, no persistence, no parsing: a client joins a
// room named in the URL (`/?room=<id>`) and every frame it sends is passed,
// byte for byte, to the other members of that room.
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
const rooms = new Map();
const wss = new WebSocketServer({ port, host, perMessageDeflate: false, maxPayload: 256 * 1024 });

wss.on('connection', (ws, req) => {
  const room = new URL(req.url ?? '/', 'http://relay').searchParams.get('room') ?? '';
  let members = rooms.get(room);
  if (members === undefined) {
    members = new Set();
    rooms.set(room, members);
  }
  members.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const other of members) if (other !== ws && other.readyState === 1) other.send(data, { binary: isBinary });
  });
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0) rooms.delete(room);
  });
  ws.on('error', () => undefined);
});

wss.on('listening', () => {
  const addr = wss.address();
  process.stdout.write(`Reference relay listening on ws://${host}:${typeof addr === 'object' ? addr.port : port}\n`);
});
const stop = () => wss.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
