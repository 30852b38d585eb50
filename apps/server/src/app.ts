import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerBlobRoutes } from './api/blobs.js';
import { registerCircleRoutes } from './api/circles.js';
import { registerDirectoryRoutes } from './api/directory.js';
import { registerIdentityRoutes } from './api/identity.js';
import { registerAdmissionRoutes } from './api/invitations.js';
import { registerWatchRoutes } from './api/watch.js';
import { RateLimiter } from './auth/rate-limit.js';
import type { AppContext } from './context.js';
import { registerErrorHandler } from './http/errors.js';
import { registerHealth } from './http/health.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/web-app.js';
import { WatchService } from './watch/service.js';
import { registerRelay } from './ws/index.js';

/** Largest HTTP body or WebSocket frame we accept. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Long-lived services built on the context (shared by routes and timers). */
export type Services = Readonly<{ watch: WatchService }>;

export function createServices(ctx: AppContext): Services {
  return { watch: new WatchService(ctx.store, ctx.fanout) };
}

/** Build the HTTP + WebSocket server for a context. Does not listen. */
export async function buildApp(ctx: AppContext, services: Services = createServices(ctx)): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = ctx.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: MAX_BODY_BYTES,
    // We never need to know who is calling: no trusted proxy headers, no IPs.
    trustProxy: false,
    return503OnClosing: true,
  });
  registerSecurityHeaders(app, ctx.config.behindTls);
  // Frames up to 1 MiB are read and answered (too-large past MAX_FRAME_BYTES); beyond that the socket closes.
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  registerErrorHandler(app);
  registerHealth(app, ctx.store, ctx.fanout, ctx.fanoutKind);
  registerIdentityRoutes(app, ctx, new RateLimiter(ctx.now));
  registerAdmissionRoutes(app, ctx);
  registerCircleRoutes(app, ctx);
  registerWatchRoutes(app, ctx, services.watch);
  registerBlobRoutes(app, ctx);
  registerDirectoryRoutes(app, ctx);
  registerRelay(app, ctx);
  await registerWebApp(app, ctx.config.webDir);
  return app;
}
