export { RISK_TIERS, isRiskTier, maxTier, tierAtLeast, tierRank } from './types.js';
export type { Detection, DetectorLang, RiskTier } from './types.js';
export { REASON_MODIFIERS } from './reasons.js';
export type { ReasonModifier } from './reasons.js';
export { detectLang, normalizeText } from './normalize.js';
export { CUE_IDS, MODEL_REASON, detectCrisis } from './detect.js';
