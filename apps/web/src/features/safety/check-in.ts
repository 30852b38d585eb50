import { SAFETY_KEYS, type SafetyRecords } from './records.js';

/** A reminder the member asked for, kept only in their vault (never a server push). */
export type CheckInReminder = Readonly<{ createdAt: number; dueAt: number }>;

/** The hour of the morning a "check in tomorrow" becomes due, local time. */
export const CHECK_IN_HOUR = 10;

/**
 * When "tomorrow" is, for a request closed at `now`: 10:00 the next day, or
 * 10:00 the same day when it closed in the small hours (a night that has not
 * ended yet is still "tonight" to the person living it).
 */
export function checkInDueAt(now: number): number {
  const d = new Date(now);
  if (d.getHours() >= 5) d.setDate(d.getDate() + 1);
  d.setHours(CHECK_IN_HOUR, 0, 0, 0);
  return d.getTime();
}

/** Read a reminder from whatever the vault held. */
export function parseCheckIn(value: unknown): CheckInReminder | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { createdAt, dueAt } = value as Record<string, unknown>;
  if (typeof createdAt !== 'number' || typeof dueAt !== 'number' || !Number.isFinite(createdAt) || !Number.isFinite(dueAt)) return undefined;
  return { createdAt, dueAt };
}

/** Whether the banner should show now. */
export function isCheckInDue(reminder: CheckInReminder | undefined, now: number): boolean {
  return reminder !== undefined && reminder.dueAt <= now;
}

/** Keep a reminder for tomorrow. */
export async function rememberCheckIn(records: SafetyRecords, now: number): Promise<CheckInReminder> {
  const reminder: CheckInReminder = { createdAt: now, dueAt: checkInDueAt(now) };
  await records.put(SAFETY_KEYS.checkIn, reminder);
  return reminder;
}

/** The reminder, if one is kept. */
export async function loadCheckIn(records: SafetyRecords): Promise<CheckInReminder | undefined> {
  return parseCheckIn(await records.get(SAFETY_KEYS.checkIn));
}

/** Forget the reminder (done, or no longer wanted). */
export async function dismissCheckIn(records: SafetyRecords): Promise<void> {
  await records.delete(SAFETY_KEYS.checkIn);
}
