import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths that are API or infrastructure, never the single-page app. */
const NOT_APP = /^\/(?:api|healthz)(?:\/|$)/u;

/**
 * Serve the built web app. Hashed assets are cached for a year; the HTML and
 * the service worker are revalidated on every load so updates arrive. Unknown
 * GET paths that want HTML get index.html (the app routes on the client).
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, path) => {
        const immutable = path.includes(`${join(webDir, 'assets')}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (req.method === 'GET' && wantsHtml && !NOT_APP.test(req.url)) {
      if (built) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet. Run `npm run build`, or start with `npm start`.\n');
    }
    return reply.code(404).send({ error: 'not-found', message: 'Nothing here.' });
  });
}
