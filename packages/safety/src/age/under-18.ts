import { foldWidth } from '../pii/normalize.js';

const ZH_AGE = '(?:1[0-7]|[1-9])(?![0-9])|(?<![一二三四五六七八九十百])(?:十[一二三四五六七]?|[一二三四五六七八九])(?![一二三四五六七八九十百])';
const ZH_ADVERBS = '(?:今年|現在|目前|已經|還|也|才|只有|只是|是|個|一個|在|念|讀|唸|就讀)*';
const ZH_SCHOOL = '國中生|國小生|高中生|中學生|小學生|國中|國小|高中|高職|初中|小學|國[一二三]|高[一二三]';

/** Words after an age or school that make it the past, or someone else's: 「的時候」「那年」「就出來做」「畢業」「同學」「老師」. */
const ZH_NOT_NOW = /^\s*(?:的|時|那|以前|之前|就|開始|起|後|畢業|同學|老師|學長|學姊|學弟|學妹)/u;

const ZH_PATTERNS: readonly RegExp[] = [
  new RegExp(`我${ZH_ADVERBS}\\s*(?:${ZH_AGE})\\s*[歲岁]`, 'gu'),
  new RegExp(`我今年\\s*(?:${ZH_AGE})(?![0-9歲岁])`, 'gu'),
  new RegExp(`我${ZH_ADVERBS}(?:沒滿|未滿|不到|沒有滿|還沒滿)\\s*(?:18|十八)`, 'gu'),
  new RegExp(`我${ZH_ADVERBS}(?:未成年|還沒成年|沒成年)`, 'gu'),
  new RegExp(`我${ZH_ADVERBS}\\s*(?:${ZH_SCHOOL})`, 'gu'),
];

const EN_I_AM = "\\bi(?:'m|’m|m| am)\\s+(?:only\\s+|just\\s+|still\\s+|currently\\s+|now\\s+)*";
const EN_AGE = '(?:1[0-7]|[1-9]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\\b';

/** After "I'm 16": units and ordinals that make it something other than an age. */
const EN_NOT_AGE =
  /^(?:\s*(?:years?\s+(?:in|into|clean|sober|since|ago|later)|hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|%|percent|k\b|km|miles?|pounds?|lbs?|kg|times|points?|dollars?|bucks|:|\.\d|th\b|st\b|nd\b|rd\b|-year-old\s+[a-z]|ft\b|feet|foot|inch(?:es)?|cm)|['’′"]|-(?!year)|\.\d)/iu;

/** Before "I'm 16": words that make it hypothetical ("when I'm 16", "if I'm under 18"). */
const EN_HYPOTHETICAL = /\b(?:when|if|until|unless|by the time|once)\s*$/iu;

const EN_PATTERNS: readonly (readonly [RegExp, RegExp | undefined])[] = [
  [new RegExp(`${EN_I_AM}${EN_AGE}`, 'giu'), EN_NOT_AGE],
  [new RegExp(`${EN_I_AM}(?:underage|under-age|under\\s+age|under\\s+(?:18|eighteen)|a\\s+minor\\b(?!\\s+(?:character|issue|problem|part|role|detail|thing|league|injury)))`, 'giu'), undefined],
  [/\bi(?:'m|’m|m| am)\s+not\s+(?:even\s+(?:18|eighteen)|(?:18|eighteen)\s+yet|an\s+adult\s+yet|old\s+enough)/giu, undefined],
  [
    new RegExp(
      `${EN_I_AM}(?:in\\s+(?:high\\s+school|middle\\s+school|junior\\s+high|secondary\\s+school|(?:the\\s+)?(?:[6-9]|1[0-2])(?:th)?\\s+grade|grade\\s+(?:[6-9]|1[0-2]))|a\\s+(?:high\\s+school|middle\\s+school|junior\\s+high)\\s+(?:student|kid|freshman|sophomore|junior|senior)|a\\s+(?:freshman|sophomore|junior|senior)\\s+in\\s+high\\s+school)`,
      'giu',
    ),
    /^\s*(?:teacher|counsel|nurse)/iu,
  ],
  [/\bi\s+(?:still\s+)?(?:go\s+to|attend)\s+(?:high|middle|junior\s+high)\s+school/giu, undefined],
];

function anyMatch(text: string, re: RegExp, notAfter: RegExp | undefined, notBefore: RegExp | undefined): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (notAfter?.test(after) !== true && notBefore?.test(before) !== true) return true;
  }
  return false;
}

/**
 * Whether the writer says they are under 18 right now (「我 16 歲」「我還未成年」
 * 「我高二」, "I'm 16", "I'm underage", "I'm still in high school"), so the app
 * can show youth and protection resources (113). Past ages (「我 16 歲的時候」,
 * "when I was 16"), other people ("my 16-year-old sister", 「我妹高二」) and
 * ages of 18 and over are not a disclosure.
 *
 * A prompt to offer resources, never a verdict: it does not block or report anything.
 */
export function mentionsUnder18(text: string): boolean {
  const folded = foldWidth(text);
  if (ZH_PATTERNS.some((re) => anyMatch(folded, re, ZH_NOT_NOW, undefined))) return true;
  return EN_PATTERNS.some(([re, notAfter]) => anyMatch(folded, re, notAfter, EN_HYPOTHETICAL));
}
