import { matches, span } from './handles.js';
import type { PiiFinding } from './types.js';

const NUM = '[0-9一二三四五六七八九十百零〇]+';
const HAN = '[\\u4e00-\\u9fff]';
/** A place name does not start with the verb or pronoun before it (「我住在台北市…」 starts at 台). */
const PLACE_START = `(?![住在到去來是於的我你他她從])${HAN}`;
const CITY = `${PLACE_START}${HAN}{0,2}[市縣]`;
const DISTRICT = `${PLACE_START}${HAN}{0,2}[區鄉鎮市]`;
const ROAD = `${PLACE_START}${HAN}{0,4}(?:路|街|大道)`;
const SECTION = `${NUM}段`;
const LANE = `${NUM}巷`;
const ALLEY = `${NUM}弄`;
const NUMBER = `${NUM}(?:之${NUM})?號`;
const FLOOR = `${NUM}(?:樓|F)(?:之${NUM})?`;
const S = '\\s*';

/**
 * A Chinese street address precise enough to find someone: a road with a lane,
 * alley or house number, or a lane with an alley or house number. A road or
 * district name alone (「我在中山路附近」) is not flagged.
 */
const ZH_ADDRESS = new RegExp(
  `(?:${CITY}${S})?(?:${DISTRICT}${S})?(?:${ROAD}${S}(?:${SECTION}${S})?(?:${LANE}${S}(?:${ALLEY}${S})?(?:${NUMBER})?|${ALLEY}${S}(?:${NUMBER})?|${NUMBER})|${LANE}${S}(?:${ALLEY}${S})?${NUMBER}|${LANE}${S}${ALLEY})(?:${S}${FLOOR})?`,
  'gu',
);

const EN_ROAD = "(?:[A-Z][A-Za-z'’]*\\.?\\s+){1,4}(?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way)\\b\\.?";
const EN_PART = '(?:Alley|Aly|Lane|Ln|Section|Sec)\\.?\\s*\\d+\\s*,?\\s*';

/** "No. 5, Lane 10, Section 2, Zhongshan Rd", "Lane 10, Zhongshan Rd", "123 Main Street" (capitalised street names). */
const EN_ADDRESS = new RegExp(
  `\\bNo\\.?\\s*\\d+(?:-\\d+)?\\s*,?\\s*(?:${EN_PART})*${EN_ROAD}|\\b(?:Lane|Ln|Alley|Aly)\\.?\\s*\\d+\\s*,\\s*(?:${EN_PART})*${EN_ROAD}|\\b\\d{1,5}\\s+${EN_ROAD}`,
  'gu',
);

/** Taiwan plate shapes with a dash: ABC-1234, AB-1234, 1234-AB, ABC-123, 123-ABC, A1-2345, 1A-2345, 1234-A1. */
const PLATE_DASHED =
  /(?<![A-Za-z0-9-])(?:[A-Z]{2,3}-[0-9]{4}|[0-9]{4}-[A-Z]{2}|[A-Z]{3}-[0-9]{3}|[0-9]{3}-[A-Z]{3}|[A-Z][0-9]-[0-9]{4}|[0-9][A-Z]-[0-9]{4}|[0-9]{4}-[A-Z][0-9])(?![A-Za-z0-9-])/gu;

/** A plate named as one: 車牌 ABC1234, plate: 1234AB. */
const PLATE_CONTEXT =
  /(?:車牌|車號|牌照|車牌號碼|(?<![a-z])(?:license|licence|number)?\s*plate)\s*(?:號碼)?\s*(?:[:=]|是|為)?\s*(?=[A-Za-z0-9-]*[0-9])(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]{1,4}[-\s]?[A-Za-z0-9]{2,4}(?![A-Za-z0-9])/giu;

/** Street addresses in Chinese and English. */
export function findAddresses(folded: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of matches(ZH_ADDRESS, folded)) out.push(span('address', m));
  for (const m of matches(EN_ADDRESS, folded)) out.push(span('address', m));
  return out;
}

/** Licence plates in dashed form, or any plate-like token right after a plate word. */
export function findPlates(folded: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of matches(PLATE_DASHED, folded)) out.push(span('plate', m));
  for (const m of matches(PLATE_CONTEXT, folded)) out.push(span('plate', m));
  return out;
}
