import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageLedger, SeqTracker, expectedBelow } from './ledger.js';

describe('S5 message ledger', () => {
  it('counts the messages of one circle below a limit', () => {
    // 3 circles, messages 0..9: circle 1 gets 1, 4, 7.
    expect(expectedBelow(10, 3, 1)).toBe(3);
    expect(expectedBelow(10, 3, 0)).toBe(4);
    expect(expectedBelow(1, 3, 1)).toBe(0);
    expect(expectedBelow(0, 3, 0)).toBe(0);
    expect(expectedBelow(10, 3, 3)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), fc.nat(39), (limit, circles, c) => {
        const circle = c % circles;
        let n = 0;
        for (let k = 0; k < limit; k++) if (k % circles === circle) n++;
        expect(expectedBelow(limit, circles, circle)).toBe(n);
      }),
    );
  });

  it('finds the missing, the duplicated and the unexpected', () => {
    const l = new MessageLedger(12, 4, 2); // owed: 2, 6, 10
    expect(l.receive(2)).toBe('new');
    expect(l.receive(2)).toBe('duplicate');
    expect(l.receive(3)).toBe('unexpected'); // another circle's
    expect(l.receive(14)).toBe('unexpected'); // beyond the phase
    expect(l.receive(10)).toBe('new');
    expect(l.complete()).toBe(false);
    expect(l.summary()).toEqual({ expected: 3, received: 2, missing: 1, duplicates: 1, unexpected: 2 });
    l.receive(6);
    expect(l.complete()).toBe(true);
    expect(l.summary().missing).toBe(0);
  });

  it('knows when the backlog below a mark is complete, whatever arrived before the mark was set', () => {
    const l = new MessageLedger(20, 2, 0); // owed: 0, 2, …, 18
    l.receive(0);
    l.receive(2);
    l.setMark(9); // the backlog: 0, 2, 4, 6, 8
    expect(l.owedBelowMark()).toBe(5);
    expect(l.receivedBelowMark()).toBe(2);
    expect(l.completeBelowMark()).toBe(false);
    l.receive(12); // live, above the mark
    l.receive(4);
    l.receive(6);
    l.receive(4); // a repeat does not count twice
    expect(l.completeBelowMark()).toBe(false);
    l.receive(8);
    expect(l.completeBelowMark()).toBe(true);
    expect(l.complete()).toBe(false);
  });

  it('agrees with a plain set on any receipt order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 200 }), fc.integer({ min: 0, max: 70 }), (ks, mark) => {
        const total = 60;
        const circles = 5;
        const circle = 3;
        const l = new MessageLedger(total, circles, circle);
        const [before, after] = [ks.slice(0, ks.length / 2), ks.slice(ks.length / 2)];
        for (const k of before) l.receive(k);
        l.setMark(mark);
        for (const k of after) l.receive(k);
        const owed = ks.filter((k) => k >= 0 && k < total && k % circles === circle);
        const distinct = new Set(owed);
        const s = l.summary();
        expect(s.received).toBe(distinct.size);
        expect(s.duplicates).toBe(owed.length - distinct.size);
        expect(s.unexpected).toBe(ks.length - owed.length);
        expect(s.missing).toBe(12 - distinct.size);
        expect(l.receivedBelowMark()).toBe([...distinct].filter((k) => k < Math.min(mark, total)).length);
      }),
    );
  });
});

describe('S5 sequence tracker', () => {
  it('starts at the first entry and counts skipped and repeated sequence numbers', () => {
    const t = new SeqTracker();
    expect(t.last(7)).toBe(7);
    for (const s of [41, 42, 43, 45, 45, 44, 48]) t.observe(s);
    expect(t.last()).toBe(48);
    expect(t.gaps).toBe(1 + 2); // 44 (skipped at 45, later arrived out of order), 46, 47
    expect(t.repeats).toBe(2); // the second 45, the late 44
  });

  it('sees a clean resume as clean', () => {
    const t = new SeqTracker();
    for (let s = 1; s <= 100; s++) t.observe(s);
    expect([t.gaps, t.repeats, t.last()]).toEqual([0, 0, 100]);
  });
});
