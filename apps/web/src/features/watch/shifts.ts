import { MAX_SHIFT_LEAD_MS, MAX_SHIFT_MS, MAX_SHIFTS } from '@lamplight/protocol';

/** One published shift, in epoch milliseconds. */
export type Shift = Readonly<{ startsAt: number; endsAt: number }>;

/** The lengths the form offers, in hours. */
export const SHIFT_HOURS_CHOICES = [1, 2, 3, 4, 6, 8, 12] as const;

/** Why a new shift was not added. */
export type ShiftError = 'bad-start' | 'too-long' | 'too-far' | 'already-over' | 'overlap' | 'too-many';

const HOUR_MS = 60 * 60 * 1000;

/** `YYYY-MM-DDTHH:mm` (a `datetime-local` value) in local time, or `undefined` when it is not one. */
export function parseLocalDateTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/u.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, 0, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) return undefined;
  return date.getTime();
}

const two = (n: number): string => n.toString().padStart(2, '0');

/** A `datetime-local` value for `ms`, local time, rounded down to 5 minutes. */
export function toLocalDateTime(ms: number): string {
  const d = new Date(ms);
  d.setMinutes(d.getMinutes() - (d.getMinutes() % 5), 0, 0);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Shifts that have not ended yet, in start order (ended ones are of no use to send again). */
export function upcomingShifts(shifts: readonly Shift[], now: number): readonly Shift[] {
  return shifts.filter((s) => s.endsAt > now).sort((a, b) => a.startsAt - b.startsAt);
}

/** Whether `now` falls inside one of the shifts. */
export function coversNow(shifts: readonly Shift[], now: number): boolean {
  return shifts.some((s) => s.startsAt <= now && now < s.endsAt);
}

/**
 * Add a shift of `hours` starting at `startsAt` to the responder's shifts.
 * The result is the whole list to publish (the server replaces the list),
 * with ended shifts left out. The server checks the same limits again.
 */
export function addShift(
  shifts: readonly Shift[],
  startsAt: number | undefined,
  hours: number,
  now: number,
): Readonly<{ ok: true; shifts: readonly Shift[] } | { ok: false; error: ShiftError }> {
  if (startsAt === undefined || !Number.isFinite(startsAt)) return { ok: false, error: 'bad-start' };
  const length = hours * HOUR_MS;
  if (!(length > 0) || length > MAX_SHIFT_MS) return { ok: false, error: 'too-long' };
  if (startsAt > now + MAX_SHIFT_LEAD_MS) return { ok: false, error: 'too-far' };
  const next: Shift = { startsAt, endsAt: startsAt + length };
  if (next.endsAt <= now) return { ok: false, error: 'already-over' };
  const kept = upcomingShifts(shifts, now);
  if (kept.some((s) => s.startsAt < next.endsAt && next.startsAt < s.endsAt)) return { ok: false, error: 'overlap' };
  if (kept.length + 1 > MAX_SHIFTS) return { ok: false, error: 'too-many' };
  return { ok: true, shifts: [...kept, next].sort((a, b) => a.startsAt - b.startsAt) };
}

/** The shifts to publish after removing `shift`. */
export function removeShift(shifts: readonly Shift[], shift: Shift, now: number): readonly Shift[] {
  return upcomingShifts(shifts, now).filter((s) => s.startsAt !== shift.startsAt || s.endsAt !== shift.endsAt);
}

/** Whole minutes a request has been waiting (never negative). */
export function waitingMinutes(createdAt: number, now: number): number {
  return Math.max(0, Math.floor((now - createdAt) / 60_000));
}
