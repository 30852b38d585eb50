import type { DirectoryLocale } from '../directory/index.js';

/** Text in every locale the app ships (zh-TW is the source). */
export type ScaleText = Readonly<Record<DirectoryLocale, string>>;

/**
 * Risk tier a self-check can point to. Same values as the detector's `RiskTier`;
 * defined here so scales and detector do not depend on each other.
 */
export type ScaleRisk = 'none' | 'concern' | 'high' | 'imminent';

/** Identifier of a shipped self-check. */
export type ScaleId = 'bsrs5' | 'phq9' | 'gad7' | 'cssrs-screen';

/** One answer choice of an item. */
export type ScaleOption = Readonly<{ value: number; label: ScaleText }>;

/**
 * Show an item only when an earlier item was answered with one of `values`
 * (C-SSRS skip logic). An item that is not shown must be answered with `null`.
 */
export type ScaleCondition = Readonly<{ itemId: string; values: readonly number[] }>;

/** One question of a self-check. */
export type ScaleItem = Readonly<{
  id: string;
  text: ScaleText;
  options: readonly ScaleOption[];
  /** Counted in the total (the BSRS-5 suicidal-thought item and C-SSRS items are not). */
  scored: boolean;
  askIf?: ScaleCondition;
}>;

/** Everything a view needs to render any self-check. */
export type ScaleDefinition = Readonly<{
  id: ScaleId;
  name: ScaleText;
  /** The time frame and how to answer, shown above the items. */
  instructions: ScaleText;
  items: readonly ScaleItem[];
  /** Shown with every result: a self-check is a screening aid, not a diagnosis. */
  disclaimer: ScaleText;
}>;

/**
 * Answers in item order: a number for an answered item, `null` for an item the
 * skip logic did not show.
 */
export type ScaleAnswers = readonly (number | null)[];

/** What the app should offer after a result. */
export type ScaleFlags = Readonly<{
  /** Suggest seeing a professional (doctor, psychologist, social worker). */
  recommendProfessional: boolean;
  /** Open the member's own safety plan. */
  openSafetyPlan: boolean;
  /** Offer to ask the night watch to be with them. */
  offerNightWatch: boolean;
  /** Go to the hand-off screen (hotlines, night watch, plan) at once. */
  showHandoff: boolean;
}>;

/** A scored self-check. `band` is the scale's own band name. */
export type ScaleResult<B extends string = string> = Readonly<{
  scale: ScaleId;
  total: number;
  /** Highest total the scale allows. */
  max: number;
  band: B;
  risk: ScaleRisk;
  flags: ScaleFlags;
  /** Warm, plain words about this band; always says it is not a diagnosis. */
  interpretation: ScaleText;
}>;

/** Why answers could not be scored. Indexes are 0-based item positions. */
export type ScaleError = Readonly<
  | { kind: 'not-a-list' }
  | { kind: 'wrong-count'; expected: number; actual: number }
  | { kind: 'missing'; index: number }
  | { kind: 'not-integer'; index: number }
  | { kind: 'out-of-range'; index: number }
  | { kind: 'skipped-item-answered'; index: number }
>;

/** Scoring never guesses: either a result or the reason there is none. */
export type ScoreOutcome<R> = Readonly<{ ok: true; result: R } | { ok: false; error: ScaleError }>;
