import { useEffect, useRef } from 'react';
import { useCirclesClient } from '../circles/index.js';

/**
 * How often night-watch screens ask again without a nudge: only a fallback
 * for a dropped socket, or a tab where another tab holds the connection.
 */
export const WATCH_FALLBACK_POLL_MS = 20_000;

/**
 * While `active`, call `refetch` whenever the server nudges this account
 * about the night watch (a contentless `{t:'watch'}` frame on the circles
 * client's WebSocket, which is open whenever a profile with an account is
 * unlocked), when that socket is ready again after a drop, and every
 * {@link WATCH_FALLBACK_POLL_MS} in case a nudge was lost.
 */
export function useWatchNudges(refetch: () => void, active: boolean): void {
  const client = useCirclesClient();
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  }, [refetch]);
  useEffect(() => {
    if (!active) return;
    const off = client?.onWatchNudge(() => latest.current());
    const timer = window.setInterval(() => latest.current(), WATCH_FALLBACK_POLL_MS);
    return () => {
      off?.();
      window.clearInterval(timer);
    };
  }, [client, active]);
}
