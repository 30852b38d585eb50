import type { SafetyRecords } from '../safety/index.js';

/**
 * What opening a two-person conversation needs from the circles feature: an
 * unlisted circle created on this device (MLS, end-to-end encrypted) and the
 * member added to it with a commit. The circles client has these shapes
 * (`createCircle`, `addMember`); it is passed in once the circles feature
 * exports it.
 */
export interface ConversationPort {
  createCircle(input: NewConversation): Promise<string>;
  addMember(circleId: string, accountId: string): Promise<void>;
}

/** The circle a night-watch conversation is: unlisted, disappearing, with a neutral pseudonym. */
export type NewConversation = Readonly<{ name: string; topic: string; rules: string; timerMs: number; listed: false; pseudonym: string; purpose: 'night-watch' }>;

/** How long messages of a night-watch conversation last (the circles default). */
export const CONVERSATION_TIMER_MS = 7 * 24 * 60 * 60 * 1000;

/** Vault key remembering which conversation belongs to which request, so it is opened once. */
export const CONVERSATION_PREFIX = 'safety.watch-conversation.';

/**
 * Open (once) the private conversation for an accepted request: create an
 * unlisted circle and add the member. A failed add can be retried with the
 * same circle. Returns the circle id.
 */
export async function openWatchConversation(
  port: ConversationPort,
  records: SafetyRecords,
  requestId: string,
  memberAccountId: string,
  labels: Readonly<{ name: string; pseudonym: string }>,
): Promise<string> {
  const key = `${CONVERSATION_PREFIX}${requestId}`;
  const known = await records.get<{ circleId?: unknown; added?: unknown }>(key);
  let circleId = typeof known?.circleId === 'string' ? known.circleId : undefined;
  if (circleId !== undefined && known?.added === true) return circleId;
  // The circle is remembered before the add, so a retry after a failed add reuses it.
  if (circleId === undefined) {
    circleId = await port.createCircle({
      name: labels.name,
      topic: '',
      rules: '',
      timerMs: CONVERSATION_TIMER_MS,
      listed: false,
      pseudonym: labels.pseudonym,
      purpose: 'night-watch',
    });
    await records.put(key, { circleId, added: false });
  }
  await port.addMember(circleId, memberAccountId);
  await records.put(key, { circleId, added: true });
  return circleId;
}
