import type { FastifyInstance } from 'fastify';
import type { FanOut } from '../fanout/port.js';
import type { Store } from '@lamplight/storage';

/** What /healthz answers. */
export type Health = Readonly<{
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
  fanout: 'ok' | 'unavailable';
  fanoutKind: 'in-process' | 'redis';
}>;

/** GET /healthz: database and fan-out readiness; 503 when either is down. */
export function registerHealth(app: FastifyInstance, store: Store, fanout: FanOut, fanoutKind: Health['fanoutKind']): void {
  app.get('/healthz', async (_req, reply) => {
    const database = await store.ping().then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    const fan = fanout.ready() ? ('ok' as const) : ('unavailable' as const);
    const body: Health = {
      status: database === 'ok' && fan === 'ok' ? 'ok' : 'unavailable',
      database,
      fanout: fan,
      fanoutKind,
    };
    return reply.code(body.status === 'ok' ? 200 : 503).header('cache-control', 'no-store').send(body);
  });
}
