/** What the steward picks for one member. */
export type ResponderChoice = Readonly<{
  role: 'none' | 'night-watcher' | 'professional';
  verified: boolean;
  caseloadCap: number;
}>;

/** Highest caseload cap the server accepts. */
export const MAX_CASELOAD_CAP = 10;

/**
 * The body of `PUT watchResponder` for a choice, or `undefined` when the
 * member should be taken off the night watch (`DELETE`). Only professionals
 * carry the verified badge; the cap is clamped to 1–10.
 */
export function responderBody(
  choice: ResponderChoice,
): Readonly<{ role: 'night-watcher' | 'professional'; verified: boolean; caseloadCap: number }> | undefined {
  if (choice.role === 'none') return undefined;
  const cap = Number.isFinite(choice.caseloadCap) ? Math.min(MAX_CASELOAD_CAP, Math.max(1, Math.round(choice.caseloadCap))) : 2;
  return { role: choice.role, verified: choice.role === 'professional' && choice.verified, caseloadCap: cap };
}

/** What the steward's form starts from: the responder's current role, badge and limit, or "member". */
export function choiceOf(current: Readonly<{ role: 'night-watcher' | 'professional'; verified: boolean; caseloadCap: number }> | undefined): ResponderChoice {
  if (current === undefined) return { role: 'none', verified: false, caseloadCap: 2 };
  return { role: current.role, verified: current.verified, caseloadCap: current.caseloadCap };
}

/**
 * One row of the "who keeps watch" table: the responder with the pseudonym
 * the members list already shows stewards (a short account id when the
 * members list has not loaded or no longer has them).
 */
export type TeamRow<R> = Readonly<{ responder: R; pseudonym: string | undefined }>;

/** The responders joined with the members' pseudonyms, in the members list's order, unknown ones last. */
export function teamRows<R extends Readonly<{ accountId: string }>>(
  responders: readonly R[],
  members: readonly Readonly<{ accountId: string; pseudonym: string }>[],
): TeamRow<R>[] {
  const order = new Map(members.map((m, i) => [m.accountId, i]));
  const names = new Map(members.map((m) => [m.accountId, m.pseudonym]));
  return [...responders]
    .sort((a, b) => (order.get(a.accountId) ?? members.length) - (order.get(b.accountId) ?? members.length))
    .map((responder) => ({ responder, pseudonym: names.get(responder.accountId) }));
}
