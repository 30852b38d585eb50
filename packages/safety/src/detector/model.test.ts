import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crisisLogOdds } from './model.js';
import { MODEL_TRAINED_ON_SHA256 } from './model-weights.js';
import { detectCrisis } from './index.js';

const data = (file: string): string => readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8');
const texts = (file: string): string[] =>
  data(file)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);

describe('backoff model', () => {
  it('was trained on the current devset.jsonl (re-run data/train-model.mjs after editing it)', () => {
    expect(createHash('sha256').update(data('devset.jsonl')).digest('hex')).toBe(MODEL_TRAINED_ON_SHA256);
  });

  it('keeps the held-out split apart from the training split', () => {
    const train = new Set(texts('devset.jsonl'));
    expect(texts('devset-holdout.jsonl').filter((t) => train.has(t))).toEqual([]);
  });

  it('scores crisis text above everyday text', () => {
    expect(crisisLogOdds('我真的好想死，不想活了')).toBeGreaterThan(crisisLogOdds('今天跟姊妹去吃火鍋'));
    expect(crisisLogOdds('I want to die, I cannot go on')).toBeGreaterThan(crisisLogOdds('had dinner with the girls'));
  });

  it('never overrides a rule that explained the death words away', () => {
    for (const text of ['我不想死，也不會自殺', '新聞說有人燒炭自殺', "I'm not going to kill myself", 'my friend wants to kill herself']) {
      expect(detectCrisis(text).reasons).not.toContain('model:crisis');
    }
  });
});
