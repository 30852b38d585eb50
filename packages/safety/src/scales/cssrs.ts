import { SCALE_DISCLAIMER, SEE_SOMEONE, joinText } from './common-text.js';
import type { ScaleDefinition, ScaleOption, ScaleResult, ScaleRisk, ScaleText, ScoreOutcome } from './types.js';
import { NO_FLAGS, validateAnswers } from './validate.js';

const NO = 0;
const YES = 1;

const YES_NO: readonly ScaleOption[] = [
  { value: NO, label: { 'zh-TW': '沒有', en: 'No' } },
  { value: YES, label: { 'zh-TW': '有', en: 'Yes' } },
];

const AFTER_Q2_YES = { itemId: 'cssrs-q2-thoughts', values: [YES] } as const;

/**
 * C-SSRS screener (哥倫比亞自殺嚴重度評估量表，篩檢版). Q1–Q5 ask about the past
 * month; Q3–Q5 are asked only after a yes to Q2. Q6 asks about behaviour ever,
 * and, after a yes, whether it was in the past three months (item `cssrs-q6-recent`).
 * Answers are 0 (no) or 1 (yes), `null` for a skipped item.
 */
export const CSSRS_SCREEN: ScaleDefinition = {
  id: 'cssrs-screen',
  name: { 'zh-TW': '自殺意念篩檢（C-SSRS 篩檢版）', en: 'Suicide risk screen (C-SSRS screener)' },
  instructions: {
    'zh-TW': '以下問題問的是過去一個月的情形（第 6 題除外）。照實回答就好，沒有對錯。',
    en: 'These questions are about the past month (except question 6). Answer as it really is; there are no right or wrong answers.',
  },
  items: [
    {
      id: 'cssrs-q1-wish-dead',
      text: {
        'zh-TW': '過去一個月內，你是否曾希望自己死掉，或希望睡著之後不要再醒來？',
        en: 'In the past month, have you wished you were dead or wished you could go to sleep and not wake up?',
      },
      options: YES_NO,
      scored: false,
    },
    {
      id: 'cssrs-q2-thoughts',
      text: {
        'zh-TW': '過去一個月內，你是否真的有過想要結束自己生命的念頭？',
        en: 'In the past month, have you actually had any thoughts of killing yourself?',
      },
      options: YES_NO,
      scored: false,
    },
    {
      id: 'cssrs-q3-method',
      text: {
        'zh-TW': '過去一個月內，你是否想過可能會用什麼方式結束生命？',
        en: 'In the past month, have you been thinking about how you might do this?',
      },
      options: YES_NO,
      scored: false,
      askIf: AFTER_Q2_YES,
    },
    {
      id: 'cssrs-q4-intent',
      text: {
        'zh-TW': '過去一個月內，你有這些念頭的時候，是否有一些想要照著去做的打算？',
        en: 'In the past month, have you had these thoughts and had some intention of acting on them?',
      },
      options: YES_NO,
      scored: false,
      askIf: AFTER_Q2_YES,
    },
    {
      id: 'cssrs-q5-plan',
      text: {
        'zh-TW': '過去一個月內，你是否已經開始想、或已經想好怎麼結束生命的細節？你打算照這個計畫去做嗎？',
        en: 'In the past month, have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?',
      },
      options: YES_NO,
      scored: false,
      askIf: AFTER_Q2_YES,
    },
    {
      id: 'cssrs-q6-behaviour',
      text: {
        'zh-TW':
          '你是否曾經做過、開始做、或準備做任何事情來結束自己的生命？（例如：存藥、寫遺書、把重要的東西送人、拿出藥卻沒吞、走到頂樓卻沒跳；或真的吞了藥、割傷自己、上吊等）',
        en: 'Have you ever done anything, started to do anything, or prepared to do anything to end your life? (For example: collected pills, wrote a note, gave away valued things, took out pills but did not swallow them, went to a roof but did not jump; or actually took pills, cut yourself, tried to hang yourself.)',
      },
      options: YES_NO,
      scored: false,
    },
    {
      id: 'cssrs-q6-recent',
      text: { 'zh-TW': '這是在最近三個月內發生的嗎？', en: 'Was this within the past three months?' },
      options: YES_NO,
      scored: false,
      askIf: { itemId: 'cssrs-q6-behaviour', values: [YES] },
    },
  ],
  disclaimer: SCALE_DISCLAIMER,
};

