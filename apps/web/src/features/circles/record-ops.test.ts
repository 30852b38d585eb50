import { describe, expect, it } from 'vitest';
import { decodeEnvelope, decodeWelcomeEnvelope, encodeEnvelope, encodeWelcomeEnvelope, WELCOME_ENVELOPE_V1 } from './envelope.js';
import { applyEnvelope, commitFrame, moderatorRecord } from './record-ops.js';
import type { CircleRecord, StoredPendingCommit } from './records.js';

const identity = { memberId: 'aaaa', publicKey: 'cHVi', privateKey: 'cHJpdg' };
const base = (role: 'member' | 'moderator'): CircleRecord => ({
  ...moderatorRecord('00000000-0000-4000-8000-000000000001', identity, { name: 'n', topic: 't', rules: 'r', timerMs: 3_600_000, listed: false, pseudonym: 'me' }, 'acct', 0),
  role,
});

describe('applyEnvelope', () => {
  it('lets only moderators rename the circle or name others; a member may name only itself', () => {
    const meta = { type: 'meta', meta: { name: 'taken over', pseudonyms: { bbbb: 'B', cccc: 'not B’s to give' } }, sentAt: 1 } as const;
    const byMember = applyEnvelope(base('member'), false, 'bbbb', meta, 5).rec;
    expect(byMember.name).toBe('n');
    expect(byMember.pseudonyms).toEqual({ aaaa: 'me', bbbb: 'B' });
    const byModerator = applyEnvelope(base('member'), true, 'bbbb', meta, 5).rec;
    expect(byModerator.name).toBe('taken over');
    expect(byModerator.pseudonyms['cccc']).toBe('not B’s to give');
  });

  it('only a moderator can mark a circle as a night-watch conversation', () => {
    const mark = { type: 'meta', meta: { purpose: 'night-watch' }, sentAt: 1 } as const;
    expect(applyEnvelope(base('member'), false, 'bbbb', mark, 6).rec.purpose).toBeUndefined();
    expect(applyEnvelope(base('member'), true, 'bbbb', mark, 6).rec.purpose).toBe('night-watch');
    expect(decodeEnvelope(encodeEnvelope(mark))).toEqual(mark);
    expect(decodeEnvelope(encodeEnvelope({ type: 'meta', meta: { purpose: 'other' as 'night-watch' }, sentAt: 1 }))).toEqual({ type: 'meta', meta: {}, sentAt: 1 });
  });

  it('keeps reports only on moderators’ devices, and acts on a check-in ask only when it names me', () => {
    const report = { type: 'report', text: 'hurtful', about: 'cccc', sentAt: 1 } as const;
    expect(applyEnvelope(base('member'), false, 'bbbb', report, 7).rec.reports).toEqual([]);
    expect(applyEnvelope(base('moderator'), false, 'bbbb', report, 7).rec.reports).toEqual([{ id: 'r7', reporter: 'bbbb', about: 'cccc', text: 'hurtful', at: 1 }]);
    expect(applyEnvelope(base('member'), false, 'bbbb', { type: 'check-in-ask', to: 'aaaa', sentAt: 1 }, 8).effect).toEqual({ kind: 'peer-ask' });
    expect(applyEnvelope(base('member'), false, 'bbbb', { type: 'check-in-ask', to: 'cccc', sentAt: 1 }, 8).effect).toBeUndefined();
  });

  it('a text becomes a message to read for risk; a leaving member is removed by a moderator only', () => {
    const r = applyEnvelope(base('member'), false, 'bbbb', { type: 'text', text: 'hi', sentAt: 3 }, 9);
    expect(r.rec.messages).toEqual([{ id: 's9', seq: 9, sender: 'bbbb', text: 'hi', sentAt: 3, mine: false }]);
    expect(r.effect).toEqual({ kind: 'detect', messageId: 's9', text: 'hi' });
    const leaving = { type: 'meta', meta: { leaving: true }, sentAt: 1 } as const;
    expect(applyEnvelope(base('moderator'), false, 'bbbb', leaving, 10).effect).toEqual({ kind: 'remove', memberId: 'bbbb' });
    expect(applyEnvelope(base('member'), false, 'bbbb', leaving, 10).effect).toBeUndefined();
  });
});

describe('envelopes', () => {
  it('round-trip, and anything malformed is dropped rather than shown raw', () => {
    const env = { type: 'text', text: '睡不著', sentAt: 5 } as const;
    expect(decodeEnvelope(encodeEnvelope(env))).toEqual(env);
    const enc = new TextEncoder();
    expect(decodeEnvelope(enc.encode('{"type":"text","sentAt":1}'))).toBeUndefined();
    expect(decodeEnvelope(enc.encode('{"type":"html","text":"<b>","sentAt":1}'))).toBeUndefined();
    expect(decodeEnvelope(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
    expect(decodeEnvelope(enc.encode(JSON.stringify({ type: 'meta', meta: { pseudonyms: { 'not-hex': 'x', abcd: 'ok' } }, sentAt: 1 })))).toEqual({
      type: 'meta',
      meta: { pseudonyms: { abcd: 'ok' } },
      sentAt: 1,
    });
  });

  it('a commit frame carries each newcomer’s welcome with the signed roster and moderator keys', () => {
    const p: StoredPendingCommit = {
      clientId: 'client-id-0000000001',
      kind: 'add',
      epoch: 2,
      commit: 'Y29tbWl0',
      welcome: 'd2VsY29tZQ',
      roster: 'cm9zdGVy',
      state: 'c3RhdGU',
      adds: [{ accountId: '00000000-0000-4000-8000-0000000000bb', keyPackage: 'a3A', ref: 'ref1', memberId: 'bbbb' }],
    };
    const frame = commitFrame({ ...base('moderator'), lastSeq: 12 }, p);
    expect(frame.adds).toEqual([{ accountId: '00000000-0000-4000-8000-0000000000bb', role: 'member' }]);
    const w = frame.welcomes?.[0];
    const decoded = decodeWelcomeEnvelope(Uint8Array.from(atob(w?.mls.replace(/-/gu, '+').replace(/_/gu, '/') ?? ''), (c) => c.charCodeAt(0)));
    expect(decoded).toMatchObject({ v: WELCOME_ENVELOPE_V1, kp: 'ref1', after: 12, timerMs: 3_600_000 });
    expect(new TextDecoder().decode(decoded?.welcome)).toBe('welcome');
    expect(new TextDecoder().decode(decoded?.roster)).toBe('roster');
    expect(decodeWelcomeEnvelope(encodeWelcomeEnvelope({ ...decoded!, moderators: [] }))).toBeUndefined();
  });
});
