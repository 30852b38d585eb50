import { MAX_SHIFT_LEAD_MS } from '@lamplight/protocol';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { describe, expect, it } from 'vitest';
import { choiceOf, responderBody, teamRows } from './admin.js';
import { burnoutBand, burnoutTotal, burnoutTrend, makeBurnoutCheck, parseBurnoutCheck } from './burnout.js';
import { memoryRecords } from '../safety/fake-records.test-helper.js';
import { openWatchConversation, type NewConversation } from './conversation.js';
import { checkDrafts, newDraft, toDrafts } from './directory-edit.js';
import { EMPTY_DEBRIEF, makeDebrief, parseDebrief } from './debrief.js';
import { addShift, coversNow, parseLocalDateTime, removeShift, toLocalDateTime, upcomingShifts, waitingMinutes } from './shifts.js';

const H = 60 * 60 * 1000;
const NOW = new Date(2026, 10, 21, 22, 7).getTime();

describe('shifts', () => {
  it('reads and writes datetime-local values in local time', () => {
    expect(parseLocalDateTime('2026-11-21T22:05')).toBe(new Date(2026, 10, 21, 22, 5).getTime());
    expect(toLocalDateTime(NOW)).toBe('2026-11-21T22:05');
    expect(parseLocalDateTime('2026-02-30T10:00')).toBeUndefined();
    expect(parseLocalDateTime('tonight')).toBeUndefined();
  });

  it('adds a shift covering now and keeps the list in start order without ended ones', () => {
    const ended = { startsAt: NOW - 5 * H, endsAt: NOW - 4 * H };
    const later = { startsAt: NOW + 10 * H, endsAt: NOW + 12 * H };
    const r = addShift([later, ended], NOW - 2 * 60_000, 4, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.shifts).toEqual([{ startsAt: NOW - 2 * 60_000, endsAt: NOW - 2 * 60_000 + 4 * H }, later]);
    expect(coversNow(r.shifts, NOW)).toBe(true);
    expect(coversNow([later], NOW)).toBe(false);
  });

  it('refuses overlaps, shifts already over, too long or too far ahead', () => {
    const existing = [{ startsAt: NOW, endsAt: NOW + 4 * H }];
    expect(addShift(existing, NOW + 3 * H, 2, NOW)).toEqual({ ok: false, error: 'overlap' });
    expect(addShift(existing, NOW + 4 * H, 2, NOW).ok).toBe(true);
    expect(addShift([], NOW - 3 * H, 2, NOW)).toEqual({ ok: false, error: 'already-over' });
    expect(addShift([], NOW, 17, NOW)).toEqual({ ok: false, error: 'too-long' });
    expect(addShift([], NOW + MAX_SHIFT_LEAD_MS + 1, 1, NOW)).toEqual({ ok: false, error: 'too-far' });
    expect(addShift([], undefined, 1, NOW)).toEqual({ ok: false, error: 'bad-start' });
  });

  it('removes one shift and drops ended ones', () => {
    const a = { startsAt: NOW + H, endsAt: NOW + 2 * H };
    const b = { startsAt: NOW + 3 * H, endsAt: NOW + 4 * H };
    const old = { startsAt: NOW - 3 * H, endsAt: NOW - 2 * H };
    expect(removeShift([a, b, old], a, NOW)).toEqual([b]);
    expect(upcomingShifts([b, a, old], NOW)).toEqual([a, b]);
  });

  it('counts waiting minutes, never negative', () => {
    expect(waitingMinutes(NOW - 125_000, NOW)).toBe(2);
    expect(waitingMinutes(NOW + 5_000, NOW)).toBe(0);
  });
});

describe('debrief', () => {
  it('needs at least one answer and trims them', () => {
    expect(makeDebrief(EMPTY_DEBRIEF, 1, 'imminent')).toEqual({ ok: false, error: 'empty' });
    const r = makeDebrief({ ...EMPTY_DEBRIEF, felt: '  tired  ', whoseNeed: 'mine' }, 5, 'imminent');
    expect(r).toEqual({ ok: true, debrief: { at: 5, tier: 'imminent', happened: '', felt: 'tired', whoseNeed: 'mine', letGo: '' } });
    expect(makeDebrief({ ...EMPTY_DEBRIEF, happened: 'x'.repeat(2001) }, 1, undefined)).toEqual({ ok: false, error: 'too-long' });
  });

  it('reads back only well-formed records', () => {
    const r = makeDebrief({ ...EMPTY_DEBRIEF, letGo: 'fixing it' }, 9, undefined);
    if (!r.ok) throw new Error(r.error);
    expect(parseDebrief(JSON.parse(JSON.stringify(r.debrief)))).toEqual(r.debrief);
    expect(parseDebrief({ ...r.debrief, whoseNeed: 'nobody' })).toBeUndefined();
  });
});

