import { randomBytes } from 'node:crypto';
import {
  addMembers,
  createCircle,
  createCircleIdentity,
  createMemberKeyPackage,
  encryptMessage,
  joinFromWelcome,
  processIncoming,
  signRoster,
  type CircleState,
} from '@lamplight/crypto';
import { API, type CircleView, type ServerFrame } from '@lamplight/protocol';
import { call, invite, joinMember, type TestMember } from '../client.js';
import { TestSocket } from '../ws-client.js';

/**
 * A two-member circle set up the way the app does it (real MLS: commit and
 * welcome), with A and B possibly on different nodes, plus a pipelined
 * sender that resends with the same client id and a log reader.
 */

const DAY = 86_400_000;
export const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64url');
export const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64url'));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (b: Uint8Array): string => new TextDecoder().decode(b);
/** A client id as the app makes one. */
export const newClientId = (): string => randomBytes(12).toString('base64url');

export type Entry = Extract<ServerFrame, { t: 'entry' }>;
type Ack = Extract<ServerFrame, { t: 'ack' }>;
type ErrorFrame = Extract<ServerFrame, { t: 'error' }>;

/** One side of the circle: the account, its MLS state and its open socket. */
export type Side = { member: TestMember; state: CircleState; sock: TestSocket };

export type TwoMemberCircle = Readonly<{ circleId: string; a: Side; b: Side }>;

/** Ack or error for a send, matched by client id. */
const answers = (clientId: string) => (f: ServerFrame): boolean => (f.t === 'ack' || f.t === 'error') && 'clientId' in f && f.clientId === clientId;

/**
 * Join A with `invitation` on `baseA`, invite B and join B on `baseB`, create a
 * circle, add B with an MLS commit and welcome, and leave both sockets
 * following the circle from its first entry.
 */
