/**
 * Reading the few fields S5 needs from our server's JSON frames without
 * parsing the whole frame: the frame type, an entry's sequence number, and
 * the bench trailer at the end of its MLS body.
 */
import { BENCH_TRAILER_BYTES, readTrailer, type Trailer } from './mls-frame.js';

const TYPE_PREFIX = Buffer.from('{"t":"');
const SEQ_KEY = Buffer.from('"seq":');
const MLS_KEY = Buffer.from('"mls":"');
const QUOTE = 0x22;

/** The `t` of a frame that starts `{"t":"…"`, or undefined. */
export function frameType(chunk: Buffer, start: number, end: number): string | undefined {
  if (end - start < TYPE_PREFIX.length + 1 || chunk.compare(TYPE_PREFIX, 0, TYPE_PREFIX.length, start, start + TYPE_PREFIX.length) !== 0) return undefined;
  const e = chunk.indexOf(QUOTE, start + TYPE_PREFIX.length);
  if (e < 0 || e >= end) return undefined;
  return chunk.toString('latin1', start + TYPE_PREFIX.length, e);
}

/** The value of the first `"seq":<integer>` in the frame, or undefined. */
export function entrySeq(chunk: Buffer, start: number, end: number): number | undefined {
  const s = chunk.indexOf(SEQ_KEY, start);
  if (s < 0 || s + SEQ_KEY.length >= end) return undefined;
  let n = 0;
  let digits = 0;
  for (let i = s + SEQ_KEY.length; i < end; i++) {
    const c = chunk[i] ?? 0;
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
    digits++;
  }
  return digits === 0 ? undefined : n;
}

/** The bench trailer of an entry whose MLS body is `payloadBytes` long, or undefined. */
export function entryTrailer(chunk: Buffer, start: number, end: number, payloadBytes: number): Trailer | undefined {
  const s = chunk.indexOf(MLS_KEY, start);
  if (s < 0 || s >= end) return undefined;
  const from = s + MLS_KEY.length;
  const e = chunk.indexOf(QUOTE, from);
  if (e < 0 || e > end) return undefined;
  // base64url without padding: 4 characters per 3 bytes.
  const trailerAt = payloadBytes - BENCH_TRAILER_BYTES;
  if (trailerAt % 3 !== 0) throw new Error('the bench trailer must start on a 3-byte boundary');
  const charAt = from + (trailerAt / 3) * 4;
  if (charAt >= e) return undefined;
  const bytes = Buffer.from(chunk.toString('latin1', charAt, e), 'base64url');
  if (bytes.length !== BENCH_TRAILER_BYTES) return undefined;
  return readTrailer(bytes);
}
