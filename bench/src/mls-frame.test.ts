import { peekMessage } from '@lamplight/crypto/peek';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchBody, encodeVarint, readTrailer, writeTrailer } from './mls-frame.js';

const CIRCLE = '0b6d3c1e-2f4a-4c59-8e7d-9a1b2c3d4e5f';

describe('bench MLS framing', () => {
  it('is read by the delivery service as an application PrivateMessage of the circle and epoch', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 80, max: 2048 }), (circleId, epoch, size) => {
        const body = benchBody(circleId, epoch, size);
        const peeked = peekMessage(body);
        expect(peeked.wire).toBe('private');
        if (peeked.wire !== 'private') return;
        expect(peeked.contentType).toBe('application');
        expect(peeked.epoch).toBe(epoch);
        expect(new TextDecoder().decode(peeked.groupId)).toBe(circleId);
        expect(body.length).toBe(size);
      }),
    );
  });

  it('encodes varints as RFC 9420 §2.1.2 (test values from the RFC)', () => {
    expect([...encodeVarint(37)]).toEqual([0x25]);
    expect([...encodeVarint(15293)]).toEqual([0x7b, 0xbd]);
    expect([...encodeVarint(494878333)]).toEqual([0x9d, 0x7f, 0x3e, 0x7d]);
  });

  it('round-trips the trailer without touching the framing', () => {
    const body = benchBody(CIRCLE, 0, 256);
    writeTrailer(body, { intendedMs: 1234.5678, messageNo: 4_000_000_000, sender: 4999 });
    expect(readTrailer(body)).toEqual({ intendedMs: 1234.5678, messageNo: 4_000_000_000, sender: 4999 });
    expect(peekMessage(body).wire).toBe('private');
  });

  it('refuses a size that cannot hold the header and the trailer', () => {
    expect(() => benchBody(CIRCLE, 0, 40)).toThrow(RangeError);
  });
});
