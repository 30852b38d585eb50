import { describe, expect, it } from 'vitest';
import type { DiaryEntry } from '../model/records.js';
import { calendarMonth, diaryProblem, diaryTrend, EMPTY_DIARY_DRAFT, toDiaryEntry, topTriggers, weekStart } from './diary-model.js';

const at = (y: number, m: number, d: number, h = 12): number => new Date(y, m - 1, d, h).getTime();
let n = 0;
const entry = (time: number, emotions: string[], intensity: number, triggers: string[] = []): DiaryEntry => ({
  id: `e${n++}`,
  createdAt: time,
  updatedAt: time,
  emotions,
  intensity,
  triggers,
  body: [],
  note: '',
  selfTalk: '',
});

describe('diary check-ins', () => {
  it('need at least one emotion, and clamp the intensity', () => {
    expect(diaryProblem(EMPTY_DIARY_DRAFT)).toBe('no-emotion');
    const draft = { ...EMPTY_DIARY_DRAFT, emotions: ['sad', 'sad'], intensity: 14, note: '  rain  ' };
    expect(diaryProblem(draft)).toBeUndefined();
    const e = toDiaryEntry(draft, 'x', 100);
    expect(e).toMatchObject({ emotions: ['sad'], intensity: 10, note: 'rain', createdAt: 100, updatedAt: 100 });
    expect(toDiaryEntry(draft, 'x', 200, e).createdAt).toBe(100);
  });
});

describe('diary trend', () => {
  // Wednesday 2026-11-18; weeks start on Monday.
  const now = at(2026, 11, 18);

  it('averages intensity per emotion per week, oldest week first', () => {
    const entries = [
      entry(at(2026, 11, 16), ['sad'], 8),
      entry(at(2026, 11, 17), ['sad', 'tired'], 4),
      entry(at(2026, 11, 10), ['tired'], 3),
      entry(at(2026, 11, 2), ['anxious'], 9),
      entry(at(2026, 9, 1), ['sad'], 1),
    ];
    const trend = diaryTrend(entries, now, 3);
    expect(trend.weeks).toEqual([weekStart(at(2026, 11, 2)), weekStart(at(2026, 11, 9)), weekStart(at(2026, 11, 16))]);
    expect(new Date(trend.weeks[2]!).getDay()).toBe(1);
    expect(trend.series).toEqual([
      { emotion: 'sad', averages: [null, null, 6] },
      { emotion: 'tired', averages: [null, 3, 4] },
      { emotion: 'anxious', averages: [9, null, null] },
    ]);
  });

  it('is empty without entries in range', () => {
    expect(diaryTrend([entry(at(2025, 1, 1), ['sad'], 5)], now, 4).series).toEqual([]);
  });

  it('counts the most frequent triggers', () => {
    const entries = [entry(now, ['sad'], 1, ['money', 'sleep']), entry(now, ['sad'], 1, ['sleep']), entry(now, ['sad'], 1, ['client'])];
    expect(topTriggers(entries, 2)).toEqual([
      { trigger: 'sleep', count: 2 },
      { trigger: 'client', count: 1 },
    ]);
  });

  it('lays out a month Monday first with counts per day', () => {
    const weeks = calendarMonth(now, [entry(at(2026, 11, 18, 9), ['sad'], 3), entry(at(2026, 11, 18, 22), ['calm'], 7)]);
    // November 2026 starts on a Sunday: six blanks first.
    expect(weeks[0]!.slice(0, 6)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(weeks[0]![6]?.day).toBe(1);
    const cell = weeks.flat().find((c) => c?.day === 18);
    expect(cell).toMatchObject({ count: 2, maxIntensity: 7, key: '2026-11-18' });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});
