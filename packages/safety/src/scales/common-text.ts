import type { ScaleText } from './types.js';

/** Shown with every self-check result. */
export const SCALE_DISCLAIMER: ScaleText = {
  'zh-TW': '這是自我檢視的工具，不是診斷。結果只代表這段時間的感受，會隨時間改變。',
  en: 'This is a self-check, not a diagnosis. It only reflects how things have been lately, and it can change.',
};

/** Added when a result suggests seeing a professional. */
export const SEE_SOMEONE: ScaleText = {
  'zh-TW': '如果你願意，可以找身心科或精神科醫師、心理師或社工聊聊；微光的專業志工也可以陪你想下一步。',
  en: 'If you are willing, a psychiatrist, psychologist or social worker could help; Lamplight’s professional volunteers can also help you think about a next step.',
};

/** Join sentences of a localized text. */
export function joinText(...parts: readonly ScaleText[]): ScaleText {
  return {
    'zh-TW': parts.map((p) => p['zh-TW']).join(''),
    en: parts.map((p) => p.en).join(' '),
  };
}
