/**
 * Small length-prefixed binary codec for Lamplight's own MLS-adjacent
 * structures (credential identities, rosters, serialised circle state).
 * Every variable-length field is a 4-byte big-endian length followed by the
 * bytes, so a decoder never has to guess where a field ends.
 */

/** Appends fields to a growing byte buffer. */
export class ByteWriter {
  private chunks: Uint8Array[] = [];
  private length = 0;

  /** Writes one unsigned byte. */
  u8(value: number): this {
    return this.raw(Uint8Array.of(value & 0xff));
  }

  /** Writes an unsigned 32-bit big-endian integer. */
  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
      throw new RangeError('u32 out of range');
    }
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, value);
    return this.raw(out);
  }

  /** Writes a length-prefixed byte string. */
  bytes(value: Uint8Array): this {
    return this.u32(value.length).raw(value);
  }

  /** Writes a length-prefixed UTF-8 string. */
  string(value: string): this {
    return this.bytes(utf8Encode(value));
  }

  /** Writes bytes with no length prefix. */
  raw(value: Uint8Array): this {
    this.chunks.push(value);
    this.length += value.length;
    return this;
  }

  /** Returns everything written so far as one array. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

/** Reads fields written by {@link ByteWriter}; throws on truncated input. */
export class ByteReader {
  private offset = 0;

  constructor(private readonly data: Uint8Array) {}

  /** Reads one unsigned byte. */
  u8(): number {
    return this.take(1)[0] as number;
  }

  /** Reads an unsigned 32-bit big-endian integer. */
  u32(): number {
    const chunk = this.take(4);
    return new DataView(chunk.buffer, chunk.byteOffset, 4).getUint32(0);
  }

  /** Reads a length-prefixed byte string (copied, so callers may keep it). */
  bytes(): Uint8Array {
    return this.take(this.u32()).slice();
  }

  /** Reads a length-prefixed UTF-8 string. */
  string(): string {
    return utf8Decode(this.bytes());
  }

  /** Throws unless every byte has been read. */
  end(): void {
    if (this.offset !== this.data.length) throw new RangeError('trailing bytes');
  }

  private take(n: number): Uint8Array {
    if (this.offset + n > this.data.length) throw new RangeError('truncated input');
    const chunk = this.data.subarray(this.offset, this.offset + n);
    this.offset += n;
    return chunk;
  }
}

/** Constant-shape equality of two byte arrays. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Lower-case hex of a byte array. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * UTF-8 encoding without the TextEncoder global (absent from the std lib).
 * Lone surrogates are refused rather than silently replaced.
 */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) throw new RangeError('lone surrogate');
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Strict UTF-8 decoding; throws on malformed, overlong or surrogate sequences. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b0 = bytes[i] as number;
    const extra = b0 < 0x80 ? 0 : b0 < 0xc2 ? -1 : b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : b0 < 0xf5 ? 3 : -1;
    if (extra < 0) throw new RangeError('invalid utf-8');
    let cp = extra === 0 ? b0 : b0 & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) throw new RangeError('invalid utf-8');
      cp = (cp << 6) | (b & 0x3f);
    }
    const min = [0, 0x80, 0x800, 0x10000][extra] as number;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new RangeError('invalid utf-8');
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}
