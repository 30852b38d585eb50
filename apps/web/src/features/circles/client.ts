import { epochOf, encryptMessage, LEAF_UPDATE_INTERVAL_MS, needsLeafUpdate, processIncoming, type CircleState } from '@lamplight/crypto';
import { API, apiPath, type CircleView, type ServerFrame } from '@lamplight/protocol';
import { prepareAdd, prepareRebase, prepareRemoval, prepareUpdate } from './commits.js';
import { decodeEnvelope, encodeEnvelope, type CircleMeta, type MessageEnvelope } from './envelope.js';
import { joinFromWelcomeFrame } from './join.js';
import { topUpKeyPackages } from './key-packages.js';
import { CircleLedger, type LiveCircle } from './ledger.js';
import { b64, isModerator, loadState, startCircle, storeIdentity, unb64 } from './mls-ops.js';
import { afterCommit, applyEnvelope, commitFrame, joinedRecord, moderatorRecord, type NewCircleInput } from './record-ops.js';
import type { CircleRecord, CircleRecords, StoredMessage, StoredPendingCommit } from './records.js';
import type { CirclesSnapshot } from './summary.js';
import type { CircleTransport, TransportEvents } from './transport.js';

/** What the client runs on. */
export type CirclesDeps = Readonly<{
  accountId: string;
  pseudonym: string;
  call: <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<T>;
  records: CircleRecords;
  token: () => Promise<string>;
  connect: (events: TransportEvents) => CircleTransport;
  now: () => number;
  /** A random client id (16–36 url-safe characters). */
  randomId: () => string;
  /** Reads risk in a received message on this device (worker or main thread). */
  detectRisk: (text: string) => Promise<'none' | 'concern' | 'high' | 'imminent'>;
}>;

/**
 * The circles client: keeps every circle's MLS state and messages sealed in
 * the vault, talks to the relay, and turns its frames into state changes,
 * one at a time and in sequence order. Views read {@link CirclesClient.snapshot}.
 */
export class CirclesClient {
  private readonly book: CircleLedger;
  private readonly live: Map<string, LiveCircle>;
  private transport: CircleTransport | undefined;
  private stopped = false;
  private readonly watchListeners = new Set<() => void>();

  constructor(private readonly deps: CirclesDeps) {
    this.book = new CircleLedger(deps.records, deps.now);
    this.live = this.book.live;
  }

  /** Loads every circle from the vault and connects. */
  async start(): Promise<void> {
    await this.serial(() => this.book.load());
    if (this.stopped) return;
    this.transport = this.deps.connect({
      onOpen: () => void this.authenticate(),
      onFrame: (f) => this.onFrame(f),
      onDown: () => {
        this.book.online = false;
        this.book.publish();
      },
    });
    void this.serial(() => this.topUpKeyPackages()).catch(() => undefined);
  }

  /** Forgets everything in memory and disconnects (lock, quick exit). */
  stop(): void {
    this.stopped = true;
    this.transport?.close();
    this.transport = undefined;
    this.book.stop();
  }

  /**
   * The night-watch screens' wake-up: `listener` runs on every night-watch
   * nudge (a contentless "ask again") and whenever the connection is ready
   * again after a drop, so nothing missed meanwhile stays unseen.
   */
  onWatchNudge(listener: () => void): () => void {
    this.watchListeners.add(listener);
    return () => this.watchListeners.delete(listener);
  }

  private nudgeWatch(): void {
    for (const l of [...this.watchListeners]) l();
  }

  /** For `useSyncExternalStore`. */
  get subscribe(): (listener: () => void) => () => void {
    return this.book.subscribe;
  }

  /** What the views show. */
  get snapshot(): () => CirclesSnapshot {
    return this.book.snapshot;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.book.serial(fn);
  }

  private save(circleId: string, rec: CircleRecord, state: CircleState | undefined): Promise<void> {
    return this.book.save(circleId, rec, state);
  }

