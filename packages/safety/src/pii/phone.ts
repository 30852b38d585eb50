import type { Directory } from '../directory/index.js';
import { digitOf } from './normalize.js';
import type { PiiFinding } from './types.js';

/** Characters people put between digits to dodge filters: spaces, dashes, dots, brackets, emoji. */
const SEPARATOR = /^(?:[\s\-‐-―−.‧·・_()[\]*~〜/\\|,，、\u200B-\u200D\u2060\uFEFF]|\uFE0F|\u20E3|\p{Extended_Pictographic}|\p{Emoji_Modifier})$/u;
const MAX_SEPARATORS = 4;

/** Context words that make a bare 7–8 digit local number a phone number. */
const PHONE_CONTEXT = /(電話|手機|號碼|打給我|打我|撥|簡訊|聯絡|聯繫|call|text|phone|tel|sms|cell|mobile|whats\s*app)/iu;

type DigitRun = Readonly<{ start: number; end: number; digits: string; plus: boolean }>;

/** Runs of digits (ASCII, full-width after folding, or spelled in Chinese) with separators between them. */
function digitRuns(folded: string): DigitRun[] {
  const chars = Array.from(folded);
  const offsets: number[] = [];
  let off = 0;
  for (const c of chars) {
    offsets.push(off);
    off += c.length;
  }
  offsets.push(off);
  const at = (k: number): number => offsets[k] ?? off;
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < chars.length) {
    let k = i;
    const plus = chars[k] === '+';
    if (plus) {
      k++;
      while (k < chars.length && chars[k] === ' ') k++;
    }
    if (digitOf(chars[k] ?? '') === undefined) {
      i++;
      continue;
    }
    let digits = '';
    let last = k;
    while (k < chars.length) {
      const d = digitOf(chars[k] ?? '');
      if (d !== undefined) {
        digits += d;
        last = k;
        k++;
        continue;
      }
      let j = k;
      while (j < chars.length && j - k < MAX_SEPARATORS && SEPARATOR.test(chars[j] ?? '')) j++;
      if (j > k && digitOf(chars[j] ?? '') !== undefined) {
        k = j;
        continue;
      }
      break;
    }
    runs.push({ start: at(i), end: at(last + 1), digits, plus });
    i = last + 1;
  }
  return runs;
}

/** Digits of every number in a directory, with and without a Taipei area code. */
export function safeNumbers(directory: Directory | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const e of directory?.entries ?? []) {
    if (e.dial === undefined) continue;
    const d = e.dial.replace(/[^0-9]/gu, '');
    out.add(d);
    if (!d.startsWith('0') && d.length >= 7) out.add(`02${d}`);
  }
  return out;
}

function isPhone(run: DigitRun, folded: string, safe: ReadonlySet<string>): boolean {
  let d = run.digits;
  if (run.plus) {
    if (!d.startsWith('886')) return d.length >= 8 && d.length <= 15;
    d = d.startsWith('8860') ? d.slice(3) : `0${d.slice(3)}`;
  } else if (/^8869\d{8}$/u.test(d)) {
    d = `0${d.slice(3)}`;
  }
  if (safe.has(d)) return false;
  if (/^09\d{8}$/u.test(d) || /^0[2-8]\d{7,8}$/u.test(d) || /^080[09]\d{6}$/u.test(d)) return true;
  if (d.length > 10 && /09\d{8}/u.test(d)) return true;
  if (d.length >= 7 && d.length <= 8) {
    return PHONE_CONTEXT.test(folded.slice(Math.max(0, run.start - 12), run.start));
  }
  return false;
}

/** Taiwan mobiles and landlines, 0800 numbers, +CC international numbers; directory numbers are left alone. */
export function findPhones(folded: string, safe: ReadonlySet<string>): PiiFinding[] {
  return digitRuns(folded)
    .filter((r) => isPhone(r, folded, safe))
    .map((r) => ({ kind: 'phone', start: folded[r.start - 1] === '(' ? r.start - 1 : r.start, end: r.end }));
}
