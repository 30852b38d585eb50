/** A reminder time as the member picked it: `HH:MM`, 24-hour, device time zone. */
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/u;

/** Whether `text` is a valid `HH:MM` time. */
export function isReminderTime(text: string): boolean {
  return TIME.test(text);
}

/** Sorted, unique, valid times. */
export function normalizeTimes(times: readonly string[]): string[] {
  return [...new Set(times.filter(isReminderTime))].sort();
}

/**
 * Whether a reminder time fell in `(since, now]` (local time). Only the last
 * day is looked at: a phone asleep for a week gets one reminder, not seven.
 */
export function reminderDue(times: readonly string[], since: number, now: number): boolean {
  if (now <= since) return false;
  const from = Math.max(since, now - 24 * 60 * 60 * 1000);
  const today = new Date(now);
  for (const time of times) {
    const m = TIME.exec(time);
    if (m === null) continue;
    for (const dayOffset of [0, -1]) {
      const at = new Date(today.getFullYear(), today.getMonth(), today.getDate() + dayOffset, Number(m[1]), Number(m[2])).getTime();
      if (at > from && at <= now) return true;
    }
  }
  return false;
}