  private async authenticate(): Promise<void> {
    try {
      const token = await this.deps.token();
      this.transport?.send({ t: 'auth', token });
    } catch {
      // Signed out or offline: the transport will try again after its next reconnect.
    }
  }

  private onFrame(f: ServerFrame): void {
    switch (f.t) {
      case 'ready': {
        this.book.online = true;
        const circles = [...this.live.values()].filter((l) => !l.rec.removed).map((l) => ({ circleId: l.rec.circleId, after: l.rec.lastSeq }));
        if (circles.length > 0) this.transport?.send({ t: 'subscribe', circles });
        this.book.publish();
        this.nudgeWatch();
        return;
      }
      case 'watch':
        this.nudgeWatch();
        return;
      case 'entry':
        void this.serial(() => this.onEntry(f.circleId, f.seq, f.kind, f.mls)).catch(() => undefined);
        return;
      case 'ack':
        void this.serial(() => this.onAck(f.circleId, f.clientId, f.seq)).catch(() => undefined);
        return;
      case 'error':
        // An expired session: one signed-in call signs in again, and the next reconnect uses the new token.
        if (f.code === 'unauthenticated') void this.deps.call('GET', API.circles).catch(() => undefined);
        if (f.circleId !== undefined) {
          const circleId = f.circleId;
          void this.serial(() => this.onError(circleId, f.code, f.clientId)).catch(() => undefined);
        }
        return;
      case 'welcome':
        void this.serial(() => this.onWelcome(f.circleId, f.mls)).catch(() => undefined);
        return;
      case 'removed':
        void this.serial(() => this.onRemoved(f.circleId)).catch(() => undefined);
        return;
      case 'caught-up':
        void this.serial(() => this.afterCaughtUp(f.circleId)).catch(() => undefined);
        return;
      default:
        return;
    }
  }

  // ---- Key packages -------------------------------------------------------

  private async topUpKeyPackages(): Promise<void> {
    await topUpKeyPackages(this.deps.records, (keyPackages) => this.deps.call('PUT', API.keyPackages, { keyPackages }), this.deps.now());
  }

  // ---- Creating and sending ---------------------------------------------

  /** Creates a circle; returns its id. Name, topic and rules reach the server only when `listed`. */
  createCircle(input: NewCircleInput): Promise<string> {
    return this.serial(async () => {
      const body = { timerMs: input.timerMs, ...(input.listed ? { listing: { name: input.name, topic: input.topic } } : {}) };
      const view = await this.deps.call<CircleView>('POST', API.circles, body);
      const now = this.deps.now();
      const { identity, state } = await startCircle(view.circleId, now);
      const rec = moderatorRecord(view.circleId, storeIdentity(identity), input, this.deps.accountId, now);
      await this.save(view.circleId, rec, state);
      this.transport?.send({ t: 'subscribe', circles: [{ circleId: view.circleId, after: 0 }] });
      return view.circleId;
    });
  }

  /** Encrypts and sends a text message; it shows as `sending` until the server acknowledges it. */
  sendText(circleId: string, text: string): Promise<void> {
    return this.serial(() => this.sendEnvelope(circleId, { type: 'text', text, sentAt: this.deps.now() }, true));
  }

  /** Asks the night watch to check in on `memberId` (only their device acts on it). */
  askCheckIn(circleId: string, memberId: string): Promise<void> {
    return this.serial(() => this.sendEnvelope(circleId, { type: 'check-in-ask', to: memberId, sentAt: this.deps.now() }, false));
  }

  /** Sends a report of a message to the moderators, with the reporter's consent. */
  report(circleId: string, messageId: string): Promise<void> {
    return this.serial(async () => {
      const m = this.live.get(circleId)?.rec.messages.find((x) => x.id === messageId);
      if (m === undefined) return;
      await this.sendEnvelope(circleId, { type: 'report', text: m.text, about: m.sender, sentAt: this.deps.now() }, false);
    });
  }

