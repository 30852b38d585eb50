import { DEFAULT_CIRCLE_TIMER_MS, HOUR_MS } from '@lamplight/protocol';
import type { PiiKind } from '@lamplight/safety/pii';
import type { StoredMessage } from './records.js';

const DAY_MS = 24 * HOUR_MS;

/** The disappearing timers a circle can choose, shortest first; keys under `circles.timers`. */
export const TIMER_CHOICES = [
  { key: 'h1', ms: HOUR_MS },
  { key: 'h6', ms: 6 * HOUR_MS },
  { key: 'd1', ms: DAY_MS },
  { key: 'd3', ms: 3 * DAY_MS },
  { key: 'd7', ms: 7 * DAY_MS },
  { key: 'd14', ms: 14 * DAY_MS },
  { key: 'd30', ms: 30 * DAY_MS },
] as const;

export type TimerKey = (typeof TIMER_CHOICES)[number]['key'];

/** The default choice (7 days). */
export const DEFAULT_TIMER: TimerKey = TIMER_CHOICES.find((c) => c.ms === DEFAULT_CIRCLE_TIMER_MS)?.key ?? 'd7';

/** The label key for a timer: the largest choice not longer than `ms`. */
export function timerKeyOf(ms: number): TimerKey {
  let best: TimerKey = 'h1';
  for (const c of TIMER_CHOICES) if (c.ms <= ms) best = c.key;
  return best;
}

/** Milliseconds for a timer key (the default for anything unknown). */
export function timerMsOf(key: string): number {
  return (TIMER_CHOICES.find((c) => c.key === key) ?? TIMER_CHOICES[4]).ms;
}

/** A row of the message list: a day separator or a message. */
export type ChatRow = Readonly<{ kind: 'day'; day: string; at: number }> | Readonly<{ kind: 'message'; message: StoredMessage }>;

/**
 * The local calendar day of `ms` as `YYYY-MM-DD`, for a time zone
 * `offsetMinutes` east of UTC (Taiwan: 480).
 */
export function localDay(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Messages with a separator before the first message of each day. */
export function withDaySeparators(messages: readonly StoredMessage[], offsetMinutes: number): ChatRow[] {
  const rows: ChatRow[] = [];
  let last: string | undefined;
  for (const message of messages) {
    const day = localDay(message.sentAt, offsetMinutes);
    if (day !== last) rows.push({ kind: 'day', day, at: message.sentAt });
    last = day;
    rows.push({ kind: 'message', message });
  }
  return rows;
}

/** What the composer does with a draft before sending it. */
export type ComposerGate =
  | Readonly<{ step: 'crisis' }>
  | Readonly<{ step: 'pii'; kind: PiiKind }>
  | Readonly<{ step: 'send' }>;

/**
 * The gentle checks before sending, in order: a draft at `high` or above
 * first asks 「你現在安全嗎？」, then one that looks like it holds contact
 * details or a price names the kind. Neither ever blocks: each has a
 * "send anyway". `acknowledged` lists the checks already passed for this draft.
 */
export function composerGate(
  tier: 'none' | 'concern' | 'high' | 'imminent',
  piiKinds: readonly PiiKind[],
  acknowledged: ReadonlySet<'crisis' | 'pii'>,
): ComposerGate {
  if ((tier === 'high' || tier === 'imminent') && !acknowledged.has('crisis')) return { step: 'crisis' };
  const kind = piiKinds[0];
  if (kind !== undefined && !acknowledged.has('pii')) return { step: 'pii', kind };
  return { step: 'send' };
}

/** A short, stable stand-in for a member whose pseudonym has not arrived yet. */
export function shortId(memberId: string): string {
  return memberId.slice(0, 4);
}
