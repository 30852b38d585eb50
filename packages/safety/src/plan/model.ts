import type { Directory, EntryKind } from '../directory/index.js';
import type { PlanText, SafetyPlanSectionId } from './sections.js';

/** Current version of the stored safety plan shape. */
export const SAFETY_PLAN_VERSION = 1;

/** Longest item, in characters (code points), after trimming. */
export const PLAN_ITEM_MAX_LENGTH = 200;

/** Most items one section may hold. */
export const PLAN_SECTION_MAX_ITEMS = 20;

/** Directory kinds that pre-fill the professionals section. */
export const PLAN_DIRECTORY_KINDS: readonly EntryKind[] = ['crisis', 'support', 'protection', 'legal', 'community'];

/**
 * One line of the plan: the member's own words, or a directory entry copied in
 * (name, number and whether it is answered around the clock), so it works
 * offline and does not change under the member if the directory does.
 */
export type SafetyPlanItem = Readonly<
  | { kind: 'text'; text: string }
  | { kind: 'directory'; entryId: string; name: PlanText; dial?: string; allDay: boolean }
>;

/** A member's safety plan: every section, in Stanley–Brown order. Lives only in the member's vault. */
export type SafetyPlan = Readonly<{
  version: typeof SAFETY_PLAN_VERSION;
  sections: Readonly<Record<SafetyPlanSectionId, readonly SafetyPlanItem[]>>;
}>;

/** Why an edit was refused. */
export type PlanEditError = 'empty' | 'too-long' | 'too-many' | 'no-such-item' | 'not-editable';

/** Result of an edit: a new plan (the old one is untouched) or the reason. */
export type PlanEdit = Readonly<{ ok: true; plan: SafetyPlan } | { ok: false; error: PlanEditError }>;

/**
 * A new plan: every section empty except professionals, which lists the
 * directory's crisis, support, protection, legal and community entries.
 */
export function emptySafetyPlan(directory: Directory): SafetyPlan {
  const professionals: SafetyPlanItem[] = directory.entries
    .filter((e) => e.kinds.some((k) => PLAN_DIRECTORY_KINDS.includes(k)))
    .slice(0, PLAN_SECTION_MAX_ITEMS)
    .map((e) => ({
      kind: 'directory',
      entryId: e.id,
      name: e.name,
      ...(e.dial === undefined ? {} : { dial: e.dial }),
      allDay: e.hours.always,
    }));
  return {
    version: SAFETY_PLAN_VERSION,
    sections: {
      'warning-signs': [],
      'coping-alone': [],
      distractions: [],
      'people-to-ask': [],
      professionals,
      'safer-surroundings': [],
      'reasons-for-living': [],
    },
  };
}

/** Trim and collapse whitespace; the item is one short line. */
function cleanText(text: string): Readonly<{ ok: true; text: string } | { ok: false; error: PlanEditError }> {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length === 0) return { ok: false, error: 'empty' };
  if (Array.from(t).length > PLAN_ITEM_MAX_LENGTH) return { ok: false, error: 'too-long' };
  return { ok: true, text: t };
}

function withSection(plan: SafetyPlan, id: SafetyPlanSectionId, items: readonly SafetyPlanItem[]): SafetyPlan {
  return { version: plan.version, sections: { ...plan.sections, [id]: items } };
}

const validIndex = (items: readonly unknown[], i: number): boolean => Number.isInteger(i) && i >= 0 && i < items.length;

/** Add the member's own words at the end of a section. */
export function addItem(plan: SafetyPlan, section: SafetyPlanSectionId, text: string): PlanEdit {
  const items = plan.sections[section];
  const clean = cleanText(text);
  if (!clean.ok) return clean;
  if (items.length >= PLAN_SECTION_MAX_ITEMS) return { ok: false, error: 'too-many' };
  return { ok: true, plan: withSection(plan, section, [...items, { kind: 'text', text: clean.text }]) };
}

/** Remove the item at `index` (directory items can be removed too). */
export function removeItem(plan: SafetyPlan, section: SafetyPlanSectionId, index: number): PlanEdit {
  const items = plan.sections[section];
  if (!validIndex(items, index)) return { ok: false, error: 'no-such-item' };
  return { ok: true, plan: withSection(plan, section, items.filter((_, i) => i !== index)) };
}

/** Replace the words of the item at `index`. Directory items are not edited; remove them and add your own instead. */
export function updateItem(plan: SafetyPlan, section: SafetyPlanSectionId, index: number, text: string): PlanEdit {
  const items = plan.sections[section];
  const item = items[index];
  if (!validIndex(items, index) || item === undefined) return { ok: false, error: 'no-such-item' };
  if (item.kind !== 'text') return { ok: false, error: 'not-editable' };
  const clean = cleanText(text);
  if (!clean.ok) return clean;
  return { ok: true, plan: withSection(plan, section, items.map((it, i) => (i === index ? { kind: 'text', text: clean.text } : it))) };
}

/** Move the item at `from` so that it ends up at index `to` within the same section. */
export function moveItem(plan: SafetyPlan, section: SafetyPlanSectionId, from: number, to: number): PlanEdit {
  const items = plan.sections[section];
  const item = items[from];
  if (!validIndex(items, from) || !validIndex(items, to) || item === undefined) return { ok: false, error: 'no-such-item' };
  const rest = items.filter((_, i) => i !== from);
  return { ok: true, plan: withSection(plan, section, [...rest.slice(0, to), item, ...rest.slice(to)]) };
}
