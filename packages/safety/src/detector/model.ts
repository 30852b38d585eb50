import { modelFeatures } from './model-features.js';
import { MODEL_PRIOR, MODEL_WEIGHTS } from './model-weights.js';

let weights: ReadonlyMap<string, number> | undefined;

function load(): ReadonlyMap<string, number> {
  if (weights !== undefined) return weights;
  const map = new Map<string, number>();
  for (const line of MODEL_WEIGHTS.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) map.set(line.slice(0, tab), Number(line.slice(tab + 1)) / 10);
  }
  weights = map;
  return map;
}

/**
 * Log odds that a message is a crisis message (high or imminent), from a
 * naive Bayes model trained only on the hand-written dev set. The rules
 * decide; this only backs them up when they found nothing urgent.
 */
export function crisisLogOdds(text: string): number {
  const w = load();
  let score = MODEL_PRIOR / 10;
  for (const f of modelFeatures(text)) score += w.get(f) ?? 0;
  return score;
}
