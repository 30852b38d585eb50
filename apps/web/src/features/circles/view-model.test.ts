import { describe, expect, it } from 'vitest';
import { keepMessages, type StoredMessage } from './records.js';
import { composerGate, DEFAULT_TIMER, localDay, TIMER_CHOICES, timerKeyOf, timerMsOf, withDaySeparators } from './view-model.js';

const msg = (id: string, sentAt: number): StoredMessage => ({ id, sender: 'a', text: id, sentAt, mine: false });

describe('timers', () => {
  it('offers 1 hour to 30 days with 7 days as the default', () => {
    expect(TIMER_CHOICES[0].ms).toBe(3_600_000);
    expect(TIMER_CHOICES.at(-1)?.ms).toBe(30 * 86_400_000);
    expect(DEFAULT_TIMER).toBe('d7');
    expect(timerMsOf('d7')).toBe(7 * 86_400_000);
    expect(timerMsOf('nonsense')).toBe(7 * 86_400_000);
  });
  it('labels any timer by the largest choice not longer than it', () => {
    expect(timerKeyOf(7 * 86_400_000)).toBe('d7');
    expect(timerKeyOf(8 * 86_400_000)).toBe('d7');
    expect(timerKeyOf(3_600_000)).toBe('h1');
  });
});

describe('day separators', () => {
  it('puts one separator before the first message of each local day', () => {
    // 2026-11-20 15:30 UTC is already 23:30 in Taiwan; 16:30 UTC is the next day there.
    const a = Date.UTC(2026, 10, 20, 15, 0);
    const b = Date.UTC(2026, 10, 20, 15, 30);
    const c = Date.UTC(2026, 10, 20, 16, 30);
    const rows = withDaySeparators([msg('a', a), msg('b', b), msg('c', c)], 480);
    expect(rows.map((r) => (r.kind === 'day' ? r.day : r.message.id))).toEqual(['2026-11-20', 'a', 'b', '2026-11-21', 'c']);
    expect(withDaySeparators([msg('a', a), msg('c', c)], 0).filter((r) => r.kind === 'day')).toHaveLength(1);
    expect(localDay(c, 480)).toBe('2026-11-21');
  });
});

describe('composer gate', () => {
  it('asks about safety first for high or imminent drafts, then names contact details, and never blocks', () => {
    expect(composerGate('high', ['phone'], new Set())).toEqual({ step: 'crisis' });
    expect(composerGate('imminent', [], new Set())).toEqual({ step: 'crisis' });
    expect(composerGate('high', ['phone'], new Set(['crisis']))).toEqual({ step: 'pii', kind: 'phone' });
    expect(composerGate('concern', ['price', 'phone'], new Set())).toEqual({ step: 'pii', kind: 'price' });
    expect(composerGate('high', ['phone'], new Set(['crisis', 'pii']))).toEqual({ step: 'send' });
    expect(composerGate('none', [], new Set())).toEqual({ step: 'send' });
  });
});

describe('disappearing on the device', () => {
  it('keeps messages inside the timer, and my unsent ones whatever their age', () => {
    const now = 10 * 3_600_000;
    const old = { ...msg('old', now - 2 * 3_600_000) };
    const fresh = { ...msg('fresh', now - 10 * 60_000) };
    const waiting = { ...msg('waiting', now - 5 * 3_600_000), mine: true, delivery: 'sending' as const };
    expect(keepMessages([old, waiting, fresh], 3_600_000, now).map((m) => m.id)).toEqual(['waiting', 'fresh']);
  });
});
