import { normalizeText } from './normalize.js';

const HAN_RUNS = /[\u3400-\u9fff]+/gu;
const WORDS = /[a-z']+/gu;

/**
 * The features the small backoff model reads: Han characters and character
 * pairs, English words and word pairs, all from normalised text. Shared by
 * the detector and by `data/train-model.mjs`, so training and use agree.
 */
export function modelFeatures(text: string): string[] {
  const s = normalizeText(text);
  const out = new Set<string>();
  for (const run of s.match(HAN_RUNS) ?? []) {
    for (let i = 0; i < run.length; i++) {
      out.add(`c:${run.charAt(i)}`);
      if (i + 1 < run.length) out.add(`b:${run.slice(i, i + 2)}`);
    }
  }
  const words = s.match(WORDS) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i] ?? ''}`);
    if (i + 1 < words.length) out.add(`p:${words[i] ?? ''} ${words[i + 1] ?? ''}`);
  }
  return [...out];
}
