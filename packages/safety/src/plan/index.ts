export { SAFETY_PLAN_SECTION_IDS, SAFETY_PLAN_SECTIONS } from './sections.js';
export type { PlanText, SafetyPlanSectionId, SafetyPlanSectionInfo } from './sections.js';
export {
  SAFETY_PLAN_VERSION,
  PLAN_ITEM_MAX_LENGTH,
  PLAN_SECTION_MAX_ITEMS,
  PLAN_DIRECTORY_KINDS,
  emptySafetyPlan,
  addItem,
  removeItem,
  updateItem,
  moveItem,
} from './model.js';
export type { SafetyPlan, SafetyPlanItem, PlanEdit, PlanEditError } from './model.js';
export { safetyPlanSchema, parseSafetyPlan } from './schema.js';
export type { SafetyPlanParse } from './schema.js';
export { safetyPlanToText } from './text.js';
