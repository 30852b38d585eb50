import type { ScaleDefinition, ScaleError, ScaleFlags } from './types.js';

/** Flags with nothing raised. */
export const NO_FLAGS: ScaleFlags = {
  recommendProfessional: false,
  openSafetyPlan: false,
  offerNightWatch: false,
  showHandoff: false,
};

/**
 * Check answers against a definition, including skip logic. Returns the
 * answers as numbers (`null` for items not shown) or the first problem found.
 */
export function validateAnswers(
  def: ScaleDefinition,
  answers: unknown,
): Readonly<{ ok: true; values: readonly (number | null)[] } | { ok: false; error: ScaleError }> {
  if (!Array.isArray(answers)) return { ok: false, error: { kind: 'not-a-list' } };
  const list: readonly unknown[] = answers;
  if (list.length !== def.items.length) {
    return { ok: false, error: { kind: 'wrong-count', expected: def.items.length, actual: list.length } };
  }
  const values: (number | null)[] = [];
  const byId = new Map<string, number | null>();
  for (const [index, item] of def.items.entries()) {
    const raw = list[index];
    const cond = item.askIf;
    const shown = cond === undefined || cond.values.includes(byId.get(cond.itemId) ?? Number.NaN);
    if (!shown) {
      if (raw !== null && raw !== undefined) return { ok: false, error: { kind: 'skipped-item-answered', index } };
      values.push(null);
      byId.set(item.id, null);
      continue;
    }
    if (raw === null || raw === undefined) return { ok: false, error: { kind: 'missing', index } };
    if (typeof raw !== 'number' || !Number.isInteger(raw)) return { ok: false, error: { kind: 'not-integer', index } };
    if (!item.options.some((o) => o.value === raw)) return { ok: false, error: { kind: 'out-of-range', index } };
    values.push(raw);
    byId.set(item.id, raw);
  }
  return { ok: true, values };
}

/** Sum of the scored items (skipped items count as 0). */
export function scoredTotal(def: ScaleDefinition, values: readonly (number | null)[]): number {
  return def.items.reduce((sum, item, i) => (item.scored ? sum + (values[i] ?? 0) : sum), 0);
}
