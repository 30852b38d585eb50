import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (for waiting times and shift states). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A short local date and time. */
export function shortTime(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-Hant-TW', { month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}
