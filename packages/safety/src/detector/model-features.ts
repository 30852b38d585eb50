import { normalizeText } from './normalize.js';

const HAN_RUNS = /[\u3400-\u9fff]+/gu;
const WORDS = /[a-z']+/gu;
const SUFFIX = /(?:'s|ing|ed|es|s)$/u;

/** A crude English stem: "ending", "ended" and "ends" all read as "end". */
function stem(word: string): string {
  const s = word.replace(SUFFIX, '');
  return s === '' ? word : s;
}

/**
 * The features the small backoff model reads: Han characters, character
 * pairs and triples; English words and word pairs, and stems in runs of one
 * to three (so "ending it all" and "end it all" share features); all from
 * normalised text. Shared by the detector and by `data/train-model.mjs`, so
 * training and use agree.
 */
export function modelFeatures(text: string): string[] {
  const s = normalizeText(text);
  const out = new Set<string>();
  for (const run of s.match(HAN_RUNS) ?? []) {
    for (let i = 0; i < run.length; i++) {
      out.add(`c:${run.charAt(i)}`);
      if (i + 1 < run.length) out.add(`b:${run.slice(i, i + 2)}`);
      if (i + 2 < run.length) out.add(`t:${run.slice(i, i + 3)}`);
    }
  }
  const words = s.match(WORDS) ?? [];
  const stems = words.map(stem);
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i] ?? ''}`);
    out.add(`s:${stems[i] ?? ''}`);
    if (i + 1 < words.length) {
      out.add(`p:${words[i] ?? ''} ${words[i + 1] ?? ''}`);
      out.add(`sp:${stems[i] ?? ''} ${stems[i + 1] ?? ''}`);
    }
    if (i + 2 < words.length) out.add(`st:${stems[i] ?? ''} ${stems[i + 1] ?? ''} ${stems[i + 2] ?? ''}`);
  }
  return [...out];
}
