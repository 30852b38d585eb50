import { SCALE_DISCLAIMER, SEE_SOMEONE, joinText } from './common-text.js';
import type { ScaleDefinition, ScaleOption, ScaleResult, ScaleText, ScoreOutcome } from './types.js';
import { NO_FLAGS, scoredTotal, validateAnswers } from './validate.js';

const OPTIONS: readonly ScaleOption[] = [
  { value: 0, label: { 'zh-TW': '完全沒有', en: 'Not at all' } },
  { value: 1, label: { 'zh-TW': '輕微', en: 'A little' } },
  { value: 2, label: { 'zh-TW': '中等程度', en: 'Moderately' } },
  { value: 3, label: { 'zh-TW': '厲害', en: 'Quite a lot' } },
  { value: 4, label: { 'zh-TW': '非常厲害', en: 'Extremely' } },
];

/** Id of the BSRS-5 extra item about suicidal thoughts (not part of the total). */
export const BSRS5_SUICIDE_ITEM_ID = 'bsrs5-suicide';

/** BSRS-5 (簡式健康量表, 心情溫度計), with the extra suicidal-thought item last. */
export const BSRS5: ScaleDefinition = {
  id: 'bsrs5',
  name: { 'zh-TW': '心情溫度計（簡式健康量表 BSRS-5）', en: 'Mood thermometer (BSRS-5)' },
  instructions: {
    'zh-TW':
      '請您仔細回想在最近一星期中（包括今天），這些問題使您感到困擾或苦惱的程度，然後選出一個最能代表您感覺的答案。',
    en: 'Think about the past week, including today. For each problem, choose how much it has troubled or distressed you.',
  },
  items: [
    {
      id: 'bsrs5-sleep',
      text: { 'zh-TW': '睡眠困難，譬如難以入睡、易醒或早醒', en: 'Trouble sleeping, such as difficulty falling asleep, waking easily or waking too early' },
      options: OPTIONS,
      scored: true,
    },
    { id: 'bsrs5-tense', text: { 'zh-TW': '感覺緊張不安', en: 'Feeling tense or nervous' }, options: OPTIONS, scored: true },
    {
      id: 'bsrs5-irritable',
      text: { 'zh-TW': '覺得容易苦惱或動怒', en: 'Feeling easily distressed or angered' },
      options: OPTIONS,
      scored: true,
    },
    {
      id: 'bsrs5-depressed',
      text: { 'zh-TW': '感覺憂鬱、心情低落', en: 'Feeling depressed or low' },
      options: OPTIONS,
      scored: true,
    },
    {
      id: 'bsrs5-inferior',
      text: { 'zh-TW': '覺得比不上別人', en: 'Feeling inferior to others' },
      options: OPTIONS,
      scored: true,
    },
    {
      id: BSRS5_SUICIDE_ITEM_ID,
      text: { 'zh-TW': '有自殺的想法', en: 'Having thoughts of suicide' },
      options: OPTIONS,
      scored: false,
    },
  ],
  disclaimer: SCALE_DISCLAIMER,
};

/** BSRS-5 band of the five-item total (0–20). */
export type Bsrs5Band = 'normal' | 'mild' | 'moderate' | 'severe';

/** A scored BSRS-5, with the extra item reported on its own. */
export type Bsrs5Result = ScaleResult<Bsrs5Band> & Readonly<{ suicideItem: number }>;

const BAND_TEXT: Readonly<Record<Bsrs5Band, ScaleText>> = {
  normal: {
    'zh-TW': '這一週你的身心狀況大致穩定。謝謝你花時間照顧自己的心情。',
    en: 'This past week your mood and body seem fairly steady. Thank you for taking the time to check in with yourself.',
  },
  mild: {
    'zh-TW': '這一週有一些輕微的情緒困擾。可以找信任的人說說，或用微光裡的練習讓自己喘口氣。',
    en: 'This past week brought some mild distress. Talking to someone you trust, or one of the practices here, may give you some room to breathe.',
  },
  moderate: {
    'zh-TW': '這一週的情緒困擾是中等程度，你扛了不少。不用一個人撐著，守夜夥伴和同伴都在。',
    en: 'This past week brought a moderate amount of distress; you have been carrying a lot. You do not have to hold it alone: the night watch and your peers are here.',
  },
  severe: {
    'zh-TW': '這一週的情緒困擾很重，辛苦你了。現在就找人陪你會比較好。',
    en: 'This past week has been very heavy. It would be good to have someone with you now.',
  },
};

const SUICIDE_TEXT: ScaleText = {
  'zh-TW': '你提到有自殺的想法。謝謝你願意說出來；打開你的安全計畫，或找守夜夥伴陪你，都可以。',
  en: 'You mentioned thoughts of suicide. Thank you for saying so. You can open your safety plan, or ask the night watch to be with you.',
};

function band(total: number): Bsrs5Band {
  if (total <= 5) return 'normal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  return 'severe';
}

/**
 * Score the BSRS-5: six answers (five items then the suicidal-thought item),
 * each an integer 0–4. Total 0–5 normal, 6–9 mild, 10–14 moderate, ≥15 severe.
 * The suicidal-thought item ≥2 recommends professional help whatever the total;
 * ≥1 opens the safety plan and offers the night watch.
 */
export function scoreBsrs5(answers: unknown): ScoreOutcome<Bsrs5Result> {
  const checked = validateAnswers(BSRS5, answers);
  if (!checked.ok) return checked;
  const total = scoredTotal(BSRS5, checked.values);
  const suicideItem = checked.values[5] ?? 0;
  const b = band(total);
  const risk = suicideItem >= 2 ? 'high' : suicideItem === 1 ? 'concern' : 'none';
  const recommendProfessional = total >= 10 || suicideItem >= 2;
  const parts: ScaleText[] = [BAND_TEXT[b]];
  if (suicideItem >= 1) parts.push(SUICIDE_TEXT);
  if (recommendProfessional) parts.push(SEE_SOMEONE);
  parts.push(SCALE_DISCLAIMER);
  return {
    ok: true,
    result: {
      scale: 'bsrs5',
      total,
      max: 20,
      band: b,
      risk,
      suicideItem,
      flags: {
        ...NO_FLAGS,
        recommendProfessional,
        openSafetyPlan: suicideItem >= 1,
        offerNightWatch: suicideItem >= 1 || b === 'severe',
      },
      interpretation: joinText(...parts),
    },
  };
}
