import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhraseWords, phraseWords, pickCheckPositions } from './phrase-check.js';

const words = phraseWords('abandon ability able about above absent absorb abstract absurd abuse access accident');

describe('phrase confirmation', () => {
  it('splits the phrase into its 12 words', () => {
    expect(words).toHaveLength(12);
    expect(phraseWords('  甲 乙\n丙 ')).toEqual(['甲', '乙', '丙']);
  });

  it('picks two different positions within the phrase, in order', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (a, b) => {
        const values = [a, b];
        const [first, second] = pickCheckPositions(12, () => values.shift() ?? 0);
        expect(first).toBeGreaterThanOrEqual(1);
        expect(second).toBeLessThanOrEqual(12);
        expect(first).toBeLessThan(second);
      }),
    );
  });

  it('accepts the right words, ignoring case and spaces', () => {
    expect(checkPhraseWords(words, [{ position: 3, typed: ' Able ' }, { position: 9, typed: 'absurd' }])).toBe(true);
  });

  it('refuses a wrong word, a swapped pair and a position outside the phrase', () => {
    expect(checkPhraseWords(words, [{ position: 3, typed: 'able' }, { position: 9, typed: 'abuse' }])).toBe(false);
    expect(checkPhraseWords(words, [{ position: 3, typed: 'absurd' }, { position: 9, typed: 'able' }])).toBe(false);
    expect(checkPhraseWords(words, [{ position: 13, typed: '' }])).toBe(false);
  });
});