  /** Sets this member's pseudonym in one circle and tells the others. */
  setPseudonym(circleId: string, pseudonym: string): Promise<void> {
    return this.serial(async () => {
      const l = this.live.get(circleId);
      if (l === undefined) return;
      const me = l.rec.identity.memberId;
      await this.save(circleId, { ...l.rec, pseudonyms: { ...l.rec.pseudonyms, [me]: pseudonym } }, l.state);
      await this.sendEnvelope(circleId, { type: 'meta', meta: { pseudonyms: { [me]: pseudonym } }, sentAt: this.deps.now() }, false);
    });
  }

  /** Cancels the night-watch request a peer asked for on my behalf. */
  cancelPeerAsk(circleId: string): Promise<void> {
    return this.serial(async () => {
      const l = this.live.get(circleId);
      const ask = l?.rec.peerAsk;
      if (l === undefined || ask === undefined) return;
      await this.deps.call('POST', apiPath(API.watchRequestCancel, { requestId: ask.requestId }), {}).catch(() => undefined);
      const { peerAsk: _p, ...rest } = l.rec;
      await this.save(circleId, rest, l.state);
    });
  }

  private async sendEnvelope(circleId: string, env: MessageEnvelope, show: boolean): Promise<void> {
    const l = this.live.get(circleId);
    if (l?.state === undefined || l.rec.removed) throw new Error('not-a-member');
    const enc = await encryptMessage(l.state, encodeEnvelope(env));
    const epoch = epochOf(enc.state);
    const messageId = this.deps.randomId();
    const clientId = this.deps.randomId();
    const mls = b64(enc.message);
    const messages: StoredMessage[] =
      show && env.type === 'text'
        ? [...l.rec.messages, { id: messageId, sender: l.rec.identity.memberId, text: env.text, sentAt: env.sentAt, mine: true, delivery: 'sending' }]
        : [...l.rec.messages];
    await this.save(circleId, { ...l.rec, messages, outbox: [...l.rec.outbox, { messageId, clientId, envelope: JSON.stringify(env), epoch, mls }] }, enc.state);
    this.transport?.send({ t: 'send', circleId, clientId, kind: 'app', epoch, mls });
  }

  // ---- Membership (moderators) ------------------------------------------

  /** Adds the member with this account: takes one of their key packages and commits the add. */
  addMember(circleId: string, accountId: string): Promise<void> {
    return this.serial(async () => {
      const l = this.live.get(circleId);
      if (l?.state === undefined || l.rec.role !== 'moderator' || l.rec.pending !== undefined) throw new Error('busy');
      const taken = await this.deps.call<{ keyPackage: string }>('POST', API.keyPackageTake, { accountId });
      const stored = await prepareAdd(l.rec, l.state, taken.keyPackage, accountId, this.deps.randomId());
      await this.save(circleId, { ...l.rec, pending: stored }, l.state);
      this.sendPending(circleId);
    });
  }

  /** Removes a member with a commit (moderators); they can read nothing sent after it. */
  removeMember(circleId: string, memberId: string): Promise<void> {
    return this.serial(() => this.commitRemoval(circleId, memberId));
  }

  private async commitRemoval(circleId: string, memberId: string): Promise<void> {
    const l = this.live.get(circleId);
    if (l?.state === undefined || l.rec.role !== 'moderator' || l.rec.pending !== undefined) throw new Error('busy');
    const stored = await prepareRemoval(l.rec, l.state, memberId, this.deps.randomId());
    await this.save(circleId, { ...l.rec, pending: stored }, l.state);
    this.sendPending(circleId);
  }

  /** Leaves a circle: tells the moderators (who remove this member with a commit) and stops following it here. */
  leave(circleId: string): Promise<void> {
    return this.serial(async () => {
      const l = this.live.get(circleId);
      if (l === undefined) return;
      if (l.state !== undefined && !l.rec.removed) {
        await this.sendEnvelope(circleId, { type: 'meta', meta: { leaving: true }, sentAt: this.deps.now() }, false).catch(() => undefined);
      }
      await this.book.forget(circleId);
    });
  }

