import type { WatchTier } from '@lamplight/protocol';

/** Whose need the responder felt they were meeting. */
export const WHOSE_NEED = ['theirs', 'mine', 'both', 'unsure'] as const;
export type WhoseNeed = (typeof WHOSE_NEED)[number];

/** A short debrief after a hard conversation; kept only in the responder's own vault. */
export type Debrief = Readonly<{
  at: number;
  tier: WatchTier | undefined;
  happened: string;
  felt: string;
  whoseNeed: WhoseNeed;
  letGo: string;
}>;

/** Longest answer, in characters. */
export const DEBRIEF_MAX_LENGTH = 2000;

/** What the form holds. */
export type DebriefDraft = Readonly<{ happened: string; felt: string; whoseNeed: WhoseNeed; letGo: string }>;

/** An empty form. */
export const EMPTY_DEBRIEF: DebriefDraft = { happened: '', felt: '', whoseNeed: 'unsure', letGo: '' };

/**
 * Turn the form into a record, or say why not: nothing written at all
 * (`empty`) or an answer longer than {@link DEBRIEF_MAX_LENGTH} (`too-long`).
 */
export function makeDebrief(
  draft: DebriefDraft,
  at: number,
  tier: WatchTier | undefined,
): Readonly<{ ok: true; debrief: Debrief } | { ok: false; error: 'empty' | 'too-long' }> {
  const happened = draft.happened.trim();
  const felt = draft.felt.trim();
  const letGo = draft.letGo.trim();
  if (happened === '' && felt === '' && letGo === '') return { ok: false, error: 'empty' };
  if ([happened, felt, letGo].some((s) => Array.from(s).length > DEBRIEF_MAX_LENGTH)) return { ok: false, error: 'too-long' };
  return { ok: true, debrief: { at, tier, happened, felt, whoseNeed: draft.whoseNeed, letGo } };
}

/** Read a debrief from whatever the vault held. */
export function parseDebrief(value: unknown): Debrief | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const { at, tier, happened, felt, whoseNeed, letGo } = v;
  if (typeof at !== 'number' || typeof happened !== 'string' || typeof felt !== 'string' || typeof letGo !== 'string') return undefined;
  if (!(WHOSE_NEED as readonly unknown[]).includes(whoseNeed)) return undefined;
  const t = tier === 'concern' || tier === 'high' || tier === 'imminent' ? tier : undefined;
  return { at, tier: t, happened, felt, whoseNeed: whoseNeed as WhoseNeed, letGo };
}
