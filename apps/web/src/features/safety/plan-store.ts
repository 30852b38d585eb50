import { emptySafetyPlan, parseSafetyPlan, type SafetyPlan } from '@lamplight/safety';
import type { Directory } from '@lamplight/safety/directory';
import { SAFETY_KEYS, type SafetyRecords } from './records.js';
import './zod-jitless.js';

/** A plan read from the vault. `fresh` when none was kept yet (pre-filled from the directory). */
export type LoadedPlan = Readonly<{ plan: SafetyPlan; fresh: boolean; damaged: boolean }>;

/**
 * Read the member's plan from the vault. A missing plan starts from the
 * directory; an unreadable one also starts fresh (and says so) rather than
 * leaving the member with nothing.
 */
export async function loadPlan(records: SafetyRecords, directory: Directory): Promise<LoadedPlan> {
  const stored = await records.get(SAFETY_KEYS.plan);
  if (stored === undefined) return { plan: emptySafetyPlan(directory), fresh: true, damaged: false };
  const parsed = parseSafetyPlan(stored);
  if (parsed.ok) return { plan: parsed.plan, fresh: false, damaged: false };
  return { plan: emptySafetyPlan(directory), fresh: true, damaged: true };
}

/** Keep the plan in the vault (sealed on the device, never sent anywhere). */
export async function savePlan(records: SafetyRecords, plan: SafetyPlan): Promise<void> {
  await records.put(SAFETY_KEYS.plan, plan);
}