  private sendPending(circleId: string): void {
    const l = this.live.get(circleId);
    const p = l?.rec.pending;
    if (l === undefined || p === undefined || p.lost === true) return;
    this.transport?.send(commitFrame(l.rec, p));
  }

  /** Our commit was accepted: adopt its state and carry out what follows from it. */
  private async adoptPending(circleId: string): Promise<void> {
    const l = this.live.get(circleId);
    const p = l?.rec.pending;
    if (l === undefined || p === undefined) return;
    const now = this.deps.now();
    await this.save(circleId, afterCommit(l.rec, p, now), loadState(p.state));
    if (p.kind === 'add') {
      // Newcomers learn the circle's name, rules and everyone's pseudonyms inside the group, never from the server.
      const meta: CircleMeta = {
        name: l.rec.name,
        topic: l.rec.topic,
        rules: l.rec.rules,
        pseudonyms: l.rec.pseudonyms,
        ...(l.rec.purpose === undefined ? {} : { purpose: l.rec.purpose }),
      };
      await this.sendEnvelope(circleId, { type: 'meta', meta, sentAt: now }, false);
    }
    await this.retryStale(circleId);
  }

  // ---- Frames -------------------------------------------------------------

  private async onAck(circleId: string, clientId: string, seq: number): Promise<void> {
    const l = this.live.get(circleId);
    if (l === undefined) return;
    if (l.rec.pending?.clientId === clientId) {
      await this.adoptPending(circleId);
      return;
    }
    const item = l.rec.outbox.find((o) => o.clientId === clientId);
    if (item === undefined) return;
    await this.save(
      circleId,
      {
        ...l.rec,
        outbox: l.rec.outbox.map((o) => (o.clientId === clientId ? { ...o, ackedSeq: seq } : o)),
        messages: l.rec.messages.map((m) => (m.id === item.messageId ? { ...m, seq, delivery: 'sent' } : m)),
      },
      l.state,
    );
  }

  private async onError(circleId: string, code: string, clientId: string | undefined): Promise<void> {
    const l = this.live.get(circleId);
    if (l === undefined || clientId === undefined) return;
    const stale = code === 'stale-epoch';
    if (l.rec.pending?.clientId === clientId) {
      const { pending, ...rest } = l.rec;
      await this.save(circleId, stale ? { ...rest, pending: { ...pending, lost: true } } : rest, l.state);
    } else {
      const item = l.rec.outbox.find((o) => o.clientId === clientId);
      if (item === undefined) return;
      await this.save(
        circleId,
        {
          ...l.rec,
          outbox: stale ? l.rec.outbox.map((o) => (o.clientId === clientId ? { ...o, stale: true } : o)) : l.rec.outbox.filter((o) => o.clientId !== clientId),
          messages: stale ? l.rec.messages : l.rec.messages.map((m) => (m.id === item.messageId ? { ...m, delivery: 'failed' } : m)),
        },
        l.state,
      );
    }
    await this.retryStale(circleId);
  }

  /** Once the circle has moved past the epoch a send was refused for, make it again in the current one. */
  private async retryStale(circleId: string): Promise<void> {
    let l = this.live.get(circleId);
    if (l?.state === undefined) return;
    const epoch = epochOf(l.state);
    for (const item of l.rec.outbox.filter((o) => o.stale === true && epoch > o.epoch)) {
      l = this.live.get(circleId);
      if (l?.state === undefined) return;
      const enc = await encryptMessage(l.state, new TextEncoder().encode(item.envelope));
      const fresh = { messageId: item.messageId, clientId: this.deps.randomId(), envelope: item.envelope, epoch: epochOf(enc.state), mls: b64(enc.message) };
      await this.save(circleId, { ...l.rec, outbox: l.rec.outbox.map((o) => (o.clientId === item.clientId ? fresh : o)) }, enc.state);
      this.transport?.send({ t: 'send', circleId, clientId: fresh.clientId, kind: 'app', epoch: fresh.epoch, mls: fresh.mls });
    }
    l = this.live.get(circleId);
    const p = l?.rec.pending;
    if (l?.state === undefined || p?.lost !== true || epochOf(l.state) <= p.epoch) return;
    await this.rebase(circleId, l, p);
  }

