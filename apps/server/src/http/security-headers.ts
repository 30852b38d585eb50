import type { FastifyInstance } from 'fastify';

/**
 * A strict Content-Security-Policy: everything from our own origin, nothing
 * from anyone else. 'wasm-unsafe-eval' lets libsodium's WebAssembly run; it
 * does not allow eval of scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'x-dns-prefetch-control': 'off',
};

/** Add our security headers to every response. HSTS only when members reach us over TLS. */
export function registerSecurityHeaders(app: FastifyInstance, behindTls: boolean): void {
  app.addHook('onSend', (_req, reply, payload, done) => {
    for (const [k, v] of Object.entries(BASE_HEADERS)) reply.header(k, v);
    if (behindTls) reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
    done(null, payload);
  });
}
