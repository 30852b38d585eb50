import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testEngines } from '@lamplight/storage/testing';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { closeContext, createContext, type AppContext } from '../src/context.js';
import { CONTENT_SECURITY_POLICY } from '../src/http/security-headers.js';
import { createLogger } from '../src/log/logger.js';
import { REPO_ROOT } from './harness.js';
import { join } from 'node:path';

const WEB_DIR = join(REPO_ROOT, 'apps', 'web', 'dist');

for (const engine of testEngines(process.env)) {
  describe(`server on ${engine.name}`, () => {
    let app: FastifyInstance;
    let ctx: AppContext;
    let base: string;
    let drop: () => Promise<void>;
    const logLines: string[] = [];

    beforeAll(async () => {
      const db = await engine.create();
      drop = db.drop;
      const sink = new Writable({
        write(chunk: Buffer, _enc, cb) {
          logLines.push(chunk.toString('utf8'));
          cb();
        },
      });
      const config = loadConfig({ ...db.env, PORT: '0', LOG_LEVEL: 'debug', REDIS_URL: process.env['TEST_REDIS_URL'] }, WEB_DIR);
      ctx = await createContext(config, createLogger('debug', sink));
      app = await buildApp(ctx);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      if (addr === null || typeof addr === 'string') throw new Error('no address');
      base = `http://127.0.0.1:${addr.port}`;
    });
    afterAll(async () => {
      await app.close();
      await closeContext(ctx);
      await drop();
    });

    it('reports database and fan-out readiness on /healthz', async () => {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ok',
        database: 'ok',
        fanout: 'ok',
        fanoutKind: process.env['TEST_REDIS_URL'] ? 'redis' : 'in-process',
      });
    });

    it('sends a strict CSP with no third-party origin, no referrer, and no HSTS over plain HTTP', async () => {
      const res = await fetch(`${base}/healthz`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'|data:\s*;?\s*script/u);
      for (const directive of csp.split(';')) {
        const sources = directive.trim().split(/\s+/u).slice(1);
        for (const s of sources) expect(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:']).toContain(s);
      }
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });

    it('answers unknown API paths with a JSON 404 that says nothing more', async () => {
      const res = await fetch(`${base}/api/v1/nothing-here`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not-found', message: 'Nothing here.' });
    });

    it('never logs the IP address, user agent, URL query or token of a request', async () => {
      logLines.length = 0;
      const agent = 'Mozilla/5.0 (Linux; Android 9) LamplightTestAgent/7.7';
      const token = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
      await fetch(`${base}/healthz?session=${token}`, {
        headers: { 'user-agent': agent, 'x-forwarded-for': '203.0.113.77', authorization: `Bearer ${token}` },
      });
      await fetch(`${base}/api/v1/missing?secret=${token}`, { headers: { 'user-agent': agent } });
      await new Promise((r) => setTimeout(r, 50));
      const text = logLines.join('');
      expect(text).toContain('"route":"/healthz"');
      expect(text).toContain('"statusCode":200');
      for (const forbidden of ['127.0.0.1', '203.0.113.77', 'LamplightTestAgent', token, 'user-agent', 'remoteAddress']) {
        expect(text).not.toContain(forbidden);
      }
    });
  });
}
