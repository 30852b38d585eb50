import type { WatchRequestView, WatchStatusView, WatchTier } from '@lamplight/protocol';
import { SAFETY_KEYS, type SafetyRecords } from './records.js';

/** What the member's screen shows for their request. */
export type RequestPhase = 'handoff' | 'waiting' | 'accompanied' | 'closed' | 'cancelled';

/**
 * The phase of a request as the member sees it. A hand-off (nobody on duty,
 * or the ladder reached the hotlines) shows the hotlines and the script at
 * once, while the request stays open in case someone comes on watch.
 */
export function phaseOf(view: Pick<WatchRequestView, 'status' | 'handoff'>): RequestPhase {
  switch (view.status) {
    case 'cancelled':
      return 'cancelled';
    case 'closed':
      return 'closed';
    case 'accepted':
      return 'accompanied';
    case 'waiting':
      return view.handoff ? 'handoff' : 'waiting';
  }
}

/** Whether the screen should keep asking the server for news. */
export function isOpen(phase: RequestPhase): boolean {
  return phase === 'waiting' || phase === 'handoff' || phase === 'accompanied';
}

/** The gentle three-way question, mildest first; each answer is a tier. */
export const TIER_CHOICES: readonly Readonly<{ tier: WatchTier; key: 'tierConcern' | 'tierHigh' | 'tierImminent' }>[] = [
  { tier: 'concern', key: 'tierConcern' },
  { tier: 'high', key: 'tierHigh' },
  { tier: 'imminent', key: 'tierImminent' },
];

/** What the status line says: someone on watch, or nobody and maybe when the next shift starts. */
export type WatchAvailability =
  | Readonly<{ kind: 'on-duty'; count: number }>
  | Readonly<{ kind: 'nobody'; nextShiftStartsAt: number | undefined }>;

/** Read the server's status for the status line. */
export function availabilityOf(status: WatchStatusView): WatchAvailability {
  if (status.onDutyNow > 0) return { kind: 'on-duty', count: status.onDutyNow };
  return { kind: 'nobody', nextShiftStartsAt: status.nextShiftStartsAt };
}

/** The member's open request, remembered in the vault so a reload finds it again. */
export type OpenRequest = Readonly<{ requestId: string; createdAt: number }>;

/** Read the remembered request from whatever the vault held. */
export function parseOpenRequest(value: unknown): OpenRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { requestId, createdAt } = value as Record<string, unknown>;
  if (typeof requestId !== 'string' || requestId.length === 0 || typeof createdAt !== 'number') return undefined;
  return { requestId, createdAt };
}

/** Remember the open request. */
export async function rememberRequest(records: SafetyRecords, request: OpenRequest): Promise<void> {
  await records.put(SAFETY_KEYS.openRequest, request);
}

/** The remembered open request, if any. */
export async function loadOpenRequest(records: SafetyRecords): Promise<OpenRequest | undefined> {
  return parseOpenRequest(await records.get(SAFETY_KEYS.openRequest));
}

/** Forget the request (it ended, or the member started over). */
export async function forgetRequest(records: SafetyRecords): Promise<void> {
  await records.delete(SAFETY_KEYS.openRequest);
}