  private async rebase(circleId: string, l: LiveCircle, p: StoredPendingCommit): Promise<void> {
    const { pending: _p, ...rest } = l.rec;
    const state = l.state;
    if (state === undefined) return;
    try {
      const stored = await prepareRebase(state, p, this.deps.randomId());
      await this.save(circleId, stored === undefined ? rest : { ...rest, pending: stored }, state);
      this.sendPending(circleId);
    } catch {
      await this.save(circleId, rest, state);
    }
  }

  private async onEntry(circleId: string, seq: number, kind: 'app' | 'commit', mls: string): Promise<void> {
    const l = this.live.get(circleId);
    if (l === undefined || l.rec.removed || l.state === undefined || seq <= l.rec.lastSeq) return;
    const rec = { ...l.rec, lastSeq: seq, outbox: l.rec.outbox.filter((o) => o.ackedSeq === undefined || o.ackedSeq >= seq) };
    // My own message or commit coming back: match by bytes (the entry may overtake the ack).
    const own = rec.outbox.find((o) => o.mls === mls);
    if (own !== undefined) {
      await this.save(
        circleId,
        { ...rec, outbox: rec.outbox.filter((o) => o !== own), messages: rec.messages.map((m) => (m.id === own.messageId ? { ...m, seq, delivery: 'sent' } : m)) },
        l.state,
      );
      return;
    }
    if (rec.messages.some((m) => m.mine && m.seq === seq) || rec.outbox.some((o) => o.ackedSeq === seq)) {
      await this.save(circleId, { ...rec, outbox: rec.outbox.filter((o) => o.ackedSeq !== seq) }, l.state);
      return;
    }
    if (kind === 'commit' && rec.pending?.commit === mls) {
      await this.save(circleId, rec, l.state);
      await this.adoptPending(circleId);
      return;
    }
    let result;
    try {
      result = await processIncoming(l.state, unb64(mls));
    } catch {
      // Undecryptable here (an epoch before this member joined, or a bad message): skip it, keep the state.
      await this.save(circleId, rec, l.state);
      return;
    }
    if (result.kind === 'own-commit') {
      await this.save(circleId, rec, result.state);
      if (rec.pending !== undefined) await this.adoptPending(circleId);
      return;
    }
    if (result.kind === 'commit') {
      if (result.removedMe) {
        await this.save(circleId, { ...rec, removed: true, outbox: [] }, undefined);
        return;
      }
      const pending = rec.pending === undefined ? undefined : { ...rec.pending, lost: true };
      const pseudonyms = { ...rec.pseudonyms };
      for (const id of result.removed) delete pseudonyms[id];
      await this.save(circleId, { ...rec, pseudonyms, ...(pending === undefined ? {} : { pending }) }, result.state);
      await this.retryStale(circleId);
      return;
    }
    const env = decodeEnvelope(result.plaintext);
    await this.save(circleId, rec, result.state);
    if (env !== undefined) await this.apply(circleId, result.sender, env, seq);
  }