describe('burnout self-check', () => {
  it('needs every answer in range', () => {
    expect(makeBurnoutCheck([0, 1, 2, 3], 1)).toBeUndefined();
    expect(makeBurnoutCheck([0, 1, 2, 3, 4], 1)).toBeUndefined();
    expect(makeBurnoutCheck([0, 1, undefined, 3, 1], 1)).toBeUndefined();
    const c = makeBurnoutCheck([0, 1, 2, 3, 1], 1);
    expect(c && burnoutTotal(c)).toBe(7);
    expect(parseBurnoutCheck(c)).toEqual(c);
  });

  it('bands and trends', () => {
    expect([0, 4, 5, 9, 10, 15].map(burnoutBand)).toEqual(['ok', 'ok', 'watch', 'watch', 'rest', 'rest']);
    const a = { at: 1, answers: [1, 1, 1, 1, 1] };
    const b = { at: 2, answers: [2, 2, 2, 2, 2] };
    expect(burnoutTrend([a])).toBe('first');
    expect(burnoutTrend([b, a])).toBe('up');
    expect(burnoutTrend([{ ...a, at: 3 }, b])).toBe('down');
  });
});

describe('steward choices', () => {
  it('takes a member off the night watch with no body, and only professionals carry the badge', () => {
    expect(responderBody({ role: 'none', verified: true, caseloadCap: 2 })).toBeUndefined();
    expect(responderBody({ role: 'night-watcher', verified: true, caseloadCap: 3 })).toEqual({ role: 'night-watcher', verified: false, caseloadCap: 3 });
    expect(responderBody({ role: 'professional', verified: true, caseloadCap: 40 })).toEqual({ role: 'professional', verified: true, caseloadCap: 10 });
    expect(responderBody({ role: 'professional', verified: false, caseloadCap: Number.NaN })?.caseloadCap).toBe(2);
  });
});

describe('who keeps watch', () => {
  it('starts the steward’s form from the responder’s current role, badge and limit', () => {
    expect(choiceOf(undefined)).toEqual({ role: 'none', verified: false, caseloadCap: 2 });
    expect(choiceOf({ role: 'professional', verified: true, caseloadCap: 4 })).toEqual({ role: 'professional', verified: true, caseloadCap: 4 });
  });

  it('puts the pseudonym stewards already see beside each responder, in the members list’s order', () => {
    const members = [
      { accountId: 'a', pseudonym: 'Lantern' },
      { accountId: 'b', pseudonym: 'Owl' },
    ];
    const rows = teamRows([{ accountId: 'zz' }, { accountId: 'b' }, { accountId: 'a' }], members);
    expect(rows.map((r) => [r.responder.accountId, r.pseudonym])).toEqual([
      ['a', 'Lantern'],
      ['b', 'Owl'],
      ['zz', undefined],
    ]);
  });
});

describe('directory editor', () => {
  it('round-trips the Taiwan directory through the form and the schema', () => {
    const r = checkDrafts(TAIWAN_DIRECTORY.region, toDrafts(TAIWAN_DIRECTORY));
    expect(r).toEqual({ ok: true, directory: TAIWAN_DIRECTORY });
  });

  it('reports what is missing in a new entry, and accepts it once filled in', () => {
    const drafts = toDrafts(TAIWAN_DIRECTORY);
    const blank = newDraft(drafts);
    expect(drafts.some((d) => d.id === blank.id)).toBe(false);
    const bad = checkDrafts('TW', [...drafts, blank]);
    expect(bad.ok).toBe(false);
    const filled = { ...blank, nameZh: '測試', nameEn: 'Test', dial: '02-1234-5678', always: true, purposeZh: '說說話', purposeEn: 'Talk' };
    const good = checkDrafts('TW', [...drafts, filled]);
    expect(good.ok && good.directory.entries.at(-1)).toEqual({
      id: blank.id,
      name: { 'zh-TW': '測試', en: 'Test' },
      dial: '02-1234-5678',
      hours: { always: true },
      purpose: { 'zh-TW': '說說話', en: 'Talk' },
      kinds: ['support'],
      footer: false,
    });
  });

  it('refuses a directory with no dialable line in the footer', () => {
    const drafts = toDrafts(TAIWAN_DIRECTORY).map((d) => ({ ...d, footer: false }));
    expect(checkDrafts('TW', drafts).ok).toBe(false);
  });
});

describe('night-watch conversation', () => {
  it('creates an unlisted circle, adds the member, and opens it only once per request', async () => {
    const calls: string[] = [];
    const port = {
      createCircle: (input: NewConversation) => {
        calls.push(`create:${input.listed}:${input.pseudonym}`);
        return Promise.resolve('c1');
      },
      addMember: (circleId: string, accountId: string) => {
        calls.push(`add:${circleId}:${accountId}`);
        return Promise.resolve();
      },
    };
    const records = memoryRecords();
    const labels = { name: 'Night watch', pseudonym: 'Night-watcher' };
    expect(await openWatchConversation(port, records, 'r1', 'm1', labels)).toBe('c1');
    expect(await openWatchConversation(port, records, 'r1', 'm1', labels)).toBe('c1');
    expect(calls).toEqual(['create:false:Night-watcher', 'add:c1:m1']);
  });

  it('retries a failed add in the same circle', async () => {
    let creates = 0;
    let adds = 0;
    const port = {
      createCircle: () => Promise.resolve(`c${++creates}`),
      addMember: () => (++adds === 1 ? Promise.reject(new Error('busy')) : Promise.resolve()),
    };
    const records = memoryRecords();
    const labels = { name: 'n', pseudonym: 'p' };
    await expect(openWatchConversation(port, records, 'r1', 'm1', labels)).rejects.toThrow('busy');
    expect(await openWatchConversation(port, records, 'r1', 'm1', labels)).toBe('c1');
    expect([creates, adds]).toEqual([1, 2]);
  });
});
