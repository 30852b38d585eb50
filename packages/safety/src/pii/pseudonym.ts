import { CONTACT_KINDS, findPii } from './find.js';
import { foldWidth } from './normalize.js';

/** Longest pseudonym, in user-perceived characters. */
export const PSEUDONYM_MAX_LENGTH = 32;

/** Why a pseudonym was refused. */
export type PseudonymProblem = 'empty' | 'too-long' | 'looks-like-contact' | 'control-chars';

/** Result of {@link checkPseudonym}. */
export type PseudonymCheck = Readonly<{ ok: true } | { ok: false; reason: PseudonymProblem }>;

/** Control, format (zero-width, bidi overrides) and line/paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const EMOJI_PART = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;

/** Zero-width joiners are allowed only inside emoji sequences such as 👩‍💻. */
function hasInvisible(name: string): boolean {
  const cps = Array.from(name);
  return cps.some((c, i) => {
    if (!INVISIBLE.test(c)) return false;
    if (c !== '\u200D') return true;
    return !(EMOJI_PART.test(cps[i - 1] ?? '') && EMOJI_PART.test(cps[i + 1] ?? ''));
  });
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemeCount(s: string): number {
  return Array.from(segmenter.segment(s)).length;
}

/**
 * Check a pseudonym the member typed (it is trimmed first). Refused when empty,
 * longer than {@link PSEUDONYM_MAX_LENGTH} characters, containing control or
 * zero-width characters, or looking like a way to reach someone: a phone
 * number, handle, e-mail or ID number, or mostly digits.
 */
export function checkPseudonym(name: string): PseudonymCheck {
  const trimmed = name.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'empty' };
  if (hasInvisible(trimmed)) return { ok: false, reason: 'control-chars' };
  const length = graphemeCount(trimmed);
  if (length > PSEUDONYM_MAX_LENGTH) return { ok: false, reason: 'too-long' };
  if (findPii(trimmed).some((f) => CONTACT_KINDS.has(f.kind))) return { ok: false, reason: 'looks-like-contact' };
  const digits = (foldWidth(trimmed).match(/[0-9]/gu) ?? []).length;
  if (digits >= 6 || (digits >= 4 && digits * 2 > length)) return { ok: false, reason: 'looks-like-contact' };
  return { ok: true };
}
