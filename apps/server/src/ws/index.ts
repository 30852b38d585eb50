import type { FastifyInstance } from 'fastify';
import { WS_PATH } from '@lamplight/protocol';
import type { AppContext } from '../context.js';
import { Connection } from './connection.js';
import { Hub } from './hub.js';
import { EntryWriter } from './writer.js';

/** The WebSocket relay: one hub per node, one Connection per socket. */
export function registerRelay(app: FastifyInstance, ctx: AppContext): void {
  const hub = new Hub(ctx.fanout);
  const writer = new EntryWriter(ctx.store, hub, ctx.now);
  const live = new Set<Connection>();
  ctx.fanout.onGap(() => {
    for (const c of live) c.resync();
  });
  app.get(WS_PATH, { websocket: true }, (socket) => {
    const conn = new Connection(socket, ctx, hub, writer);
    live.add(conn);
    socket.on('close', () => live.delete(conn));
  });
}
