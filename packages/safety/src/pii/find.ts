import { TAIWAN_DIRECTORY, type Directory } from '../directory/index.js';
import { findAddresses, findPlates } from './address.js';
import { findHandles } from './handles.js';
import { findNationalIds } from './national-id.js';
import { foldWidth } from './normalize.js';
import { findPhones, safeNumbers } from './phone.js';
import { findPrices } from './price.js';
import type { PiiFinding, PiiKind } from './types.js';

/** Options for {@link findPii}. */
export type FindPiiOptions = Readonly<{
  /** Numbers in this directory are public hotlines and never flagged. Defaults to the Taiwan directory. */
  directory?: Directory;
}>;

/** When spans overlap, the more specific kind wins. */
const PRIORITY: Readonly<Record<PiiKind, number>> = {
  'national-id': 10,
  email: 9,
  phone: 8,
  telegram: 7,
  instagram: 7,
  wechat: 7,
  'line-id': 6,
  address: 5,
  plate: 4,
  price: 3,
  url: 2,
};

const defaultSafe = safeNumbers(TAIWAN_DIRECTORY);

/** Overlapping spans of the same kind become one (「加賴」 and 「賴 abc123」 → 「加賴 abc123」). */
function mergeSameKind(findings: readonly PiiFinding[]): PiiFinding[] {
  const sorted = [...findings].sort((a, b) => a.kind.localeCompare(b.kind) || a.start - b.start);
  const out: PiiFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === f.kind && f.start < last.end) {
      out[out.length - 1] = { kind: f.kind, start: last.start, end: Math.max(last.end, f.end) };
    } else {
      out.push(f);
    }
  }
  return out;
}

/**
 * Find contact handles, identifying details and prices in a draft, so the
 * composer can warn before sending. It never blocks anything by itself.
 *
 * Handles phone numbers written with spaces, dashes, dots, emoji, full-width or
 * Chinese digits; Line / Telegram / WeChat / Instagram handles and links;
 * e-mail; Taiwan ID numbers with a valid check digit; street addresses; plates;
 * prices with trade terms or per-hour rates; URLs.
 *
 * Not flagged: times, dates, ordinary counts and scores, rent and fines without
 * trade terms, the directory's hotline numbers, and `@name` mentions without a
 * platform next to them.
 *
 * @returns non-overlapping findings ordered by `start`
 */
export function findPii(text: string, options: FindPiiOptions = {}): readonly PiiFinding[] {
  const folded = foldWidth(text);
  const safe = options.directory === undefined ? defaultSafe : safeNumbers(options.directory);
  const all: PiiFinding[] = [
    ...findNationalIds(folded),
    ...findPhones(folded, safe),
    ...findHandles(folded),
    ...findAddresses(folded),
    ...findPlates(folded),
    ...findPrices(folded),
  ];
  const merged = mergeSameKind(all);
  merged.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiFinding[] = [];
  for (const f of merged) {
    if (f.end <= f.start) continue;
    if (kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Kinds that turn a pseudonym into a way to reach someone off the platform. */
export const CONTACT_KINDS: ReadonlySet<PiiKind> = new Set<PiiKind>([
  'phone',
  'line-id',
  'telegram',
  'wechat',
  'instagram',
  'email',
  'national-id',
]);
