import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiaryEntry } from './records.js';
import { openSnapshot, sealSnapshot } from './sealed-snapshot.js';
import { mergeSnapshots, parseSnapshot, type Snapshot } from './snapshot.js';
import { createToolkitStore, type RecordsPort } from './toolkit-store.js';

const diary = (id: string, updatedAt: number, note = 'n'): DiaryEntry => ({
  id,
  createdAt: 1,
  updatedAt,
  emotions: ['sad'],
  intensity: 3,
  triggers: [],
  body: [],
  note,
  selfTalk: '',
});
const FAST = { dangerousTestOnlyFastKdf: true } as const;

function memoryRecords(): RecordsPort & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: <T>(k: string) => Promise.resolve(map.get(k) as T | undefined),
    put: (k, v) => Promise.resolve(void map.set(k, JSON.parse(JSON.stringify(v)))),
    delete: (k) => Promise.resolve(void map.delete(k)),
    list: (p = '') => Promise.resolve([...map.keys()].filter((k) => k.startsWith(p)).sort()),
  };
}

describe('snapshots', () => {
  it('merge: newer copy wins, deletions win over older copies and lose to newer edits', () => {
    const a: Snapshot = { records: { 'toolkit.diary.x': diary('x', 5, 'old'), 'toolkit.diary.y': diary('y', 2) }, tombstones: {} };
    const b: Snapshot = { records: { 'toolkit.diary.x': diary('x', 7, 'new'), 'toolkit.diary.z': diary('z', 9) }, tombstones: { 'toolkit.diary.y': 3, 'toolkit.diary.z': 4 } };
    const m = mergeSnapshots(a, b);
    expect(Object.keys(m.records).sort()).toEqual(['toolkit.diary.x', 'toolkit.diary.z']);
    expect((m.records['toolkit.diary.x'] as DiaryEntry).note).toBe('new');
    expect(m.tombstones).toEqual({ 'toolkit.diary.y': 3 });
  });

  it('merge is commutative and idempotent', () => {
    const arb = fc.record({
      records: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 5 })),
      tombstones: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 5 })),
    });
    const toSnap = (s: { records: Record<string, number>; tombstones: Record<string, number> }): Snapshot => ({
      records: Object.fromEntries(Object.entries(s.records).map(([k, t]) => [`toolkit.diary.${k}`, diary(k, t, `${k}${t}`)])),
      tombstones: Object.fromEntries(Object.entries(s.tombstones).map(([k, t]) => [`toolkit.diary.${k}`, t])),
    });
    fc.assert(
      fc.property(arb, arb, (x, y) => {
        const a = toSnap(x);
        const b = toSnap(y);
        const ab = mergeSnapshots(a, b);
        const ba = mergeSnapshots(b, a);
        expect(Object.keys(ab.records).sort()).toEqual(Object.keys(ba.records).sort());
        for (const k of Object.keys(ab.records)) expect(ab.records[k]?.updatedAt).toBe(ba.records[k]?.updatedAt);
        expect(mergeSnapshots(ab, ab)).toEqual(ab);
      }),
    );
  });

  it('parse keeps valid records only', () => {
    const s = parseSnapshot({ records: { 'toolkit.diary.x': diary('x', 1), 'toolkit.diary.w': diary('other', 1), 'account': {}, 'toolkit.diary.q': { id: 'q' } }, tombstones: { 'toolkit.check.k': 3, bad: 1 } });
    expect(Object.keys(s?.records ?? {})).toEqual(['toolkit.diary.x']);
    expect(s?.tombstones).toEqual({ 'toolkit.check.k': 3 });
  });
});

describe('encrypted backup format', () => {
  it('round-trips through the passphrase and holds no plaintext', async () => {
    const snapshot: Snapshot = { records: { 'toolkit.diary.x': diary('x', 3, '雨天的公車站 bus stop') }, tombstones: { 'toolkit.diary.q': 2 } };
    const file = await sealSnapshot(snapshot, 'tea with lemon', FAST);
    expect(file).not.toContain('bus stop');
    expect(file).not.toContain('toolkit.diary');
    expect(JSON.parse(file)).toMatchObject({ format: 'lamplight-toolkit-backup', version: 1 });
    const back = await openSnapshot(file, 'tea with lemon', FAST);
    expect(back).toEqual({ ok: true, snapshot });
    expect(await openSnapshot(file, 'tea with honey', FAST)).toEqual({ ok: false, problem: 'wrong-secret' });
    expect(await openSnapshot('{"format":"x"}', 'tea with lemon', FAST)).toEqual({ ok: false, problem: 'not-a-backup' });
    const tampered = JSON.parse(file) as { entries: Record<string, string> };
    for (const k of Object.keys(tampered.entries)) tampered.entries[k] = 'AAAA';
    expect((await openSnapshot(JSON.stringify(tampered), 'tea with lemon', FAST)).ok).toBe(false);
  });

  it('import merges into the store without losing newer local edits', async () => {
    const port = memoryRecords();
    let now = 100;
    const store = createToolkitStore(() => port, () => now);
    await store.save('diary', diary('a', 10, 'kept'));
    await store.save('diary', diary('b', 10, 'gone soon'));
    const file = await sealSnapshot(await store.snapshot(), 'p', FAST);
    await store.save('diary', diary('a', 20, 'edited later'));
    await store.remove('diary', 'b');
    await store.deleteAll();
    expect(port.map.size).toBe(0);
    const opened = await openSnapshot(file, 'p', FAST);
    if (!opened.ok) throw new Error('did not open');
    await store.mergeIn(opened.snapshot);
    const list = await store.list<DiaryEntry>('diary');
    expect(list.map((e) => e.note).sort()).toEqual(['gone soon', 'kept']);
    now = 200;
    await store.remove('diary', 'b');
    const merged = await store.mergeIn(opened.snapshot);
    expect(Object.keys(merged.records)).toEqual(['toolkit.diary.a']);
  });
});
