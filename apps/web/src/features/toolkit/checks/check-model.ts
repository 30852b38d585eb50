import { scoreScale, type ScaleDefinition, type ScaleId, type ScaleResult } from '@lamplight/safety';
import type { CheckRecord } from '../model/records.js';

/** The self-checks in the order the screen lists them. */
export const CHECK_ORDER: readonly ScaleId[] = ['bsrs5', 'phq9', 'gad7', 'cssrs-screen'];

/** Whether an item is asked, given the answers so far (C-SSRS skip logic). */
export function isAsked(def: ScaleDefinition, answers: readonly (number | null)[], index: number): boolean {
  const cond = def.items[index]?.askIf;
  if (cond === undefined) return true;
  const at = def.items.findIndex((i) => i.id === cond.itemId);
  const value = answers[at];
  return value !== undefined && value !== null && cond.values.includes(value) && isAsked(def, answers, at);
}

/** The answers to score: items not asked become `null`; unanswered asked ones stay `null` (and scoring says so). */
export function answersForScoring(def: ScaleDefinition, answers: readonly (number | null)[]): (number | null)[] {
  return def.items.map((_, i) => (isAsked(def, answers, i) ? (answers[i] ?? null) : null));
}

/** Score, or the index of the first asked item still unanswered. */
export function scoreAnswers(
  def: ScaleDefinition,
  answers: readonly (number | null)[],
): Readonly<{ ok: true; result: ScaleResult; answers: (number | null)[] } | { ok: false; missing: number }> {
  const prepared = answersForScoring(def, answers);
  const outcome = scoreScale(def.id, prepared);
  if (outcome.ok) return { ok: true, result: outcome.result, answers: prepared };
  const missing = prepared.findIndex((a, i) => a === null && isAsked(def, prepared, i));
  return { ok: false, missing: Math.max(0, missing) };
}

/** A saved record of a result. */
export function toCheckRecord(result: ScaleResult, answers: readonly (number | null)[], id: string, now: number): CheckRecord {
  return { id, createdAt: now, updatedAt: now, scale: result.scale, answers, total: result.total, max: result.max, band: result.band, risk: result.risk };
}

/** One scale's results, oldest first (for its trend). */
export function checkTrend(records: readonly CheckRecord[], scale: ScaleId): readonly CheckRecord[] {
  return records.filter((r) => r.scale === scale).sort((a, b) => a.createdAt - b.createdAt);
}

/** The night-watch tier to ask for after a result (never below `concern`). */
export function watchTierFor(result: ScaleResult): 'concern' | 'high' | 'imminent' {
  return result.risk === 'none' ? 'concern' : result.risk;
}
