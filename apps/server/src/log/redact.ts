/**
 * Logs are private by default. Every object that reaches a log line passes
 * through {@link redact}: keys that could carry an address, a device
 * fingerprint, a secret or a member's words are dropped, and anything that
 * looks like an IP address inside a string is masked.
 */

/** Keys whose values never reach a log line (matched case-insensitively, ignoring - and _). */
const FORBIDDEN_KEY = new RegExp(
  [
    'ip',
    'ips',
    'remoteaddress',
    'remoteport',
    'address',
    'forwarded',
    'xforwardedfor',
    'xrealip',
    'useragent',
    'headers',
    'host',
    'hostname',
    'authorization',
    'cookie',
    'setcookie',
    'token',
    'sessiontoken',
    'secret',
    'key',
    'privatekey',
    'signature',
    'passphrase',
    'phrase',
    'password',
    'body',
    'payload',
    'text',
    'content',
    'plaintext',
    'ciphertext',
    'message',
    'query',
    'url',
    'originalurl',
  ]
    .map((k) => `^${k}$`)
    .join('|'),
  'u',
);

/** Keys that are allowed even though they look risky: pino's own fields. */
const ALLOWED_KEY = new Set(['msg', 'level', 'time', 'pid', 'reqId', 'route', 'method', 'statusCode', 'responseTime', 'err', 'type', 'code', 'stack', 'name']);

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/gu;
// Full (eight groups) and compressed (with ::) IPv6 forms; clock times like 10:30:00 are left alone.
const IPV6 = /(?<![\w:.])(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![\w:])/giu;
const BEARER = /\b(?:bearer|token|session)[=: ]+[\w.~+/-]{8,}=*/giu;
const LONG_SECRET = /\b[A-Za-z0-9_-]{32,}\b/gu;

function normaliseKey(k: string): string {
  return k.toLowerCase().replace(/[-_]/gu, '');
}

/** Mask IP addresses, bearer tokens and long secret-looking strings inside free text. */
export function scrubString(s: string): string {
  return s.replace(BEARER, '[redacted]').replace(IPV4, '[ip]').replace(IPV6, '[ip]').replace(LONG_SECRET, '[redacted]');
}

/** A deep copy of `value` that is safe to log. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array || ArrayBuffer.isView(value)) return '[bytes]';
  if (value instanceof Error) {
    return { type: value.name, message: scrubString(value.message), stack: value.stack === undefined ? undefined : scrubString(value.stack) };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!ALLOWED_KEY.has(k) && FORBIDDEN_KEY.test(normaliseKey(k))) continue;
    out[k] = redact(v, depth + 1);
  }
  return out;
}
