import { DAY_MS } from '@lamplight/domain';
import type { Store } from '@lamplight/storage';
import type { Logger } from './log/logger.js';
import type { WatchService } from './watch/service.js';


/** How long spent invitations stay (the weekly quota counts them). */
export const INVITATION_RETENTION_MS = 8 * DAY_MS;

/**
 * One pass of retention: expired sessions, challenges and device links go;
 * inviter links are erased when probation ends; old invitations are purged.
 */
export async function sweepOnce(store: Store, now: number): Promise<number> {
  return store.transact(async (tx) => {
    const expired = await tx.auth.sweepExpired(now);
    const links = await tx.accounts.eraseInviterLinksAfterProbation(now);
    const invitations = await tx.invitations.purgeClosed(now - INVITATION_RETENTION_MS);
    const circles = await tx.circles.sweepExpired(now);
    return expired + links + invitations + circles;
  });
}

/** Run {@link sweepOnce} every `intervalMs` until stopped. Failures are logged and retried next time. */
export function startSweeper(store: Store, now: () => number, logger: Logger, watch?: WatchService, intervalMs = 60_000): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    sweepOnce(store, now())
      .then(() => watch?.prune(now()))
      .catch((err: unknown) => logger.warn({ err }, 'retention sweep failed; will retry'))
      .finally(() => (running = false));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}

/**
 * Move the night watch's clock: every second, apply a tick when a ladder
 * deadline has passed (unanswered requests climb the ladder on time).
 */
export function startWatchTicker(watch: WatchService, now: () => number, logger: Logger, intervalMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    watch
      .tickIfDue(now())
      .catch((err: unknown) => logger.warn({ err }, 'night-watch tick failed; will retry'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
