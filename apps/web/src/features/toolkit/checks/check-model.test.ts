import { CSSRS_SCREEN, PHQ9 } from '@lamplight/safety';
import { describe, expect, it } from 'vitest';
import { isAsked, scoreAnswers, watchTierFor } from './check-model.js';

describe('self-check view model', () => {
  it('skips C-SSRS questions 3–5 after a no to question 2', () => {
    const answers: (number | null)[] = [0, 0, 1, 1, 1, 0, null];
    expect(isAsked(CSSRS_SCREEN, answers, 2)).toBe(false);
    const scored = scoreAnswers(CSSRS_SCREEN, answers);
    expect(scored.ok).toBe(true);
    if (scored.ok) expect(scored.answers.slice(2, 5)).toEqual([null, null, null]);
  });

  it('names the first unanswered question', () => {
    const answers: (number | null)[] = PHQ9.items.map(() => 0);
    answers[4] = null;
    expect(scoreAnswers(PHQ9, answers)).toEqual({ ok: false, missing: 4 });
  });

  it('PHQ-9 item 9 opens the safety plan and asks the night watch at least at concern', () => {
    const answers = PHQ9.items.map(() => 0);
    answers[8] = 1;
    const scored = scoreAnswers(PHQ9, answers);
    expect(scored.ok).toBe(true);
    if (!scored.ok) return;
    expect(scored.result.flags.openSafetyPlan).toBe(true);
    expect(scored.result.flags.offerNightWatch).toBe(true);
    expect(['concern', 'high', 'imminent']).toContain(watchTierFor(scored.result));
  });
});
