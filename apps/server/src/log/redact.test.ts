import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { redact, scrubString } from './redact.js';

describe('redact', () => {
  it('drops keys that could identify someone or carry content', () => {
    const out = redact({
      ip: '198.51.100.4',
      remoteAddress: '::1',
      'user-agent': 'Mozilla',
      userAgent: 'x',
      headers: { host: 'a' },
      token: 't',
      body: 'hello',
      text: 'I feel bad',
      ciphertext: 'abc',
      route: '/healthz',
      count: 3,
    });
    expect(out).toEqual({ route: '/healthz', count: 3 });
  });

  it('masks IPv4 and IPv6 addresses and long secrets inside strings', () => {
    expect(scrubString('from 10.0.0.1 and 2001:db8::1 and ::1 and fe80::a:b')).toBe('from [ip] and [ip] and [ip] and [ip]');
    expect(scrubString('Bearer abcdefghijklmnop')).toBe('[redacted]');
    expect(scrubString('key ' + 'A'.repeat(40))).toBe('key [redacted]');
  });

  it('keeps ordinary words and times untouched', () => {
    expect(scrubString('database migrated at 10:30, 3 tables')).toBe('database migrated at 10:30, 3 tables');
  });

  it('walks nested objects, arrays and errors', () => {
    const err = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    expect(redact({ list: [{ ip: '1.2.3.4', n: 1 }], err })).toEqual({
      list: [{ n: 1 }],
      err: { type: 'Error', message: 'connect ECONNREFUSED [ip]:5432', stack: expect.not.stringContaining('127.0.0.1') as unknown },
    });
  });
});

describe('logger', () => {
  it('writes no IP, user agent or content even when a caller passes them', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = createLogger('info', sink);
    log.info({ ip: '192.0.2.1', userAgent: 'SecretAgent', text: 'my words', circle: 'c1' }, 'request from 192.0.2.1');
    const text = lines.join('');
    expect(text).toContain('"circle":"c1"');
    expect(text).not.toMatch(/192\.0\.2\.1|SecretAgent|my words/u);
  });
});
