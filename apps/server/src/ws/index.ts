import type { FastifyInstance } from 'fastify';
import pLimit from 'p-limit';
import { WS_PATH } from '@lamplight/protocol';
import type { AppContext } from '../context.js';
import { Connection } from './connection.js';
import { Hub } from './hub.js';
import { EntryWriter } from './writer.js';

/**
 * Database reads for connections authenticating or catching up, at once, per
 * node: below the PostgreSQL pool (10), so the writer's commits never queue
 * behind a reconnect storm's catch-up reads.
 */
export const SET_UP_CONCURRENCY = 6;

/** The WebSocket relay: one hub per node, one Connection per socket. */
export function registerRelay(app: FastifyInstance, ctx: AppContext): void {
  const hub = new Hub(ctx.fanout);
  const writer = new EntryWriter(ctx.store, hub, ctx.now);
  const live = new Set<Connection>();
  // A storm of reconnects (a node restarting, a network blip) would otherwise
  // start thousands of set-ups at once: each holds its queries and frames
  // until the database answers, the heap balloons and stays large. A few
  // at a time keep the database busy and the memory flat.
  const setUp = pLimit(SET_UP_CONCURRENCY);
  ctx.fanout.onGap(() => {
    for (const c of live) c.resync();
  });
  app.get(WS_PATH, { websocket: true }, (socket) => {
    const conn = new Connection(socket, ctx, hub, writer, setUp);
    live.add(conn);
    socket.on('close', () => live.delete(conn));
  });
}
