import { SCALE_DISCLAIMER, SEE_SOMEONE, joinText } from './common-text.js';
import type { ScaleDefinition, ScaleOption, ScaleResult, ScaleText, ScoreOutcome } from './types.js';
import { NO_FLAGS, scoredTotal, validateAnswers } from './validate.js';

/** The four frequency options shared by PHQ-9 and GAD-7 (past two weeks). */
export const FREQUENCY_OPTIONS: readonly ScaleOption[] = [
  { value: 0, label: { 'zh-TW': '完全沒有', en: 'Not at all' } },
  { value: 1, label: { 'zh-TW': '幾天', en: 'Several days' } },
  { value: 2, label: { 'zh-TW': '一半以上的天數', en: 'More than half the days' } },
  { value: 3, label: { 'zh-TW': '幾乎每天', en: 'Nearly every day' } },
];

const TWO_WEEKS: ScaleText = {
  'zh-TW': '在過去兩個星期，你有多常被以下這些問題困擾？',
  en: 'Over the last two weeks, how often have you been bothered by any of the following problems?',
};

const texts: readonly (readonly [string, string, string])[] = [
  ['phq9-interest', '做事時提不起勁或沒有樂趣', 'Little interest or pleasure in doing things'],
  ['phq9-down', '感到心情低落、沮喪或絕望', 'Feeling down, depressed or hopeless'],
  ['phq9-sleep', '入睡困難、睡不安穩，或睡得太多', 'Trouble falling or staying asleep, or sleeping too much'],
  ['phq9-tired', '感覺疲倦或沒有活力', 'Feeling tired or having little energy'],
  ['phq9-appetite', '胃口不好，或吃太多', 'Poor appetite or overeating'],
  [
    'phq9-failure',
    '覺得自己很糟，或覺得自己很失敗，或讓自己或家人失望',
    'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
  ],
  [
    'phq9-concentration',
    '很難專心做事，例如看報紙或看電視的時候',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
  ],
  [
    'phq9-movement',
    '動作或說話慢到別人都注意得到；或正好相反，煩躁、坐立不安，動來動去的情形比平常多',
    'Moving or speaking so slowly that other people could have noticed; or the opposite, being so fidgety or restless that you have been moving around a lot more than usual',
  ],
  [
    'phq9-self-harm',
    '有不如死掉，或用某種方式傷害自己的念頭',
    'Thoughts that you would be better off dead, or of hurting yourself in some way',
  ],
];

/** Id of PHQ-9 item 9 (thoughts of death or self-harm). */
export const PHQ9_SELF_HARM_ITEM_ID = 'phq9-self-harm';

/** PHQ-9 (病人健康問卷), nine items 0–3 about the past two weeks. */
export const PHQ9: ScaleDefinition = {
  id: 'phq9',
  name: { 'zh-TW': '病人健康問卷（PHQ-9）', en: 'Patient Health Questionnaire (PHQ-9)' },
  instructions: TWO_WEEKS,
  items: texts.map(([id, zh, en]) => ({ id, text: { 'zh-TW': zh, en }, options: FREQUENCY_OPTIONS, scored: true })),
  disclaimer: SCALE_DISCLAIMER,
};

/** PHQ-9 band of the total (0–27). */
export type Phq9Band = 'minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';

/** A scored PHQ-9, with item 9 reported on its own. */
export type Phq9Result = ScaleResult<Phq9Band> & Readonly<{ selfHarmItem: number }>;

const BAND_TEXT: Readonly<Record<Phq9Band, ScaleText>> = {
  minimal: {
    'zh-TW': '過去兩週，低落的感覺很少或幾乎沒有。',
    en: 'Over the past two weeks, low feelings have been rare or absent.',
  },
  mild: {
    'zh-TW': '過去兩週有一些低落的時候。留意自己的睡眠和吃飯，需要時找人說說。',
    en: 'There have been some low times over the past two weeks. Keep an eye on your sleep and meals, and talk to someone when you need to.',
  },
  moderate: {
    'zh-TW': '過去兩週的低落是中等程度，你撐得很辛苦。不用一個人扛。',
    en: 'The past two weeks have been moderately low; you have been working hard to keep going. You do not have to carry it alone.',
  },
  'moderately-severe': {
    'zh-TW': '過去兩週的低落相當重。這不是你不夠努力，是真的很累了。',
    en: 'The past two weeks have been quite heavy. This is not about trying harder; you are really worn out.',
  },
  severe: {
    'zh-TW': '過去兩週的低落非常重，辛苦你了。現在找人陪你會比較好。',
    en: 'The past two weeks have been very heavy. It would be good to have someone with you now.',
  },
};

const SELF_HARM_TEXT: ScaleText = {
  'zh-TW': '你提到有不如死掉或傷害自己的念頭。謝謝你願意說出來；現在打開你的安全計畫，或找守夜夥伴陪你，都可以。',
  en: 'You mentioned thoughts of being better off dead or of hurting yourself. Thank you for saying so. You can open your safety plan now, or ask the night watch to be with you.',
};

function band(total: number): Phq9Band {
  if (total <= 4) return 'minimal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  if (total <= 19) return 'moderately-severe';
  return 'severe';
}

/**
 * Score the PHQ-9: nine integers 0–3. Total 0–4 minimal, 5–9 mild, 10–14
 * moderate, 15–19 moderately severe, 20–27 severe. Item 9 ≥1 opens the safety
 * plan and offers the night watch; a total ≥10 or item 9 ≥1 recommends a
 * professional.
 */
export function scorePhq9(answers: unknown): ScoreOutcome<Phq9Result> {
  const checked = validateAnswers(PHQ9, answers);
  if (!checked.ok) return checked;
  const total = scoredTotal(PHQ9, checked.values);
  const selfHarmItem = checked.values[8] ?? 0;
  const b = band(total);
  const selfHarm = selfHarmItem >= 1;
  const recommendProfessional = total >= 10 || selfHarm;
  const parts: ScaleText[] = [BAND_TEXT[b]];
  if (selfHarm) parts.push(SELF_HARM_TEXT);
  if (recommendProfessional) parts.push(SEE_SOMEONE);
  parts.push(SCALE_DISCLAIMER);
  return {
    ok: true,
    result: {
      scale: 'phq9',
      total,
      max: 27,
      band: b,
      risk: selfHarmItem >= 2 ? 'high' : selfHarm ? 'concern' : 'none',
      selfHarmItem,
      flags: { ...NO_FLAGS, recommendProfessional, openSafetyPlan: selfHarm, offerNightWatch: selfHarm || b === 'severe' },
      interpretation: joinText(...parts),
    },
  };
}
