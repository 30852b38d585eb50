/**
 * The safety features' public surface for the rest of the app: screens,
 * the pieces other features reuse (lines, script, youth resources), and the
 * under-18 signal for composers that run `mentionsUnder18`.
 */
export { CheckInBanner } from './CheckInBanner.js';
export { CallLines, CallScript, ProfessionalDuty, RightNowSteps, TalkLines, YouthResources, YourChoice } from './HandoffParts.js';
export { NightWatchScreen } from './NightWatchScreen.js';
export { PlanSummary } from './PlanSummary.js';
export { SafetyPlanScreen } from './SafetyPlanScreen.js';
export { PlanShare } from './PlanShare.js';
export { loadPlan, savePlan } from './plan-store.js';
export { SAFETY_KEYS, timedKey, type SafetyRecords } from './records.js';
export { clearUnder18, noteUnder18, useUnder18Mentioned } from './youth-signal.js';
