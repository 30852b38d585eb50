import { describe, expect, it } from 'vitest';
import { isReminderTime, normalizeTimes, reminderDue } from './reminder-model.js';

const at = (h: number, m: number, day = 18): number => new Date(2026, 10, day, h, m).getTime();

describe('reminders', () => {
  it('accept HH:MM only', () => {
    expect(isReminderTime('21:30')).toBe(true);
    expect(isReminderTime('24:00')).toBe(false);
    expect(normalizeTimes(['21:30', '08:00', 'x', '21:30'])).toEqual(['08:00', '21:30']);
  });

  it('are due once a picked time has passed since the last check', () => {
    expect(reminderDue(['21:00'], at(20, 59), at(21, 0))).toBe(true);
    expect(reminderDue(['21:00'], at(21, 0), at(21, 5))).toBe(false);
    expect(reminderDue(['21:00'], at(8, 0), at(20, 0))).toBe(false);
    // Across midnight.
    expect(reminderDue(['23:50'], at(23, 40, 17), at(0, 10))).toBe(true);
    expect(reminderDue([], 0, at(12, 0))).toBe(false);
  });
});
