import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from './frames.js';

describe('frames', () => {
  it('round-trips a frame', () => {
    const frame = { t: 'entry', circleId: 'c1', seq: 7, kind: 'app', epoch: 2, mls: 'AAEC', at: 1_700_000_000_000 } as const;
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });

  it('parses one payload once however many followers read it, and other bytes afresh', () => {
    const bytes = encodeFrame({ t: 'pong' });
    const first = decodeFrame(bytes);
    expect(decodeFrame(bytes)).toBe(first);
    const copy = new Uint8Array(bytes);
    expect(decodeFrame(copy)).not.toBe(first);
    expect(decodeFrame(copy)).toEqual(first);
  });
});
