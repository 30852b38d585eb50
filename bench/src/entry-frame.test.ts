import { describe, expect, it } from 'vitest';
import { entrySeq, entryTrailer, frameType } from './entry-frame.js';
import { benchBody, writeTrailer } from './mls-frame.js';

const CIRCLE = '0b6d3c1e-2f4a-4c59-8e7d-9a1b2c3d4e5f';

function framed(text: string): { chunk: Buffer; start: number; end: number } {
  // Surround the frame with other bytes, as it sits inside a socket chunk.
  const chunk = Buffer.concat([Buffer.from([0x81, 0x7e, 0x01, 0x00]), Buffer.from(text), Buffer.from('{"t":"entry","seq":999}')]);
  return { chunk, start: 4, end: 4 + Buffer.byteLength(text) };
}

describe('reading entry frames in place', () => {
  it('reads the type, the sequence number and the trailer of an entry as our server writes it', () => {
    const body = benchBody(CIRCLE, 0, 256);
    writeTrailer(body, { intendedMs: 1234.5, messageNo: 77, sender: 9 });
    const mls = Buffer.from(body).toString('base64url');
    const f = framed(JSON.stringify({ t: 'entry', circleId: CIRCLE, seq: 4021, kind: 'app', epoch: 0, mls, at: 1_700_000_000_000 }));
    expect(frameType(f.chunk, f.start, f.end)).toBe('entry');
    expect(entrySeq(f.chunk, f.start, f.end)).toBe(4021);
    expect(entryTrailer(f.chunk, f.start, f.end, 256)).toEqual({ intendedMs: 1234.5, messageNo: 77, sender: 9 });
  });

  it('gives nothing for frames without those fields', () => {
    const f = framed(JSON.stringify({ t: 'caught-up', circleId: CIRCLE }));
    expect(frameType(f.chunk, f.start, f.end)).toBe('caught-up');
    expect(entrySeq(f.chunk, f.start, f.end)).toBeUndefined();
    expect(entryTrailer(f.chunk, f.start, f.end, 256)).toBeUndefined();
    const g = framed('[1,2]');
    expect(frameType(g.chunk, g.start, g.end)).toBeUndefined();
    const h = framed(JSON.stringify({ t: 'entry', seq: 'x', mls: 'AAAA' }));
    expect(entrySeq(h.chunk, h.start, h.end)).toBeUndefined();
    expect(entryTrailer(h.chunk, h.start, h.end, 256)).toBeUndefined();
  });
});
