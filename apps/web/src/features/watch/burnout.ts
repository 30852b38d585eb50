/** The burnout self-check's questions (keys into the catalog), each answered 0–3. */
export const BURNOUT_ITEMS = ['drained', 'dread', 'numb', 'cantLetGo', 'noRest'] as const;
export type BurnoutItem = (typeof BURNOUT_ITEMS)[number];

/** Highest answer to one question. */
export const BURNOUT_ITEM_MAX = 3;

/** One self-check, kept only in the responder's own vault. */
export type BurnoutCheck = Readonly<{ at: number; answers: readonly number[] }>;

/** Where a total falls: `ok` 0–4, `watch` 5–9, `rest` 10 and over (a nudge to step back, not a diagnosis). */
export type BurnoutBand = 'ok' | 'watch' | 'rest';

/** The total of a check. */
export function burnoutTotal(check: BurnoutCheck): number {
  return check.answers.reduce((a, b) => a + b, 0);
}

/** The band a total falls in. */
export function burnoutBand(total: number): BurnoutBand {
  if (total >= 10) return 'rest';
  if (total >= 5) return 'watch';
  return 'ok';
}

/** A check from the form's answers, or `undefined` while any question is unanswered. */
export function makeBurnoutCheck(answers: readonly (number | undefined)[], at: number): BurnoutCheck | undefined {
  if (answers.length !== BURNOUT_ITEMS.length) return undefined;
  if (answers.some((a) => a === undefined || !Number.isInteger(a) || a < 0 || a > BURNOUT_ITEM_MAX)) return undefined;
  return { at, answers: answers as number[] };
}

/** Read a check from whatever the vault held. */
export function parseBurnoutCheck(value: unknown): BurnoutCheck | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, answers } = value as Record<string, unknown>;
  if (typeof at !== 'number' || !Array.isArray(answers)) return undefined;
  return makeBurnoutCheck(answers as (number | undefined)[], at);
}

/** How the latest total compares with the one before: the trend the screen shows. */
export function burnoutTrend(checks: readonly BurnoutCheck[]): 'first' | 'up' | 'down' | 'same' {
  const sorted = [...checks].sort((a, b) => a.at - b.at);
  const last = sorted.at(-1);
  const before = sorted.at(-2);
  if (last === undefined || before === undefined) return 'first';
  const d = burnoutTotal(last) - burnoutTotal(before);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}
