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