/** A scored C-SSRS screen: `band` equals `risk`; `total` counts yes answers. */
export type CssrsResult = ScaleResult<ScaleRisk>;

const RISK_TEXT: Readonly<Record<ScaleRisk, ScaleText>> = {
  none: {
    'zh-TW': '這次你的回答沒有提到自殺的念頭或行為。之後如果有，隨時都可以再做一次，或直接找人說。',
    en: 'Your answers this time did not mention thoughts or acts of suicide. If that changes, you can take this again any time, or talk to someone directly.',
  },
  concern: {
    'zh-TW': '你提到有過不想活、或想結束生命的念頭。謝謝你說出來。有這些念頭不代表你做錯了什麼；找人說說，或打開你的安全計畫，都會有幫助。',
    en: 'You mentioned wishing you were dead, or thoughts of ending your life. Thank you for saying so. Having these thoughts does not mean you did anything wrong; talking to someone, or opening your safety plan, can help.',
  },
  high: {
    'zh-TW': '你提到想過怎麼結束生命，或以前曾經做過。這很重要，值得有人陪你一起面對。現在打開你的安全計畫，也可以找守夜夥伴陪你。',
    en: 'You mentioned thinking about how you would end your life, or having tried before. That matters, and you deserve someone beside you. Open your safety plan now, and you can ask the night watch to be with you.',
  },
  imminent: {
    'zh-TW': '你現在可能很危險，也很辛苦。請先讓自己待在安全的地方，我們幫你找人：守夜夥伴、24 小時的專線，或你的安全計畫。要打給誰，由你決定。',
    en: 'You may be in danger right now, and this is very hard. Please get somewhere safe first, and let us help you reach someone: the night watch, a 24-hour helpline, or your safety plan. Who to call is your choice.',
  },
};

/**
 * Score the C-SSRS screener. Seven answers in item order (see `CSSRS_SCREEN`).
 * - yes to Q4 or Q5, or behaviour in the past three months → `imminent`
 *   (the hand-off screen);
 * - yes to Q3, or behaviour ever but not in the past three months → `high`;
 * - yes to Q1 or Q2 only → `concern`;
 * - all no → `none`.
 * Answering an item the skip logic hides is an error, not silently ignored.
 */
export function scoreCssrsScreen(answers: unknown): ScoreOutcome<CssrsResult> {
  const checked = validateAnswers(CSSRS_SCREEN, answers);
  if (!checked.ok) return checked;
  const [q1, q2, q3, q4, q5, q6, q6recent] = checked.values.map((v) => v === YES);
  let risk: ScaleRisk = 'none';
  if (q4 === true || q5 === true || q6recent === true) risk = 'imminent';
  else if (q3 === true || q6 === true) risk = 'high';
  else if (q1 === true || q2 === true) risk = 'concern';
  const atLeastHigh = risk === 'high' || risk === 'imminent';
  const parts: ScaleText[] = [RISK_TEXT[risk]];
  if (atLeastHigh) parts.push(SEE_SOMEONE);
  parts.push(SCALE_DISCLAIMER);
  return {
    ok: true,
    result: {
      scale: 'cssrs-screen',
      total: checked.values.filter((v) => v === YES).length,
      max: CSSRS_SCREEN.items.length,
      band: risk,
      risk,
      flags: {
        ...NO_FLAGS,
        recommendProfessional: atLeastHigh,
        openSafetyPlan: risk !== 'none',
        offerNightWatch: risk !== 'none',
        showHandoff: risk === 'imminent',
      },
      interpretation: joinText(...parts),
    },
  };
}
