import { z } from 'zod';
import { PLAN_ITEM_MAX_LENGTH, PLAN_SECTION_MAX_ITEMS, SAFETY_PLAN_VERSION, type SafetyPlan } from './model.js';
import { SAFETY_PLAN_SECTION_IDS, type SafetyPlanSectionId } from './sections.js';

const codePoints = (s: string): number => Array.from(s).length;

const itemText = z
  .string()
  .refine((s) => s.trim().length > 0, 'empty item')
  .refine((s) => codePoints(s) <= PLAN_ITEM_MAX_LENGTH, 'item too long');

const planText = z.object({ 'zh-TW': z.string().min(1).max(400), en: z.string().min(1).max(400) }).strict();

const itemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: itemText }).strict(),
  z
    .object({
      kind: z.literal('directory'),
      entryId: z.string().regex(/^[a-z0-9-]{2,40}$/u),
      name: planText,
      dial: z
        .string()
        .regex(/^[0-9][0-9 -]{1,18}[0-9]$/u)
        .optional(),
      allDay: z.boolean(),
    })
    .strict(),
]);

const sectionList = z.array(itemSchema).max(PLAN_SECTION_MAX_ITEMS);

/** The stored shape of a safety plan (version 1). */
export const safetyPlanSchema = z
  .object({
    version: z.literal(SAFETY_PLAN_VERSION),
    sections: z
      .object(
        Object.fromEntries(SAFETY_PLAN_SECTION_IDS.map((id) => [id, sectionList])) as Record<
          SafetyPlanSectionId,
          typeof sectionList
        >,
      )
      .strict(),
  })
  .strict();

/** Result of loading a plan. Issues name paths and rules only, never the member's words. */
export type SafetyPlanParse = Readonly<{ ok: true; plan: SafetyPlan } | { ok: false; issues: readonly string[] }>;

/** Check a plan loaded from the vault (or a backup) before using it. */
export function parseSafetyPlan(input: unknown): SafetyPlanParse {
  const r = safetyPlanSchema.safeParse(input);
  if (r.success) return { ok: true, plan: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`) };
}
