/**
 * A tiny encoder for the one MLS shape the load generator sends: an
 * MLSMessage carrying a PrivateMessage (RFC 9420 §6.3) whose public framing
 * (version, wire format, group id, epoch, content type) is real and whose
 * "ciphertext" is our opaque bench payload. The server checks only that
 * framing, so this is all it needs to accept the message.
 */

/** MLS 1.0 (RFC 9420 §6). */
const MLS_VERSION_10 = 1;
/** WireFormat mls_private_message. */
const WIRE_PRIVATE_MESSAGE = 2;
/** ContentType application. */
const CONTENT_APPLICATION = 1;
/** Bytes the bench fields take at the end of every body: intended send time, message number, sender. */
export const BENCH_TRAILER_BYTES = 16;

const encoder = new TextEncoder();

/** RFC 9420 §2.1.2 variable-length integer (1, 2 or 4 bytes). */
export function encodeVarint(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('varint must be a non-negative integer');
  if (n < 0x40) return Uint8Array.of(n);
  if (n < 0x4000) return Uint8Array.of(0x40 | (n >> 8), n & 0xff);
  if (n < 0x40000000) return Uint8Array.of(0x80 | (n >>> 24), (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  throw new RangeError('varint too large');
}

/** The framing header of an application PrivateMessage of this circle at this epoch. */
export function privateMessageHeader(circleId: string, epoch: number): Uint8Array {
  const gid = encoder.encode(circleId);
  const len = encodeVarint(gid.length);
  const out = new Uint8Array(4 + len.length + gid.length + 8 + 1);
  const view = new DataView(out.buffer);
  view.setUint16(0, MLS_VERSION_10);
  view.setUint16(2, WIRE_PRIVATE_MESSAGE);
  out.set(len, 4);
  out.set(gid, 4 + len.length);
  view.setBigUint64(4 + len.length + gid.length, BigInt(epoch));
  out[out.length - 1] = CONTENT_APPLICATION;
  return out;
}

/**
 * A reusable body of `size` bytes: the header, zero padding, and a trailer
 * the generator rewrites for every send (see {@link writeTrailer}).
 */
export function benchBody(circleId: string, epoch: number, size: number): Uint8Array {
  const header = privateMessageHeader(circleId, epoch);
  if (size < header.length + BENCH_TRAILER_BYTES) throw new RangeError('payload too small for the MLS header and the bench trailer');
  const body = new Uint8Array(size);
  body.set(header, 0);
  return body;
}

/** The bench fields carried in the last {@link BENCH_TRAILER_BYTES} bytes of a body. */
export type Trailer = Readonly<{ intendedMs: number; messageNo: number; sender: number }>;

/** Write the trailer into a body made by {@link benchBody}. */
export function writeTrailer(body: Uint8Array, t: Trailer): void {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const at = body.byteLength - BENCH_TRAILER_BYTES;
  view.setFloat64(at, t.intendedMs);
  view.setUint32(at + 8, t.messageNo);
  view.setUint32(at + 12, t.sender);
}

/** Read the trailer back from a received body. */
export function readTrailer(body: Uint8Array): Trailer {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const at = body.byteLength - BENCH_TRAILER_BYTES;
  return { intendedMs: view.getFloat64(at), messageNo: view.getUint32(at + 8), sender: view.getUint32(at + 12) };
}
