import type { DiaryEntry } from '../model/records.js';

/** What the check-in form holds before saving. */
export type DiaryDraft = Readonly<{
  emotions: readonly string[];
  intensity: number;
  triggers: readonly string[];
  body: readonly string[];
  note: string;
  selfTalk: string;
}>;

/** An empty check-in. */
export const EMPTY_DIARY_DRAFT: DiaryDraft = { emotions: [], intensity: 5, triggers: [], body: [], note: '', selfTalk: '' };

/** Why a check-in cannot be saved yet. */
export type DiaryProblem = 'no-emotion';

/** Check a draft; `undefined` when it can be saved. */
export function diaryProblem(draft: DiaryDraft): DiaryProblem | undefined {
  return draft.emotions.length === 0 ? 'no-emotion' : undefined;
}

/** Turn a valid draft into an entry (a new one, or an edit of `previous`). */
export function toDiaryEntry(draft: DiaryDraft, id: string, now: number, previous?: DiaryEntry): DiaryEntry {
  return {
    id,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    emotions: [...new Set(draft.emotions)],
    intensity: Math.min(10, Math.max(0, Math.round(draft.intensity))),
    triggers: [...new Set(draft.triggers)],
    body: [...new Set(draft.body)],
    note: draft.note.trim(),
    selfTalk: draft.selfTalk.trim(),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of a time, as `YYYY-MM-DD`. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight of the Monday that starts the week holding `ms`. */
export function weekStart(ms: number): number {
  const d = new Date(ms);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return monday.getTime();
}

/** Average intensity of one emotion per week; `null` for a week without it. */
export type EmotionSeries = Readonly<{ emotion: string; averages: readonly (number | null)[] }>;

/** The diary's trend: week starts (oldest first) and one series per emotion felt in that time. */
export type DiaryTrend = Readonly<{ weeks: readonly number[]; series: readonly EmotionSeries[] }>;

/**
 * Intensity per emotion per week, over the `weeks` weeks up to and including
 * the one holding `now`. An entry counts towards every emotion it names.
 * Series are ordered by how often the emotion was named, most first.
 */
export function diaryTrend(entries: readonly DiaryEntry[], now: number, weeks: number): DiaryTrend {
  const starts: number[] = [];
  let start = weekStart(now);
  for (let i = 0; i < weeks; i++) {
    starts.unshift(start);
    // Step back from mid-week so a daylight-saving hour never lands on the wrong week.
    start = weekStart(start - 3 * DAY_MS);
  }
  const sums = new Map<string, { sum: number[]; count: number[]; total: number }>();
  const first = starts[0] ?? 0;
  for (const entry of entries) {
    if (entry.createdAt < first) continue;
    const index = starts.indexOf(weekStart(entry.createdAt));
    if (index === -1) continue;
    for (const emotion of entry.emotions) {
      let s = sums.get(emotion);
      if (s === undefined) {
        s = { sum: new Array<number>(weeks).fill(0), count: new Array<number>(weeks).fill(0), total: 0 };
        sums.set(emotion, s);
      }
      s.sum[index] = (s.sum[index] ?? 0) + entry.intensity;
      s.count[index] = (s.count[index] ?? 0) + 1;
      s.total += 1;
    }
  }
  const series = [...sums.entries()]
    .sort(([a, x], [b, y]) => y.total - x.total || a.localeCompare(b))
    .map(([emotion, s]) => ({
      emotion,
      averages: s.sum.map((sum, i) => {
        const count = s.count[i] ?? 0;
        return count === 0 ? null : Math.round((sum / count) * 10) / 10;
      }),
    }));
  return { weeks: starts, series };
}

/** How often each trigger was tagged, most first (ties by id), at most `limit`. */
export function topTriggers(entries: readonly DiaryEntry[], limit: number): readonly Readonly<{ trigger: string; count: number }>[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const t of entry.triggers) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([trigger, count]) => ({ trigger, count }));
}

/** One cell of the month view. */
export type CalendarDay = Readonly<{ day: number; key: string; count: number; maxIntensity: number | undefined }>;

/**
 * The month holding `ms` as weeks (Monday first); days outside the month
 * are `undefined`. Each day carries how many check-ins it has.
 */
export function calendarMonth(ms: number, entries: readonly DiaryEntry[]): readonly (readonly (CalendarDay | undefined)[])[] {
  const d = new Date(ms);
  const year = d.getFullYear();
  const month = d.getMonth();
  const byDay = new Map<string, DiaryEntry[]>();
  for (const e of entries) {
    const key = dayKey(e.createdAt);
    byDay.set(key, [...(byDay.get(key) ?? []), e]);
  }
  const days = new Date(year, month + 1, 0).getDate();
  const lead = (new Date(year, month, 1).getDay() + 6) % 7;
  const cells: (CalendarDay | undefined)[] = new Array<undefined>(lead).fill(undefined);
  for (let day = 1; day <= days; day++) {
    const key = dayKey(new Date(year, month, day, 12).getTime());
    const list = byDay.get(key) ?? [];
    cells.push({ day, key, count: list.length, maxIntensity: list.length === 0 ? undefined : Math.max(...list.map((e) => e.intensity)) });
  }
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks: (CalendarDay | undefined)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
