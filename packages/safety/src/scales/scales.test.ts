import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BSRS5,
  CSSRS_SCREEN,
  GAD7,
  PHQ9,
  SCALES,
  scoreBsrs5,
  scoreCssrsScreen,
  scoreGad7,
  scorePhq9,
  scoreScale,
  type ScoreOutcome,
} from './index.js';

/** Answers of length n that add up to `total`, each at most `max`. */
function answersFor(n: number, max: number, total: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < n; i++) {
    const v = Math.min(max, left);
    out.push(v);
    left -= v;
  }
  if (left !== 0) throw new Error('total out of range');
  return out;
}

function ok<R>(outcome: ScoreOutcome<R>): R {
  if (!outcome.ok) throw new Error(`expected a score, got ${outcome.error.kind}`);
  return outcome.result;
}

describe('BSRS-5', () => {
  const bsrs = (total: number, suicide = 0) => ok(scoreBsrs5([...answersFor(5, 4, total), suicide]));

  it.each([
    [0, 'normal'],
    [5, 'normal'],
    [6, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [20, 'severe'],
  ] as const)('total %i is %s', (total, band) => {
    const r = bsrs(total);
    expect(r.total).toBe(total);
    expect(r.band).toBe(band);
    expect(r.max).toBe(20);
  });

  it('does not add the suicidal-thought item to the total', () => {
    expect(bsrs(3, 4).total).toBe(3);
  });

  it('recommends professional help from a suicidal-thought item of 2, whatever the total', () => {
    expect(bsrs(0, 1).flags.recommendProfessional).toBe(false);
    const r = bsrs(0, 2);
    expect(r.flags.recommendProfessional).toBe(true);
    expect(r.band).toBe('normal');
    expect(r.risk).toBe('high');
    expect(bsrs(0, 1).risk).toBe('concern');
    expect(bsrs(20, 0).risk).toBe('none');
  });

  it('offers the safety plan from a suicidal-thought item of 1', () => {
    expect(bsrs(0, 0).flags.openSafetyPlan).toBe(false);
    expect(bsrs(0, 1).flags.openSafetyPlan).toBe(true);
    expect(bsrs(0, 1).flags.offerNightWatch).toBe(true);
  });

  it('recommends professional help from a moderate total', () => {
    expect(bsrs(9).flags.recommendProfessional).toBe(false);
    expect(bsrs(10).flags.recommendProfessional).toBe(true);
  });

  it('says it is not a diagnosis, in both languages', () => {
    const r = bsrs(12, 3);
    expect(r.interpretation['zh-TW']).toContain('這是自我檢視的工具，不是診斷');
    expect(r.interpretation.en).toContain('not a diagnosis');
    expect(r.interpretation['zh-TW']).not.toMatch(/諮商|心理治療|療癒/u);
  });

  it('never shows the hand-off screen by itself', () => {
    expect(bsrs(20, 4).flags.showHandoff).toBe(false);
  });
});

describe('PHQ-9', () => {
  const phq = (total: number, item9 = 0) => ok(scorePhq9([...answersFor(8, 3, total - item9), item9]));

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ] as const)('total %i is %s', (total, band) => {
    const r = phq(total, total === 27 ? 3 : 0);
    expect(r.total).toBe(total);
    expect(r.band).toBe(band);
  });

  it('item 9 of 1 opens the safety plan and offers the night watch', () => {
    const none = phq(3, 0);
    expect(none.flags.openSafetyPlan).toBe(false);
    expect(none.flags.offerNightWatch).toBe(false);
    const one = phq(3, 1);
    expect(one.flags.openSafetyPlan).toBe(true);
    expect(one.flags.offerNightWatch).toBe(true);
    expect(one.selfHarmItem).toBe(1);
    expect(one.risk).toBe('concern');
    expect(phq(3, 2).risk).toBe('high');
    expect(one.interpretation['zh-TW']).toContain('安全計畫');
  });

  it('item 9 counts in the total', () => {
    expect(phq(4, 1).total).toBe(4);
    expect(phq(4, 1).band).toBe('minimal');
  });
});

describe('GAD-7', () => {
  const gad = (total: number) => ok(scoreGad7(answersFor(7, 3, total)));

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ] as const)('total %i is %s', (total, band) => {
    expect(gad(total).band).toBe(band);
    expect(gad(total).total).toBe(total);
  });

  it('never raises a risk tier (it does not ask about suicide)', () => {
    expect(gad(21).risk).toBe('none');
    expect(gad(21).flags.openSafetyPlan).toBe(false);
  });
});

