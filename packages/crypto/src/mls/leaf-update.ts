/** Each member commits a fresh leaf key at least this often (24 hours). */
export const LEAF_UPDATE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a member whose last leaf update was at `lastUpdateMs` should make
 * an update commit now. A clock that went backwards counts as due, so a
 * wrong clock cannot postpone the update forever.
 */
export function needsLeafUpdate(lastUpdateMs: number, nowMs: number): boolean {
  if (!Number.isFinite(lastUpdateMs) || !Number.isFinite(nowMs)) return true;
  const elapsed = nowMs - lastUpdateMs;
  return elapsed < 0 || elapsed >= LEAF_UPDATE_INTERVAL_MS;
}
