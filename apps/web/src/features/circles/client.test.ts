import { API } from '@lamplight/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { CirclesClient } from './client.js';
import { FakeRelay } from './fake-relay.test-helper.js';
import { CIRCLE_KEYS } from './records.js';
import type { CircleSummary } from './summary.js';

const DAY = 86_400_000;

/** Waits for a condition on the clients' state (frames travel asynchronously). */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never happened: ${what}`);
}

type Member = { client: CirclesClient; records: Map<string, string>; calls: { method: string; path: string; body: unknown }[]; accountId: string };

let n = 0;
// Key packages carry a lifetime that ts-mls checks against the real clock: start each test from it.
const clock = { now: Date.now() };
const clients: CirclesClient[] = [];
afterEach(() => {
  clock.now = Date.now();
  for (const c of clients.splice(0)) c.stop();
});

function member(relay: FakeRelay, accountId: string, pseudonym: string): Member {
  const records = new Map<string, string>();
  const calls: Member['calls'] = [];
  const client = new CirclesClient({
    accountId,
    pseudonym,
    records: {
      get: <T,>(k: string) => Promise.resolve(records.has(k) ? (JSON.parse(records.get(k) ?? '') as T) : undefined),
      put: (k, v) => Promise.resolve(void records.set(k, JSON.stringify(v))),
      delete: (k) => Promise.resolve(void records.delete(k)),
      list: (p) => Promise.resolve([...records.keys()].filter((k) => k.startsWith(p)).sort()),
    },
    call: <T,>(method: string, path: string, body?: unknown): Promise<T> => {
      calls.push({ method, path, body });
      if (method === 'POST' && path === API.circles) return Promise.resolve({ circleId: relay.createCircle(accountId), role: 'moderator', timerMs: 7 * DAY, epoch: 0, lastSeq: 0 } as T);
      if (method === 'PUT' && path === API.keyPackages) {
        const b = body as { keyPackages: string[] };
        relay.keyPackages.set(accountId, [...(relay.keyPackages.get(accountId) ?? []), ...b.keyPackages]);
        return Promise.resolve({ stored: b.keyPackages.length } as T);
      }
      if (method === 'POST' && path === API.keyPackageTake) {
        const list = relay.keyPackages.get((body as { accountId: string }).accountId) ?? [];
        const kp = list.shift();
        return kp === undefined ? Promise.reject(new Error('404')) : Promise.resolve({ keyPackage: kp } as T);
      }
      if (method === 'GET' && path === API.circles) return Promise.resolve({ circles: [] } as T);
      if (method === 'POST' && path === API.watchRequests) return Promise.resolve({ requestId: `00000000-0000-4000-8000-00000000abc${n++}` } as T);
      return Promise.resolve({} as T);
    },
    token: () => Promise.resolve(accountId),
    connect: (events) => relay.connect(accountId, events),
    now: () => clock.now,
    randomId: () => `client-id-${String(n++).padStart(12, '0')}`,
    detectRisk: (text) => Promise.resolve(text.includes('pills') ? 'high' : 'none'),
  });
  clients.push(client);
  return { client, records, calls, accountId };
}

const circleOf = (m: Member, id: string): CircleSummary | undefined => m.client.snapshot().circles.find((c) => c.circleId === id);
const texts = (m: Member, id: string): string[] => circleOf(m, id)?.messages.map((x) => x.text) ?? [];

async function twoInACircle(): Promise<{ relay: FakeRelay; a: Member; b: Member; id: string }> {
  const relay = new FakeRelay();
  const a = member(relay, 'acct-a', '小燈');
  const b = member(relay, 'acct-b', '阿月');
  await Promise.all([a.client.start(), b.client.start()]);
  await until(() => (relay.keyPackages.get('acct-b')?.length ?? 0) >= 3, 'B uploads key packages');
  const id = await a.client.createCircle({ name: '夜貓子', topic: '睡不著的時候', rules: '不批評', timerMs: 7 * DAY, listed: false, pseudonym: '燈' });
  await a.client.addMember(id, 'acct-b');
  await until(() => circleOf(b, id)?.name === '夜貓子', 'B joins and learns the name inside the group');
  await until(() => circleOf(a, id)?.pseudonyms[circleOf(b, id)?.myMemberId ?? ''] === '阿月', 'A learns B’s pseudonym');
  return { relay, a, b, id };
}

describe('circles client', () => {
  it('uploads key packages on start and keeps their private halves sealed locally', async () => {
    const relay = new FakeRelay();
    const b = member(relay, 'acct-b', '阿月');
    await b.client.start();
    await until(() => (relay.keyPackages.get('acct-b')?.length ?? 0) === 5, 'upload');
    const local = [...b.records.keys()].filter((k) => k.startsWith(CIRCLE_KEYS.keyPackagePrefix));
    expect(local).toHaveLength(5);
    // A second start with enough packages left uploads nothing more.
    b.client.stop();
    const again = member(relay, 'acct-b', '阿月');
    for (const [k, v] of b.records) again.records.set(k, v);
    await again.client.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(again.calls.filter((c) => c.path === API.keyPackages)).toHaveLength(0);
  });

  it('adds a member through a welcome with the signed roster, and carries messages both ways with delivery states', async () => {
    const { relay, a, b, id } = await twoInACircle();
    expect(circleOf(b, id)?.rules).toBe('不批評');
    expect(circleOf(b, id)?.members.map((m) => m.moderator).sort()).toEqual([false, true]);
    await a.client.sendText(id, '今晚有人醒著嗎？');
    expect(circleOf(a, id)?.messages.at(-1)?.delivery).toBe('sending');
    await until(() => texts(b, id).includes('今晚有人醒著嗎？'), 'B reads A');
    await until(() => circleOf(a, id)?.messages.at(-1)?.delivery === 'sent', 'A’s message is acknowledged');
    await b.client.sendText(id, 'I am here.');
    await until(() => texts(a, id).includes('I am here.'), 'A reads B');
    expect(circleOf(a, id)?.messages.find((m) => m.text === 'I am here.')?.sender).toBe(circleOf(b, id)?.myMemberId);
    // Echoes of my own messages are recognised, never shown twice.
    await a.client.sendText(id, 'one more');
    await until(() => texts(b, id).includes('one more'), 'B reads one more');
    await b.client.sendText(id, 'ok');
    await until(() => texts(a, id).includes('ok'), 'A reads ok');
    expect(texts(a, id).filter((t) => t === '今晚有人醒著嗎？' || t === 'one more')).toEqual(['今晚有人醒著嗎？', 'one more']);
    expect(texts(b, id).filter((t) => t === 'I am here.')).toEqual(['I am here.']);
    expect(circleOf(a, id)?.messages.every((m) => !m.mine || m.delivery === 'sent')).toBe(true);
    // The relay held nothing readable.
    const all = relay.stored.map((s) => Buffer.from(s, 'base64url').toString('utf8')).join('|');
    for (const word of ['今晚有人醒著嗎', 'I am here', '夜貓子', '不批評', '阿月']) expect(all).not.toContain(word);
  });

  it('removes a member with a commit: they are told, and read nothing after', async () => {
    const { a, b, id } = await twoInACircle();
    const bMember = circleOf(b, id)?.myMemberId ?? '';
    await a.client.removeMember(id, bMember);
    await until(() => circleOf(b, id)?.removed === true, 'B is removed');
    await until(() => circleOf(a, id)?.members.length === 1 && circleOf(a, id)?.busy === false, 'A adopts the removal');
    await a.client.sendText(id, 'after you left');
    await until(() => circleOf(a, id)?.messages.at(-1)?.delivery === 'sent', 'sent');
    await new Promise((r) => setTimeout(r, 50));
    expect(texts(b, id)).not.toContain('after you left');
    expect(JSON.stringify([...b.records.values()])).not.toContain('after you left');
  });

  it('re-encrypts a message made in an old epoch and resends it after catching up', async () => {
    const { relay, a, b, id } = await twoInACircle();
    relay.drop('acct-b');
    // While B is away, A's daily leaf update moves the circle on.
    clock.now += 2 * DAY;
    await a.client.checkLeafUpdates();
    await until(() => circleOf(a, id)?.busy === false, 'A’s update is accepted');
    await b.client.sendText(id, 'written offline');
    relay.reconnect('acct-b');
    await until(() => texts(a, id).includes('written offline'), 'A reads the re-encrypted message');
    await until(() => circleOf(b, id)?.messages.find((m) => m.text === 'written offline')?.delivery === 'sent', 'B sees it sent');
  });

  it('two commits in one epoch: the loser processes the winner and rebases its own', async () => {
    const { relay, a, b, id } = await twoInACircle();
    expect(relay.circles.get(id)?.epoch).toBe(1);
    clock.now += 2 * DAY;
    await Promise.all([a.client.checkLeafUpdates(), b.client.checkLeafUpdates()]);
    await until(() => circleOf(a, id)?.busy === false && circleOf(b, id)?.busy === false, 'both commits settle');
    // Both updates landed: one as made, the other rebased onto the winner.
    expect(relay.circles.get(id)?.epoch).toBe(3);
    await a.client.sendText(id, 'still together');
    await until(() => texts(b, id).includes('still together'), 'B reads A after both updates');
    await b.client.sendText(id, 'yes');
    await until(() => texts(a, id).includes('yes'), 'A reads B');
  });

  it('a reader can ask the night watch to check in; the writer’s device makes a peer-ask request it can cancel', async () => {
    const { a, b, id } = await twoInACircle();
    await a.client.sendText(id, 'I have the pills ready');
    await until(() => circleOf(b, id)?.messages.find((m) => m.text === 'I have the pills ready')?.risk === 'high', 'B’s device reads high risk');
    const aMember = circleOf(a, id)?.myMemberId ?? '';
    await b.client.askCheckIn(id, aMember);
    await until(() => circleOf(a, id)?.peerAsk === true, 'A is told someone asked');
    expect(a.calls.find((c) => c.path === API.watchRequests)?.body).toEqual({ tier: 'high', origin: 'peer-ask' });
    expect(b.calls.some((c) => c.path === API.watchRequests)).toBe(false);
    await a.client.cancelPeerAsk(id);
    expect(circleOf(a, id)?.peerAsk).toBe(false);
    expect(a.calls.some((c) => c.path.endsWith('/cancel'))).toBe(true);
  });

  it('night-watch nudges and a fresh connection wake only that account’s night-watch screens', async () => {
    const relay = new FakeRelay();
    const a = member(relay, 'acct-a', '小燈');
    const b = member(relay, 'acct-b', '阿月');
    const woke = { a: 0, b: 0 };
    a.client.onWatchNudge(() => woke.a++);
    const off = b.client.onWatchNudge(() => woke.b++);
    await Promise.all([a.client.start(), b.client.start()]);
    await until(() => woke.a === 1 && woke.b === 1, 'being ready asks the screens to look again');
    relay.nudge('acct-b');
    await until(() => woke.b === 2, 'a nudge wakes B');
    relay.drop('acct-b');
    relay.reconnect('acct-b');
    await until(() => woke.b === 3, 'reconnecting wakes B');
    off();
    relay.nudge('acct-b');
    relay.nudge('acct-a');
    await until(() => woke.a === 2, 'A is woken by its own nudge');
    expect(woke.b).toBe(3);
  });

  it('a night-watch conversation is marked inside the group, so the member’s device can offer the safety plan', async () => {
    const relay = new FakeRelay();
    const a = member(relay, 'acct-a', '守夜夥伴');
    const b = member(relay, 'acct-b', '阿月');
    await Promise.all([a.client.start(), b.client.start()]);
    await until(() => (relay.keyPackages.get('acct-b')?.length ?? 0) >= 3, 'B uploads key packages');
    const id = await a.client.createCircle({ name: 'Night watch', topic: '', rules: '', timerMs: 7 * DAY, listed: false, pseudonym: '守夜', purpose: 'night-watch' });
    await a.client.addMember(id, 'acct-b');
    await until(() => circleOf(b, id)?.nightWatch === true, 'B learns it is a night-watch conversation');
    expect(circleOf(b, id)?.role).toBe('member');
    const plain = await a.client.createCircle({ name: 'Other', topic: '', rules: '', timerMs: 7 * DAY, listed: false, pseudonym: '燈' });
    expect(circleOf(a, plain)?.nightWatch).toBe(false);
    // The mark travels inside the group: the relay never sees it.
    const all = relay.stored.map((s) => Buffer.from(s, 'base64url').toString('utf8')).join('|');
    expect(all).not.toContain('night-watch');
  });

  it('a report reaches only moderators’ devices', async () => {
    const { a, b, id } = await twoInACircle();
    await b.client.sendText(id, 'meet me at the station');
    await until(() => texts(a, id).includes('meet me at the station'), 'A reads');
    await a.client.sendText(id, 'something hurtful');
    await until(() => texts(b, id).includes('something hurtful'), 'B reads');
    const msg = circleOf(b, id)?.messages.find((m) => m.text === 'something hurtful');
    await b.client.report(id, msg?.id ?? '');
    await until(() => (circleOf(a, id)?.reports.length ?? 0) === 1, 'A (moderator) gets the report');
    expect(circleOf(a, id)?.reports[0]?.text).toBe('something hurtful');
    expect(circleOf(b, id)?.reports).toEqual([]);
  });
});