describe('C-SSRS screener', () => {
  const N = 0;
  const Y = 1;
  const _ = null;
  const cssrs = (a: readonly (number | null)[]) => ok(scoreCssrsScreen(a));

  it('all no is none', () => {
    const r = cssrs([N, N, _, _, _, N, _]);
    expect(r.risk).toBe('none');
    expect(r.flags.openSafetyPlan).toBe(false);
    expect(r.total).toBe(0);
  });

  it('Q1 only, or Q2 without method, intent or plan, is concern', () => {
    expect(cssrs([Y, N, _, _, _, N, _]).risk).toBe('concern');
    expect(cssrs([N, Y, N, N, N, N, _]).risk).toBe('concern');
    expect(cssrs([Y, Y, N, N, N, N, _]).flags.offerNightWatch).toBe(true);
  });

  it('Q3 yes is high', () => {
    const r = cssrs([Y, Y, Y, N, N, N, _]);
    expect(r.risk).toBe('high');
    expect(r.flags.recommendProfessional).toBe(true);
    expect(r.flags.showHandoff).toBe(false);
  });

  it('behaviour ever but not in the past three months is high', () => {
    expect(cssrs([N, N, _, _, _, Y, N]).risk).toBe('high');
  });

  it.each([
    ['Q4 intent', [Y, Y, N, Y, N, N, _]],
    ['Q5 plan', [Y, Y, N, N, Y, N, _]],
    ['behaviour in the past three months', [N, N, _, _, _, Y, Y]],
  ] as const)('%s is imminent and shows the hand-off screen', (_name, answers) => {
    const r = cssrs(answers);
    expect(r.risk).toBe('imminent');
    expect(r.band).toBe('imminent');
    expect(r.flags.showHandoff).toBe(true);
    expect(r.flags.openSafetyPlan).toBe(true);
  });

  it('skip logic: Q3–Q5 must be skipped after Q2 no', () => {
    expect(scoreCssrsScreen([Y, N, Y, _, _, N, _])).toEqual({ ok: false, error: { kind: 'skipped-item-answered', index: 2 } });
    expect(scoreCssrsScreen([Y, Y, _, N, N, N, _])).toEqual({ ok: false, error: { kind: 'missing', index: 2 } });
  });

  it('skip logic: the three-month question only after a yes to Q6', () => {
    expect(scoreCssrsScreen([N, N, _, _, _, N, Y])).toEqual({ ok: false, error: { kind: 'skipped-item-answered', index: 6 } });
    expect(scoreCssrsScreen([N, N, _, _, _, Y, _])).toEqual({ ok: false, error: { kind: 'missing', index: 6 } });
  });

  it('accepts undefined for skipped items', () => {
    expect(cssrs([N, N, undefined, undefined, undefined, N, undefined] as unknown as (number | null)[]).risk).toBe('none');
  });
});

describe('invalid answers are errors, never a silent score', () => {
  it.each([
    ['wrong count', [1, 2, 3], { kind: 'wrong-count', expected: 6, actual: 3 }],
    ['out of range', [0, 0, 5, 0, 0, 0], { kind: 'out-of-range', index: 2 }],
    ['negative', [0, -1, 0, 0, 0, 0], { kind: 'out-of-range', index: 1 }],
    ['non-integer', [0, 0, 0, 1.5, 0, 0], { kind: 'not-integer', index: 3 }],
    ['NaN', [Number.NaN, 0, 0, 0, 0, 0], { kind: 'not-integer', index: 0 }],
    ['string', [0, 0, 0, 0, '1', 0], { kind: 'not-integer', index: 4 }],
    ['missing', [0, 0, 0, 0, 0, null], { kind: 'missing', index: 5 }],
  ] as const)('BSRS-5: %s', (_name, answers, error) => {
    expect(scoreBsrs5(answers)).toEqual({ ok: false, error });
  });

  it('rejects a non-list', () => {
    expect(scorePhq9('012')).toEqual({ ok: false, error: { kind: 'not-a-list' } });
    expect(scoreGad7(undefined)).toEqual({ ok: false, error: { kind: 'not-a-list' } });
  });

  it('PHQ-9 and GAD-7 reject 4 (their options stop at 3)', () => {
    expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 4])).toEqual({ ok: false, error: { kind: 'out-of-range', index: 8 } });
    expect(scoreGad7([4, 0, 0, 0, 0, 0, 0])).toEqual({ ok: false, error: { kind: 'out-of-range', index: 0 } });
    expect(scoreGad7([0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ ok: false, error: { kind: 'wrong-count', expected: 7, actual: 8 } });
  });

  it('C-SSRS rejects 2', () => {
    expect(scoreCssrsScreen([2, 0, null, null, null, 0, null])).toEqual({ ok: false, error: { kind: 'out-of-range', index: 0 } });
  });
});

describe('definitions', () => {
  it('have the standard item counts and unique ids', () => {
    expect(BSRS5.items).toHaveLength(6);
    expect(PHQ9.items).toHaveLength(9);
    expect(GAD7.items).toHaveLength(7);
    expect(CSSRS_SCREEN.items).toHaveLength(7);
    for (const def of Object.values(SCALES)) {
      expect(new Set(def.items.map((i) => i.id)).size).toBe(def.items.length);
      for (const item of def.items) {
        expect(item.text['zh-TW'].length).toBeGreaterThan(0);
        expect(item.text.en.length).toBeGreaterThan(0);
        if (item.askIf) expect(def.items.some((i) => i.id === item.askIf?.itemId)).toBe(true);
      }
    }
  });

  it('uses the standard Taiwan BSRS-5 wording', () => {
    expect(BSRS5.items.map((i) => i.text['zh-TW'])).toEqual([
      '睡眠困難，譬如難以入睡、易醒或早醒',
      '感覺緊張不安',
      '覺得容易苦惱或動怒',
      '感覺憂鬱、心情低落',
      '覺得比不上別人',
      '有自殺的想法',
    ]);
  });

  it('scoreScale dispatches by id', () => {
    expect(scoreScale('gad7', [3, 3, 3, 3, 3, 0, 0])).toMatchObject({ ok: true, result: { scale: 'gad7', total: 15 } });
  });
});

describe('properties', () => {
  it('a PHQ-9 total is the sum of valid answers and always in 0–27', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }), (a) => {
        const r = ok(scorePhq9(a));
        expect(r.total).toBe(a.reduce((s, v) => s + v, 0));
        expect(r.flags.openSafetyPlan).toBe((a[8] ?? 0) >= 1);
      }),
    );
  });

  it('any list of numbers either scores or reports why, never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 6 }), fc.double(), fc.constant(null))), (a) => {
        for (const id of Object.keys(SCALES) as (keyof typeof SCALES)[]) {
          const r = scoreScale(id, a);
          if (r.ok) expect(r.result.total).toBeLessThanOrEqual(r.result.max);
        }
      }),
    );
  });
});
