/**
 * The invitation secret read from `/join#…`, kept in memory only, so the
 * fragment can leave the address bar at once and the member can still
 * read the privacy page and come back to the form.
 */
let pending: string | undefined;

/** Remember the secret from the link. */
export function rememberInvitation(secret: string): void {
  pending = secret;
}

/** The remembered secret, if any. */
export function pendingInvitation(): string | undefined {
  return pending;
}

/** Forget it (after joining, or on quick exit). */
export function forgetInvitation(): void {
  pending = undefined;
}
