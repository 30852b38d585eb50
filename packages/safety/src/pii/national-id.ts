import { matches } from './handles.js';
import type { PiiFinding } from './types.js';

/** Two-digit codes of the first letter of a Taiwan ID / ARC number (I, O, W, Z out of order by design of the standard). */
const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1, 1] as const;

/**
 * Whether `id` is a Taiwan national ID (A123456789: letter, 1 or 2, eight
 * digits) or a new-format resident certificate number (letter, 8 or 9, eight
 * digits) with a correct check digit.
 */
export function isValidTaiwanId(id: string): boolean {
  if (!/^[A-Z][1289][0-9]{8}$/u.test(id)) return false;
  const code = LETTER_CODES[id.charAt(0)];
  if (code === undefined) return false;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (const [i, w] of WEIGHTS.entries()) sum += Number(id.charAt(i + 1)) * w;
  return sum % 10 === 0;
}

const CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z][1289][0-9]{8}(?![A-Za-z0-9])/gu;

/** National ID and resident certificate numbers whose check digit is right (others are ignored). */
export function findNationalIds(folded: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of matches(CANDIDATE, folded)) {
    if (isValidTaiwanId(m[0].toUpperCase())) out.push({ kind: 'national-id', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