export async function twoMemberCircle(baseA: string, invitation: string, baseB: string): Promise<TwoMemberCircle> {
  const memberA = await joinMember(baseA, invitation, '小燈');
  const inv = await invite(baseA, memberA.session.token);
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status}`);
  const memberB = await joinMember(baseB, inv.secret, '阿月');
  const [idA, idB] = await Promise.all([createCircleIdentity(), createCircleIdentity()]);
  const [kpA, kpB] = await Promise.all([createMemberKeyPackage(idA, Date.now()), createMemberKeyPackage(idB, Date.now())]);

  const created = await call<CircleView>(baseA, 'POST', API.circles, { timerMs: DAY }, memberA.session.token);
  if (created.status !== 201) throw new Error(`create circle failed: ${created.status}`);
  const circleId = created.body.circleId;
  const roster = { circleId, version: 1, members: [idA, idB].map((i) => ({ memberId: i.memberId, signaturePublicKey: i.signaturePublicKey })) };
  const trust = { signedRoster: await signRoster(roster, idA), moderatorPublicKeys: [idA.signaturePublicKey] };
  const up = await call(baseB, 'PUT', API.keyPackages, { keyPackages: [b64(kpB.publicPackage)] }, memberB.session.token);
  if (up.status !== 201) throw new Error(`key package upload failed: ${up.status}`);
  const taken = await call<{ keyPackage: string }>(baseA, 'POST', API.keyPackageTake, { accountId: memberB.session.accountId }, memberA.session.token);
  if (taken.status !== 200) throw new Error(`key package take failed: ${taken.status}`);

  const sockA = await TestSocket.open(baseA, memberA.session.token);
  sockA.send({ t: 'subscribe', circles: [{ circleId, after: 0 }] });
  await sockA.waitFor((f) => f.t === 'caught-up');
  const pending = await addMembers(await createCircle(circleId, kpA, trust), [unb64(taken.body.keyPackage)]);
  const commitId = newClientId();
  sockA.send({
    t: 'send',
    clientId: commitId,
    circleId,
    kind: 'commit',
    epoch: pending.epoch,
    mls: b64(pending.commit),
    welcomes: [{ accountId: memberB.session.accountId, mls: b64(pending.welcome ?? new Uint8Array()) }],
    adds: [{ accountId: memberB.session.accountId, role: 'member' }],
  });
  const ack = await sockA.waitFor(answers(commitId));
  if (ack.t !== 'ack' || ack.seq !== 1) throw new Error(`commit not acknowledged: ${JSON.stringify(ack)}`);

  // B connects after the commit, so the welcome comes from the store on authentication.
  const sockB = await TestSocket.open(baseB, memberB.session.token);
  const welcome = await sockB.waitFor((f): f is Extract<ServerFrame, { t: 'welcome' }> => f.t === 'welcome');
  const stateB = await joinFromWelcome(unb64(welcome.mls), kpB, trust);
  sockB.send({ t: 'subscribe', circles: [{ circleId, after: 1 }] });
  await sockB.waitFor((f) => f.t === 'caught-up' && f.circleId === circleId);
  return { circleId, a: { member: memberA, state: pending.state, sock: sockA }, b: { member: memberB, state: stateB, sock: sockB } };
}

/**
 * Say something from `from` and check that `to` receives and decrypts it
 * live. Returns the sequence number it was stored under.
 */
export async function chat(circleId: string, from: Side, to: Side, words: string): Promise<number> {
  const enc = await encryptMessage(from.state, text(words));
  from.state = enc.state;
  const clientId = newClientId();
  const start = from.sock.frames.length;
  from.sock.send({ t: 'send', clientId, circleId, kind: 'app', epoch: 1, mls: b64(enc.message) });
  const ack = await from.sock.waitFor(answers(clientId), 15_000, start);
  if (ack.t !== 'ack') throw new Error(`not acknowledged: ${JSON.stringify(ack)}`);
  const seq = (ack).seq;
  const got = await to.sock.waitFor((f): f is Entry => f.t === 'entry' && f.circleId === circleId && f.seq === seq, 15_000);
  const r = await processIncoming(to.state, unb64(got.mls));
  if (r.kind !== 'application') throw new Error(`expected an application message, got ${r.kind}`);
  to.state = r.state;
  if (read(r.plaintext) !== words) throw new Error('decrypted text differs');
  return seq;
}

/** One message to stream: its client id and ciphertext are fixed before the first attempt. */
export type Outgoing = Readonly<{ index: number; clientId: string; mls: string; words: string }>;

/** Encrypt `count` messages from `side` in order (MLS generations follow this order). */
export async function prepareMessages(side: Side, count: number, label: string): Promise<Outgoing[]> {
  const out: Outgoing[] = [];
  for (let i = 0; i < count; i++) {
    const words = `${label} ${i}`;
    const enc = await encryptMessage(side.state, text(words));
    side.state = enc.state;
    out.push({ index: i, clientId: newClientId(), mls: b64(enc.message), words });
  }
  return out;
}

/** What a stream of sends saw: acks by client id, and anything inconsistent. */
export type SendLedger = {
  /** clientId → the sequence number every ack for it carried. */
  readonly acked: Map<string, number>;
  /** Error codes received, in order. */
  readonly errorCodes: string[];
  /** Problems: an ack whose seq changed between attempts, an answer for a send we did not expect. */
  readonly problems: string[];
  /** How many times each client id was sent. */
  readonly attempts: Map<string, number>;
};

export function newLedger(): SendLedger {
  return { acked: new Map(), errorCodes: [], problems: [], attempts: new Map() };
}

export type StreamOptions = Readonly<{
  circleId: string;
  /** Sends in flight at once. */
  window: number;
  /** Called after each new ack, with the number of distinct acked messages so far. */
  onAck?: (ackedCount: number) => void;
  /** Attempts per message before the stream gives up. */
  maxAttempts?: number;
  /** Pause before resending after an error. */
  backoffMs?: number;
}>;

/**
 * Send `msgs` over `sock` with up to `window` in flight, in order. The
 * server answers a connection's frames one at a time, in order, so answers
 * are matched first-in first-out (and checked against the client id when the
 * answer carries one). After an error the stream waits for what is in flight,
 * then resends every unacknowledged message, in the original order, with the
 * same client id. Returns when all are acked or the socket closed.
 */
export async function streamSends(sock: TestSocket, msgs: readonly Outgoing[], ledger: SendLedger, opts: StreamOptions): Promise<'done' | 'closed'> {
  const maxAttempts = opts.maxAttempts ?? 400;
  const fifo: { msg: Outgoing; done: (f: Ack | ErrorFrame | undefined) => void }[] = [];
  const onMessage = (d: Buffer): void => {
    const f = JSON.parse(d.toString('utf8')) as ServerFrame;
    if (f.t !== 'ack' && f.t !== 'error') return;
    const head = fifo.shift();
    if (head === undefined) {
      ledger.problems.push(`answer with nobody waiting: ${JSON.stringify(f)}`);
      return;
    }
    if (f.clientId !== undefined && f.clientId !== head.msg.clientId) ledger.problems.push(`answer for ${f.clientId} while waiting for ${head.msg.clientId}`);
    head.done(f);
  };
  const onClose = (): void => {
    for (const w of fifo.splice(0)) w.done(undefined);
  };
  sock.ws.on('message', onMessage);
  sock.ws.on('close', onClose);
  try {
    let queue = msgs.filter((m) => !ledger.acked.has(m.clientId));
    let failed: Outgoing[] = [];
    const inflight = new Set<Promise<void>>();
    let closed = false;
    while (!closed && (queue.length > 0 || inflight.size > 0 || failed.length > 0)) {
      while (!closed && failed.length === 0 && queue.length > 0 && inflight.size < opts.window) {
        const msg = queue[0] as Outgoing;
        queue = queue.slice(1);
        const n = (ledger.attempts.get(msg.clientId) ?? 0) + 1;
        if (n > maxAttempts) throw new Error(`gave up on message ${msg.index} after ${maxAttempts} attempts; errors ${ledger.errorCodes.slice(-5).join(',')}`);
        ledger.attempts.set(msg.clientId, n);
        if (sock.ws.readyState !== sock.ws.OPEN) {
          closed = true;
          queue = [msg, ...queue];
          break;
        }
        const answered = new Promise<Ack | ErrorFrame | undefined>((done) => fifo.push({ msg, done }));
        sock.send({ t: 'send', clientId: msg.clientId, circleId: opts.circleId, kind: 'app', epoch: 1, mls: msg.mls });
        const p: Promise<void> = answered.then((f) => {
          inflight.delete(p);
          if (f === undefined) {
            closed = true;
            return;
          }
          if (f.t === 'error') {
            ledger.errorCodes.push(f.code);
            failed.push(msg);
            return;
          }
          const before = ledger.acked.get(msg.clientId);
          if (before !== undefined && before !== f.seq) ledger.problems.push(`message ${msg.index} acked as ${before} and then as ${f.seq}`);
          if (before === undefined) {
            ledger.acked.set(msg.clientId, f.seq);
            opts.onAck?.(ledger.acked.size);
          }
        });
        inflight.add(p);
      }
      if (inflight.size > 0) {
        await Promise.race(inflight);
        continue;
      }
      if (failed.length > 0) {
        queue = [...failed, ...queue].sort((x, y) => x.index - y.index);
        failed = [];
        await new Promise((r) => setTimeout(r, opts.backoffMs ?? 100));
      }
    }
    return closed ? 'closed' : 'done';
  } finally {
    sock.ws.off('message', onMessage);
    sock.ws.off('close', onClose);
  }
}

/** Open a socket, follow the circle from `after`, and return the entries up to `caught-up`. */
export async function readLog(base: string, token: string, circleId: string, after = 0): Promise<Entry[]> {
  const s = await TestSocket.open(base, token);
  try {
    s.send({ t: 'subscribe', circles: [{ circleId, after }] });
    await s.waitFor((f) => f.t === 'caught-up' && f.circleId === circleId, 30_000);
    return s.entries(circleId);
  } finally {
    await s.close();
  }
}

/**
 * Check a run of entries against what was sent: sequence numbers contiguous
 * from `firstSeq`; every acknowledged message at exactly the seq its ack
 * named; no message twice; nothing that was not sent. Returns problems found.
 */
export function logProblems(entries: readonly Entry[], msgs: readonly Outgoing[], acked: ReadonlyMap<string, number>, firstSeq: number): string[] {
  const problems: string[] = [];
  const byMls = new Map(msgs.map((m) => [m.mls, m]));
  const seen = new Set<string>();
  const bySeq = new Map<number, Entry>();
  entries.forEach((e, i) => {
    if (e.seq !== firstSeq + i) problems.push(`entry ${i} has seq ${e.seq}, expected ${firstSeq + i}`);
    if (bySeq.has(e.seq)) problems.push(`seq ${e.seq} delivered twice`);
    bySeq.set(e.seq, e);
    if (e.kind !== 'app') return;
    const m = byMls.get(e.mls);
    if (m === undefined) problems.push(`seq ${e.seq} is not a message this test sent`);
    else if (seen.has(m.clientId)) problems.push(`message ${m.index} stored twice (again at seq ${e.seq})`);
    else seen.add(m.clientId);
  });
  for (const m of msgs) {
    const seq = acked.get(m.clientId);
    if (seq === undefined) continue;
    const e = bySeq.get(seq);
    if (e === undefined) problems.push(`acked message ${m.index} (seq ${seq}) is missing`);
    else if (e.mls !== m.mls) problems.push(`seq ${seq} holds another message than acked message ${m.index}`);
  }
  return problems;
}

/** Decrypt entries in order at `side`; returns the plaintexts (throws on a replay or gap MLS refuses). */
export async function decryptAll(side: Side, entries: readonly Entry[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of entries) {
    const r = await processIncoming(side.state, unb64(e.mls));
    if (r.kind !== 'application') throw new Error(`seq ${e.seq}: expected an application message, got ${r.kind}`);
    side.state = r.state;
    out.push(read(r.plaintext));
  }
  return out;
}
