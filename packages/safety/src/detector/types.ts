/** Risk tiers, ordered from least to most urgent. */
export const RISK_TIERS = ['none', 'concern', 'high', 'imminent'] as const;

/**
 * How urgent a message reads:
 * - `none`: nothing that points at risk to the writer;
 * - `concern`: hopelessness, a passive wish to be dead;
 * - `high`: suicidal thoughts with intent, or self-harm;
 * - `imminent`: a plan, means at hand, a timeframe, or an attempt under way.
 */
export type RiskTier = (typeof RISK_TIERS)[number];

/** Languages the detector has lexicons for. */
export type DetectorLang = 'zh' | 'en';

/**
 * The detector's answer: a tier and the stable ids of the cues behind it
 * (see {@link REASON_IDS}). Cues that were heard but set aside (negated,
 * idiom, third person, news, past, quoted) are listed too, so a reader can see
 * why a message that mentions death was not raised.
 */
export type Detection = Readonly<{ tier: RiskTier; reasons: readonly string[] }>;

/** The position of a tier in {@link RISK_TIERS} (0 = none … 3 = imminent). */
export function tierRank(tier: RiskTier): number {
  return RISK_TIERS.indexOf(tier);
}

/** True when tier `a` is as urgent as tier `b` or more. */
export function tierAtLeast(a: RiskTier, b: RiskTier): boolean {
  return tierRank(a) >= tierRank(b);
}

/** The more urgent of two tiers. */
export function maxTier(a: RiskTier, b: RiskTier): RiskTier {
  return tierAtLeast(a, b) ? a : b;
}

/** True for the strings in {@link RISK_TIERS}. */
export function isRiskTier(value: unknown): value is RiskTier {
  return typeof value === 'string' && (RISK_TIERS as readonly string[]).includes(value);
}
