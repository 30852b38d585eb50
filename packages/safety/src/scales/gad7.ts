import { SCALE_DISCLAIMER, SEE_SOMEONE, joinText } from './common-text.js';
import { FREQUENCY_OPTIONS } from './phq9.js';
import type { ScaleDefinition, ScaleResult, ScaleText, ScoreOutcome } from './types.js';
import { NO_FLAGS, scoredTotal, validateAnswers } from './validate.js';

const texts: readonly (readonly [string, string, string])[] = [
  ['gad7-nervous', '感覺緊張、不安或煩躁', 'Feeling nervous, anxious or on edge'],
  ['gad7-control', '沒辦法停止或控制擔心', 'Not being able to stop or control worrying'],
  ['gad7-worry', '對各種不同的事情擔心太多', 'Worrying too much about different things'],
  ['gad7-relax', '很難放鬆下來', 'Trouble relaxing'],
  ['gad7-restless', '坐立不安，很難安靜坐著', 'Being so restless that it is hard to sit still'],
  ['gad7-irritable', '變得容易心煩或容易生氣', 'Becoming easily annoyed or irritable'],
  ['gad7-afraid', '感到害怕，好像有可怕的事情要發生', 'Feeling afraid, as if something awful might happen'],
];

/** GAD-7 (廣泛性焦慮量表), seven items 0–3 about the past two weeks. */
export const GAD7: ScaleDefinition = {
  id: 'gad7',
  name: { 'zh-TW': '焦慮自我檢視（GAD-7）', en: 'Anxiety self-check (GAD-7)' },
  instructions: {
    'zh-TW': '在過去兩個星期，你有多常被以下這些問題困擾？',
    en: 'Over the last two weeks, how often have you been bothered by the following problems?',
  },
  items: texts.map(([id, zh, en]) => ({ id, text: { 'zh-TW': zh, en }, options: FREQUENCY_OPTIONS, scored: true })),
  disclaimer: SCALE_DISCLAIMER,
};

/** GAD-7 band of the total (0–21). */
export type Gad7Band = 'minimal' | 'mild' | 'moderate' | 'severe';

/** A scored GAD-7. */
export type Gad7Result = ScaleResult<Gad7Band>;

const BAND_TEXT: Readonly<Record<Gad7Band, ScaleText>> = {
  minimal: {
    'zh-TW': '過去兩週，焦慮的感覺很少或幾乎沒有。',
    en: 'Over the past two weeks, anxious feelings have been rare or absent.',
  },
  mild: {
    'zh-TW': '過去兩週有一些焦慮。呼吸練習或把擔心寫下來，也許能讓心慢一點。',
    en: 'There has been some anxiety over the past two weeks. A breathing practice, or writing the worries down, may help slow things down.',
  },
  moderate: {
    'zh-TW': '過去兩週的焦慮是中等程度，一直繃著很累。找人說說會有幫助。',
    en: 'The past two weeks brought a moderate amount of anxiety; staying on edge is exhausting. Talking with someone can help.',
  },
  severe: {
    'zh-TW': '過去兩週的焦慮很重，辛苦你了。不用一個人撐著。',
    en: 'The past two weeks have brought a lot of anxiety. You do not have to hold it alone.',
  },
};

function band(total: number): Gad7Band {
  if (total <= 4) return 'minimal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  return 'severe';
}

/**
 * Score the GAD-7: seven integers 0–3. Total 0–4 minimal, 5–9 mild, 10–14
 * moderate, 15–21 severe; ≥10 recommends a professional.
 */
export function scoreGad7(answers: unknown): ScoreOutcome<Gad7Result> {
  const checked = validateAnswers(GAD7, answers);
  if (!checked.ok) return checked;
  const total = scoredTotal(GAD7, checked.values);
  const b = band(total);
  const recommendProfessional = total >= 10;
  const parts: ScaleText[] = [BAND_TEXT[b]];
  if (recommendProfessional) parts.push(SEE_SOMEONE);
  parts.push(SCALE_DISCLAIMER);
  return {
    ok: true,
    result: {
      scale: 'gad7',
      total,
      max: 21,
      band: b,
      risk: 'none',
      flags: { ...NO_FLAGS, recommendProfessional, offerNightWatch: b === 'severe' },
      interpretation: joinText(...parts),
    },
  };
}
