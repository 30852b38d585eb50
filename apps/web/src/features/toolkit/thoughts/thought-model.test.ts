import { describe, expect, it } from 'vitest';
import { EMPTY_THOUGHT_DRAFT, exportTemplates, importTemplates, toThoughtRecord, validateThought } from './thought-model.js';

describe('thought records', () => {
  it('need a situation, an automatic thought and an emotion', () => {
    expect(validateThought(EMPTY_THOUGHT_DRAFT)).toEqual({ situation: 'required', automaticThought: 'required', emotions: 'required' });
    const ok = { ...EMPTY_THOUGHT_DRAFT, situation: 'late bus', automaticThought: 'I always fail', emotions: ['ashamed'] };
    expect(validateThought(ok)).toEqual({});
    expect(validateThought({ ...ok, situation: '   ' })).toEqual({ situation: 'required' });
    expect(validateThought({ ...ok, intensityAfter: 11, intensityBefore: 2.5 })).toEqual({ intensityAfter: 'range', intensityBefore: 'range' });
    expect(toThoughtRecord({ ...ok, balancedThought: ' sometimes ' }, 'id', 5).balancedThought).toBe('sometimes');
  });

  it('templates export and import with fresh ids, dropping broken ones', () => {
    const prompts = { situation: '發生什麼事？', automaticThought: '', evidenceFor: '', evidenceAgainst: '', balancedThought: '換個角度' };
    const text = exportTemplates([{ id: 'a', createdAt: 1, updatedAt: 1, name: '姊妹版', prompts }]);
    expect(text).not.toContain('"id"');
    let i = 0;
    const back = importTemplates(text, () => `n${i++}`, 9);
    expect(back).toEqual([{ id: 'n0', createdAt: 9, updatedAt: 9, name: '姊妹版', prompts }]);
    const withBroken = JSON.parse(text) as { templates: unknown[] };
    withBroken.templates.push({ name: '' }, 'nope');
    expect(importTemplates(JSON.stringify(withBroken), () => 'z', 9)).toHaveLength(1);
    expect(importTemplates('{"format":"other"}', () => 'z', 9)).toBeUndefined();
    expect(importTemplates('not json', () => 'z', 9)).toBeUndefined();
  });
});