  private async apply(circleId: string, sender: string, env: MessageEnvelope, seq: number): Promise<void> {
    const l = this.live.get(circleId);
    if (l?.state === undefined) return;
    const { rec, effect } = applyEnvelope(l.rec, isModerator(l.state, l.rec.moderators, sender), sender, env, seq);
    await this.save(circleId, rec, l.state);
    if (effect === undefined) return;
    switch (effect.kind) {
      case 'detect': {
        const tier = await this.deps.detectRisk(effect.text).catch(() => 'none' as const);
        const cur = this.live.get(circleId);
        if ((tier === 'high' || tier === 'imminent') && cur !== undefined) {
          await this.save(circleId, { ...cur.rec, messages: cur.rec.messages.map((m) => (m.id === effect.messageId ? { ...m, risk: tier } : m)) }, cur.state);
        }
        return;
      }
      case 'remove':
        if (rec.pending === undefined) await this.commitRemoval(circleId, effect.memberId).catch(() => undefined);
        return;
      case 'peer-ask':
        try {
          const made = await this.deps.call<{ requestId: string }>('POST', API.watchRequests, { tier: 'high', origin: 'peer-ask' });
          const cur = this.live.get(circleId);
          if (cur !== undefined) await this.save(circleId, { ...cur.rec, peerAsk: { requestId: made.requestId, at: this.deps.now() } }, cur.state);
        } catch {
          // The night watch could not be reached; the hotlines stay one tap away on every screen.
        }
        return;
    }
  }

  private async onWelcome(circleId: string, mls: string): Promise<void> {
    const existing = this.live.get(circleId);
    if (existing !== undefined && !existing.rec.removed) return;
    const joined = await joinFromWelcomeFrame(this.deps.records, circleId, mls);
    if (joined === undefined) return;
    const { envelope, kp, state } = joined;
    const listing = (await this.deps.call<{ circles: CircleView[] }>('GET', API.circles).catch(() => ({ circles: [] }))).circles.find((c) => c.circleId === circleId)?.listing;
    const now = this.deps.now();
    const rec = joinedRecord(circleId, envelope, kp, listing, this.deps.pseudonym, now);
    await this.save(circleId, rec, state);
    this.transport?.send({ t: 'subscribe', circles: [{ circleId, after: envelope.after }] });
    await this.sendEnvelope(circleId, { type: 'meta', meta: { pseudonyms: { [kp.identity.memberId]: this.deps.pseudonym } }, sentAt: now }, false);
    await this.topUpKeyPackages().catch(() => undefined);
  }

  private async onRemoved(circleId: string): Promise<void> {
    const l = this.live.get(circleId);
    if (l === undefined || l.rec.removed) return;
    await this.save(circleId, { ...l.rec, removed: true, outbox: [] }, undefined);
  }

  private async afterCaughtUp(circleId: string): Promise<void> {
    const l = this.live.get(circleId);
    if (l?.state === undefined || l.rec.removed) return;
    // Resend what never got an answer (the server makes resends idempotent by client id).
    for (const o of l.rec.outbox.filter((x) => x.stale !== true && x.ackedSeq === undefined)) this.transport?.send({ t: 'send', circleId, clientId: o.clientId, kind: 'app', epoch: o.epoch, mls: o.mls });
    if (l.rec.pending !== undefined) {
      this.sendPending(circleId);
      return;
    }
    await this.maybeUpdateLeaf(circleId);
  }

  /** Commits a fresh leaf in every circle whose last update is a day old (call now and then while the app is open). */
  checkLeafUpdates(): Promise<void> {
    return this.serial(async () => {
      if (!this.book.online) return;
      for (const circleId of [...this.live.keys()]) await this.maybeUpdateLeaf(circleId).catch(() => undefined);
    });
  }

  private async maybeUpdateLeaf(circleId: string): Promise<void> {
    const l = this.live.get(circleId);
    if (l?.state === undefined || l.rec.removed || l.rec.pending !== undefined) return;
    if (needsLeafUpdate(l.rec.lastLeafUpdate, this.deps.now())) {
      const stored = await prepareUpdate(l.state, this.deps.randomId());
      await this.save(circleId, { ...l.rec, pending: stored }, l.state);
      this.sendPending(circleId);
    }
  }
}

/** How often an open app checks whether a daily leaf update is due. */
export const LEAF_CHECK_MS = Math.min(LEAF_UPDATE_INTERVAL_MS, 60 * 60 * 1000);
