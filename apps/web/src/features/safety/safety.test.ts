import { addItem, emptySafetyPlan, SAFETY_PLAN_SECTION_IDS } from '@lamplight/safety';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { describe, expect, it } from 'vitest';
import { checkInDueAt, dismissCheckIn, isCheckInDue, loadCheckIn, parseCheckIn, rememberCheckIn } from './check-in.js';
import { memoryRecords } from './fake-records.test-helper.js';
import { availabilityOf, forgetRequest, isOpen, loadOpenRequest, phaseOf, rememberRequest, TIER_CHOICES } from './night-watch.js';
import { loadPlan, savePlan } from './plan-store.js';
import { SAFETY_KEYS, timedKey } from './records.js';
import { emergencyLines, talkLines, youthLines } from './lines.js';

describe('safety plan in the vault', () => {
  it('starts from the directory when none is kept, with the professionals pre-filled', async () => {
    const records = memoryRecords();
    const loaded = await loadPlan(records, TAIWAN_DIRECTORY);
    expect(loaded.fresh).toBe(true);
    expect(loaded.damaged).toBe(false);
    const dials = loaded.plan.sections.professionals.flatMap((i) => (i.kind === 'directory' ? [i.dial] : []));
    expect(dials).toContain('1925');
    expect(dials).not.toContain('110');
  });

  it('keeps the member’s words under safety.plan and reads them back', async () => {
    const records = memoryRecords();
    const edit = addItem(emptySafetyPlan(TAIWAN_DIRECTORY), 'reasons-for-living', '我的貓');
    if (!edit.ok) throw new Error(edit.error);
    await savePlan(records, edit.plan);
    expect([...records.raw.keys()]).toEqual([SAFETY_KEYS.plan]);
    const loaded = await loadPlan(records, TAIWAN_DIRECTORY);
    expect(loaded.fresh).toBe(false);
    expect(loaded.plan.sections['reasons-for-living']).toEqual([{ kind: 'text', text: '我的貓' }]);
  });

  it('starts fresh, and says so, when what the vault held is not a plan', async () => {
    const records = memoryRecords();
    await records.put(SAFETY_KEYS.plan, { version: 9, sections: {} });
    const loaded = await loadPlan(records, TAIWAN_DIRECTORY);
    expect(loaded.damaged).toBe(true);
    expect(Object.keys(loaded.plan.sections)).toEqual([...SAFETY_PLAN_SECTION_IDS]);
  });
});

describe('check in tomorrow', () => {
  it('is due at 10:00 the next day, or the same morning after a small-hours close', () => {
    const evening = new Date(2026, 10, 21, 23, 30).getTime();
    expect(new Date(checkInDueAt(evening))).toEqual(new Date(2026, 10, 22, 10, 0));
    const smallHours = new Date(2026, 10, 22, 3, 10).getTime();
    expect(new Date(checkInDueAt(smallHours))).toEqual(new Date(2026, 10, 22, 10, 0));
  });

  it('is kept in the vault, due only once its time comes, and can be dismissed', async () => {
    const records = memoryRecords();
    const now = new Date(2026, 10, 21, 22, 0).getTime();
    const reminder = await rememberCheckIn(records, now);
    expect(await loadCheckIn(records)).toEqual(reminder);
    expect(isCheckInDue(reminder, now)).toBe(false);
    expect(isCheckInDue(reminder, reminder.dueAt)).toBe(true);
    await dismissCheckIn(records);
    expect(await loadCheckIn(records)).toBeUndefined();
    expect(isCheckInDue(undefined, now)).toBe(false);
  });

  it('ignores records that are not reminders', () => {
    expect(parseCheckIn({ createdAt: 'x', dueAt: 1 })).toBeUndefined();
    expect(parseCheckIn(null)).toBeUndefined();
    expect(parseCheckIn({ createdAt: 1, dueAt: 2 })).toEqual({ createdAt: 1, dueAt: 2 });
  });
});

describe('night watch for members', () => {
  it('shows the hand-off whenever the server says so, and the other phases by status', () => {
    expect(phaseOf({ status: 'waiting', handoff: true })).toBe('handoff');
    expect(phaseOf({ status: 'waiting', handoff: false })).toBe('waiting');
    expect(phaseOf({ status: 'accepted', handoff: true })).toBe('accompanied');
    expect(phaseOf({ status: 'closed', handoff: false })).toBe('closed');
    expect(phaseOf({ status: 'cancelled', handoff: true })).toBe('cancelled');
    expect(['handoff', 'waiting', 'accompanied'].every((p) => isOpen(p as never))).toBe(true);
    expect(isOpen('closed')).toBe(false);
  });

  it('asks three gentle choices, mildest first, one per tier', () => {
    expect(TIER_CHOICES.map((c) => c.tier)).toEqual(['concern', 'high', 'imminent']);
  });

  it('reads the status line', () => {
    expect(availabilityOf({ onDutyNow: 2 })).toEqual({ kind: 'on-duty', count: 2 });
    expect(availabilityOf({ onDutyNow: 0, nextShiftStartsAt: 5 })).toEqual({ kind: 'nobody', nextShiftStartsAt: 5 });
    expect(availabilityOf({ onDutyNow: 0 })).toEqual({ kind: 'nobody', nextShiftStartsAt: undefined });
  });

  it('remembers the open request across reloads and forgets it', async () => {
    const records = memoryRecords();
    await rememberRequest(records, { requestId: 'r1', createdAt: 3 });
    expect(await loadOpenRequest(records)).toEqual({ requestId: 'r1', createdAt: 3 });
    await forgetRequest(records);
    expect(await loadOpenRequest(records)).toBeUndefined();
  });
});

describe('youth and protection resources', () => {
  it('lists 113 for a member who says they are under 18', () => {
    const lines = youthLines(TAIWAN_DIRECTORY, 'zh-TW');
    expect(lines.map((l) => l.href)).toEqual(['tel:113']);
  });

  it('keeps police and ambulance apart from the lines to talk to', () => {
    const talk = talkLines(TAIWAN_DIRECTORY, 'en').map((l) => l.href);
    expect(talk).toContain('tel:1925');
    expect(talk).not.toContain('tel:110');
    expect(emergencyLines(TAIWAN_DIRECTORY, 'en').map((l) => l.href)).toEqual(['tel:110', 'tel:119']);
  });
});

describe('record keys', () => {
  it('sort by time', () => {
    const keys = [timedKey('safety.debrief.', 1_000_000), timedKey('safety.debrief.', 20)];
    expect([...keys].sort()).toEqual([keys[1], keys[0]]);
  });
});
