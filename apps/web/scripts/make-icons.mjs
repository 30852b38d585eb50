// Draws Lamplight's app icons (and the neutral "Notes" icons) as PNGs with
// nothing but node:zlib, so the build never downloads anything.
// Run: node apps/web/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = new URL('../public/icons/', import.meta.url);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode an RGBA pixel function as a PNG. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
const clamp01 = (v) => Math.min(1, Math.max(0, v));

/** A warm dot of light with a soft halo on a dark warm ground. */
function lamp(u, v) {
  const ground = [42, 34, 30];
  const halo = [122, 76, 36];
  const core = [255, 196, 102];
  const d = Math.hypot(u - 0.5, v - 0.5);
  const glow = clamp01(1 - (d - 0.16) / 0.22) ** 2;
  let c = mix(ground, halo, glow);
  c = mix(c, core, clamp01((0.17 - d) / 0.012));
  return [...c, 255];
}

/** A plain ruled page: nothing to say what the app is. */
function notes(u, v) {
  const ground = [236, 232, 224];
  const page = [252, 251, 247];
  const rule = [164, 176, 190];
  const inPage = u > 0.24 && u < 0.76 && v > 0.18 && v < 0.82;
  if (!inPage) return [...ground, 255];
  const lines = [0.34, 0.46, 0.58, 0.7];
  const onRule = u > 0.31 && u < 0.69 && lines.some((l) => Math.abs(v - l) < 0.012);
  return [...(onRule ? rule : page), 255];
}

for (const size of [192, 512]) {
  writeFileSync(new URL(`lamp-${size}.png`, out), png(size, lamp));
  writeFileSync(new URL(`notes-${size}.png`, out), png(size, notes));
}
writeFileSync(new URL('apple-touch-icon.png', out), png(180, lamp));
console.log('icons written to', out.pathname);
