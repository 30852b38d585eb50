import { matches } from './handles.js';
import type { PiiFinding } from './types.js';

/**
 * An amount: digits (3,000 / 2.5) or Chinese numerals with a unit (三千, 兩千五,
 * 五百塊), with an optional currency sign before and unit after.
 */
const AMOUNT =
  /(?<![A-Za-z0-9.,_$-])(?<cur>NT\$|NTD|\$)?\s*(?:(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?<unit>\s*(?:k(?![a-z])|千|萬|w(?![a-z])|元|塊|刀|NTD|NT(?![a-z])))?(?![0-9])|(?<zh>[一二兩三四五六七八九十]+[百千萬][一二兩三四五六七八九十百千萬]*(?:元|塊)?|[一二兩三四五六七八九十]+[元塊]))/giu;

/** Units that make a number a quantity, not money: 4 小時, 2 顆, 300 卡, 50mg. */
const NOT_MONEY_AFTER =
  /^\s*(?:小時|分鐘|分|秒|天|週|周|個月|月|年|歲|次|顆|粒|錠|片|杯|瓶|包|卡|大卡|公斤|公尺|公里|米|毫克|克|樓|號|人|個|位|題|頁|字|步|點|度|%|％|cc|ml|mg|kg|km|g\b|m\b|hours?|hrs?\b|mins?|minutes?|days?|weeks?|months?|years?|times|pills?|tabs?|people|calories|kcal|percent|am\b|pm\b)/iu;

/** Per-hour / per-session rates written after the amount: 3000/hr, $200 per hour, 200 an hour, 3000 一節. */
const RATE_AFTER =
  /^\s*(?:\/\s*(?:hr|hrs|h|hour|小時|節|次|晚|夜|night|session|shot|回)(?![a-z])|per\s+(?:hour|hr|session|night|shot|time)(?![a-z])|an?\s+(?:hour|night|session)(?![a-z])|(?:一|每)\s*(?:小時|節|晚|夜|個鐘|回))/iu;

/** Per-hour / per-session rates written before the amount: 一小時三千, 每節 3000, 2 小時 5000, one hour 3000. */
const RATE_BEFORE =
  /(?:(?:一|每|半|(?<![0-9.])\d+(?:\.\d+)?)\s*(?:小時|個鐘頭|個鐘|節|晚|夜|回|hrs?|h)|(?:per|an?|one|\d+(?:\.\d+)?)\s+(?:hours?|hrs?|sessions?|nights?)|hourly)\s*[:=]?\s*$/iu;

/** Words of the trade that turn an amount into an offer. Checked case-insensitively. */
const TERMS =
  /全套|半套|包夜|定點|外約|價錢|價位|報價|行情|茶資|援交|無套|[一半兩每]節(?!課)|節數|full\s*service|half\s*service|in-?call|out-?call|overnight/iu;

/** Upper-case shorthands (FS, GFE, S 3k) that would be ordinary letters in lower case. */
const TERMS_CASED = /(?<![A-Za-z])(?:FS|GFE|BJ|S)(?![A-Za-z])/u;

/** Wage and bill words: an hourly rate next to these is a job or a fine, not an offer. */
const ORDINARY_MONEY = /時薪|薪水|薪資|工資|月薪|日薪|打工|基本工資|房租|租金|罰單|罰鍰|罰款|罰金|wage|salary|rent|fine|paycheck/iu;

const WINDOW = 16;

function isMoney(groups: Readonly<Record<string, string | undefined>>): boolean {
  if (groups['zh'] !== undefined) return true;
  const num = groups['num'] ?? '';
  if (groups['cur'] !== undefined || groups['unit'] !== undefined) return true;
  return Number(num.replace(/,/gu, '')) >= 100;
}

const GLOBAL = new Map<RegExp, RegExp>();

/** Offset of the last match of `re` in `s`. */
function lastMatch(re: RegExp, s: string): number | undefined {
  const g = GLOBAL.get(re) ?? new RegExp(re.source, `${re.flags}g`);
  GLOBAL.set(re, g);
  g.lastIndex = 0;
  let at: number | undefined;
  for (let m = g.exec(s); m !== null; m = g.exec(s)) {
    at = m.index;
    if (m[0].length === 0) g.lastIndex++;
  }
  return at;
}

/** Same clause only: a term in another sentence or clause is another thought. */
function clip(text: string, from: number, to: number, side: 'before' | 'after'): string {
  const s = text.slice(Math.max(0, from), Math.min(text.length, to));
  const parts = s.split(/[\n。！？!?，；;]/u);
  return (side === 'before' ? parts[parts.length - 1] : parts[0]) ?? '';
}

/**
 * Prices with transaction terms (全套 3000, S 3k, incall $200) and per-hour or
 * per-session rates (3000/hr, 一小時三千, 200 an hour). Plain amounts — rent,
 * a fine, a bill — are not flagged.
 */
export function findPrices(folded: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of matches(AMOUNT, folded)) {
    const g = m.groups ?? {};
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    if (!isMoney(g)) continue;
    const after = clip(folded, end, end + WINDOW, 'after');
    if (g['zh'] === undefined && g['unit'] === undefined && NOT_MONEY_AFTER.test(after)) continue;
    const before = clip(folded, start - WINDOW, start, 'before');
    const termBefore = lastMatch(TERMS, before) ?? lastMatch(TERMS_CASED, before);
    const termAfter = TERMS.exec(after) ?? TERMS_CASED.exec(after);
    const rateBefore = RATE_BEFORE.exec(before);
    const rateAfter = RATE_AFTER.exec(after);
    const term = termBefore !== undefined || termAfter !== null;
    const rate = rateBefore !== null || rateAfter !== null;
    if (!term && !(rate && !ORDINARY_MONEY.test(`${before} ${after}`))) continue;
    // The span covers the amount and the words that made it an offer, so the composer can highlight them together.
    let from = start;
    if (rateBefore !== null) from = start - before.length + rateBefore.index;
    if (termBefore !== undefined) from = Math.min(from, start - before.length + termBefore);
    let to = rateAfter === null ? end : end + rateAfter.index + rateAfter[0].length;
    if (termAfter !== null) to = Math.max(to, end + termAfter.index + termAfter[0].length);
    out.push({ kind: 'price', start: from, end: to });
  }
  return out;
}
