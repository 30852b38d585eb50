import { BSRS5, scoreBsrs5 } from './bsrs5.js';
import { CSSRS_SCREEN, scoreCssrsScreen } from './cssrs.js';
import { GAD7, scoreGad7 } from './gad7.js';
import { PHQ9, scorePhq9 } from './phq9.js';
import type { ScaleDefinition, ScaleId, ScaleResult, ScoreOutcome } from './types.js';

export { BSRS5, BSRS5_SUICIDE_ITEM_ID, scoreBsrs5 } from './bsrs5.js';
export type { Bsrs5Band, Bsrs5Result } from './bsrs5.js';
export { PHQ9, PHQ9_SELF_HARM_ITEM_ID, FREQUENCY_OPTIONS, scorePhq9 } from './phq9.js';
export type { Phq9Band, Phq9Result } from './phq9.js';
export { GAD7, scoreGad7 } from './gad7.js';
export type { Gad7Band, Gad7Result } from './gad7.js';
export { CSSRS_SCREEN, scoreCssrsScreen } from './cssrs.js';
export type { CssrsResult } from './cssrs.js';
export { SCALE_DISCLAIMER } from './common-text.js';
export type {
  ScaleAnswers,
  ScaleCondition,
  ScaleDefinition,
  ScaleError,
  ScaleFlags,
  ScaleId,
  ScaleItem,
  ScaleOption,
  ScaleResult,
  ScaleRisk,
  ScaleText,
  ScoreOutcome,
} from './types.js';

/** Every shipped self-check, keyed by id, for views that render any of them. */
export const SCALES: Readonly<Record<ScaleId, ScaleDefinition>> = {
  bsrs5: BSRS5,
  phq9: PHQ9,
  gad7: GAD7,
  'cssrs-screen': CSSRS_SCREEN,
};

/** Score any shipped self-check by id (answers in item order, `null` for skipped items). */
export function scoreScale(id: ScaleId, answers: unknown): ScoreOutcome<ScaleResult> {
  switch (id) {
    case 'bsrs5':
      return scoreBsrs5(answers);
    case 'phq9':
      return scorePhq9(answers);
    case 'gad7':
      return scoreGad7(answers);
    case 'cssrs-screen':
      return scoreCssrsScreen(answers);
  }
}
