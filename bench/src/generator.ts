/**
 * The load generator, run as its own process (pinned to its own CPU by the
 * orchestrator). It holds the client sockets for both targets, runs open-loop
 * phases on command, and reports per-window results over IPC.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { API, type SendFrame } from '@lamplight/protocol';
import type { ConnectResult, GenCommand, GenReply, PhaseSpec, Target } from './gen-protocol.js';
import { runCatchUp } from './gen-catch-up.js';
import { BENCH_TRAILER_BYTES, benchBody, readTrailer, writeTrailer } from './mls-frame.js';
import { MiniSocket } from './mini-ws.js';
import { Phase } from './phase.js';
import type { BenchClient } from './seed.js';

/** Body size of every bench message (the 256-byte opaque payload). */
export const PAYLOAD_BYTES = 256;
const CONNECT_TIMEOUT_MS = 30_000;

type Client = { readonly index: number; readonly circle: number; readonly token: string | undefined; ws: MiniSocket | undefined };
type Pool = {
  readonly name: string;
  readonly target: Target;
  readonly clients: Client[];
  readonly circleIds: string[];
  readonly circleMembers: number[][];
  readonly bodies: Uint8Array[];
  /** Where each circle's log stands when the pool connects: members resume from there, as a following member's app does. */
  readonly after: number[];
};

const pools = new Map<string, Pool>();
let current: Phase | undefined;
let currentPool: Pool | undefined;
// Client ids are unique per generator run: a fixed random prefix and the message number.
const runTag = randomBytes(6).toString('base64url');
let phaseNo = 0;
let currentTag = '';

// Byte patterns of the frames the fast path recognises.
const MLS_KEY = Buffer.from('"mls":"');
const ACK_PREFIX = Buffer.from('{"t":"ack","clientId":"');
const QUOTE = 0x22;
const TRAILER_AT = PAYLOAD_BYTES - BENCH_TRAILER_BYTES;
// The trailer starts on a base64 group boundary, so its characters decode alone.
const TRAILER_CHAR = (TRAILER_AT / 3) * 4;
if (TRAILER_AT % 3 !== 0) throw new Error('the bench trailer must start on a 3-byte boundary');

function onFrame(pool: Pool, client: Client, chunk: Buffer, start: number, end: number): void {
  const phase = currentPool === pool ? current : undefined;
  const now = performance.now();
  if (phase === undefined) return;
  // ours: {"t":"entry",...}; the reference relays our {"t":"send",...} frame unchanged.
  const c6 = chunk[start + 6];
  const c7 = chunk[start + 7];
  if ((c6 === 0x65 && c7 === 0x6e) || (c6 === 0x73 && c7 === 0x65)) {
    const s = chunk.indexOf(MLS_KEY, start + 8);
    const e = s < 0 || s >= end ? -1 : chunk.indexOf(QUOTE, s + MLS_KEY.length);
    if (e < 0 || e > end) {
      phase.onError('entry without mls');
      return;
    }
    const t = readTrailer(Buffer.from(chunk.toString('latin1', s + MLS_KEY.length + TRAILER_CHAR, e), 'base64url'));
    if (t.sender === client.index) {
      phase.touch(now);
      return;
    }
    phase.onDelivery(t.messageNo, t.intendedMs, now);
    return;
  }
  if (c6 === 0x61 && chunk.compare(ACK_PREFIX, 0, ACK_PREFIX.length, start, start + ACK_PREFIX.length) === 0) {
    const e = chunk.indexOf(QUOTE, start + ACK_PREFIX.length);
    const id = chunk.toString('latin1', start + ACK_PREFIX.length, e);
    if (id.startsWith(currentTag)) phase.onAck(Number.parseInt(id.slice(currentTag.length), 10), now);
    else phase.touch(now);
    return;
  }
  phase.onError(chunk.toString('utf8', start, end));
}

async function connectOne(pool: Pool, client: Client, url: string, token: string | undefined): Promise<void> {
  const ws = await MiniSocket.connect(url, CONNECT_TIMEOUT_MS);
  client.ws = ws;
  if (token === undefined) {
    ws.onFrame = (c, s, e) => onFrame(pool, client, c, s, e);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('timed out authenticating')), CONNECT_TIMEOUT_MS);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      ws.close();
      reject(e);
    };
    ws.onClose = () => fail(new Error('closed while connecting'));
    ws.onFrame = (c, s, e) => {
      const f = JSON.parse(c.toString('utf8', s, e)) as { t: string; message?: string };
      if (f.t === 'ready') ws.sendText(JSON.stringify({ t: 'subscribe', circles: [{ circleId: pool.circleIds[client.circle], after: pool.after[client.circle] ?? 0 }] }));
      else if (f.t === 'caught-up') {
        clearTimeout(timer);
        ws.onClose = () => undefined;
        ws.onFrame = (c2, s2, e2) => onFrame(pool, client, c2, s2, e2);
        resolve();
      } else if (f.t === 'error') fail(new Error(f.message ?? 'server error'));
    };
    ws.sendText(JSON.stringify({ t: 'auth', token }));
  });
}

/**
 * Each circle's last sequence number, asked over HTTP by one of its members.
 * Earlier scenarios fill the logs of shared circles; a pool that subscribed
 * from 0 would replay all of it (millions of frames for 5,000 clients) while
 * connecting, which is neither what a member's app does nor what we measure.
 */
async function logPositions(cmd: Extract<GenCommand, { cmd: 'connect' }>, circleIds: readonly string[], circleMembers: readonly number[][], clients: readonly Client[]): Promise<number[]> {
  return Promise.all(
    circleIds.map(async (circleId, ci) => {
      const first = circleMembers[ci]?.[0];
      const token = first === undefined ? undefined : clients[first]?.token;
      const ws = cmd.urls[(first ?? 0) % cmd.urls.length] ?? '';
      if (token === undefined || ws === '') return 0;
      const url = new URL(ws);
      url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
      url.pathname = API.circles;
      url.search = '';
      try {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!res.ok) return 0;
        const body = (await res.json()) as { circles?: { circleId: string; lastSeq: number }[] };
        return body.circles?.find((c) => c.circleId === circleId)?.lastSeq ?? 0;
      } catch {
        return 0;
      }
    }),
  );
}

async function connect(cmd: Extract<GenCommand, { cmd: 'connect' }>): Promise<ConnectResult> {
  const circleIds: string[] = [];
  const circleIndex = new Map<string, number>();
  const circleMembers: number[][] = [];
  const clients: Client[] = [];
  for (const c of cmd.clients) {
    let ci = circleIndex.get(c.circleId);
    if (ci === undefined) {
      ci = circleIds.length;
      circleIndex.set(c.circleId, ci);
      circleIds.push(c.circleId);
      circleMembers.push([]);
    }
    circleMembers[ci]?.push(c.index);
    clients[c.index] = { index: c.index, circle: ci, token: cmd.target === 'ours' ? c.token : undefined, ws: undefined };
  }
  const name = cmd.pool ?? cmd.target;
  const after = cmd.target === 'ours' ? await logPositions(cmd, circleIds, circleMembers, clients) : circleIds.map(() => 0);
  const pool: Pool = { name, target: cmd.target, clients, circleIds, circleMembers, bodies: circleIds.map((id) => benchBody(id, 0, PAYLOAD_BYTES)), after };
  pools.set(name, pool);
  const start = performance.now();
  let failed = 0;
  let firstError: string | undefined;
  const list: BenchClient[] = [...cmd.clients];
  for (let i = 0; i < list.length; i += cmd.concurrency) {
    const batch = list.slice(i, i + cmd.concurrency);
    const results = await Promise.allSettled(
      batch.map((c) => {
        const client = clients[c.index];
        if (client === undefined) return Promise.reject(new Error('no client'));
        const base = cmd.urls[c.index % cmd.urls.length] ?? '';
        const url = cmd.target === 'reference' ? `${base}?room=${c.circleId}` : base;
        return connectOne(pool, client, url, cmd.target === 'ours' ? c.token : undefined);
      }),
    );
    for (const r of results) {
      if (r.status === 'rejected') {
        failed++;
        firstError ??= r.reason instanceof Error ? r.reason.message : String(r.reason);
      }
    }
  }
  return { connected: list.length - failed, failed, ms: Math.round(performance.now() - start), firstError };
}

function sender(pool: Pool): (circle: number, senderIndex: number, k: number, intendedMs: number) => boolean {
  const tag = `${runTag}${String(phaseNo).padStart(3, '0')}_`;
  currentTag = tag;
  return (circle, senderIndex, k, intendedMs) => {
    const ws = pool.clients[senderIndex]?.ws;
    const body = pool.bodies[circle];
    const circleId = pool.circleIds[circle];
    if (ws === undefined || !ws.isOpen || body === undefined || circleId === undefined) return false;
    writeTrailer(body, { intendedMs, messageNo: k, sender: senderIndex });
    const frame = {
      t: 'send',
      clientId: `${tag}${String(k).padStart(8, '0')}`,
      circleId,
      kind: 'app',
      epoch: 0,
      mls: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64url'),
    } satisfies SendFrame;
    ws.sendText(JSON.stringify(frame));
    return true;
  };
}

function poolOf(spec: PhaseSpec): Pool | undefined {
  const pool = pools.get(spec.pool ?? spec.target);
  return pool?.target === spec.target ? pool : undefined;
}

async function handle(cmd: GenCommand): Promise<GenReply> {
  switch (cmd.cmd) {
    case 'connect':
      return { id: cmd.id, ok: true, connected: await connect(cmd) };
    case 'close': {
      const name = cmd.pool ?? cmd.target;
      const pool = pools.get(name);
      // Client slots are indexed by client number, so a pool that starts past 0 has holes.
      for (const c of pool?.clients ?? []) c?.ws?.close();
      pools.delete(name);
      return { id: cmd.id, ok: true };
    }
    case 'catch-up': {
      const pool = poolOf(cmd.spec);
      if (pool === undefined) return { id: cmd.id, ok: false, error: `no clients for ${cmd.spec.pool ?? cmd.spec.target}` };
      phaseNo++;
      // Returning clients never send: the phase skips them as senders and does not count them as its recipients.
      const awaySet = new Set(cmd.spec.awayClients);
      const awayPerCircle = pool.circleMembers.map((m) => m.filter((i) => awaySet.has(i)).length);
      const phase = new Phase(cmd.spec, { circleMembers: pool.circleMembers, send: sender(pool), slowPerCircle: awayPerCircle, slowSet: awaySet });
      current = phase;
      currentPool = pool;
      try {
        const r = await runCatchUp(cmd.spec, pool.circleIds, pool.clients, phase, (c) => {
          const client = pool.clients[c.index];
          if (client?.ws !== undefined) client.ws.onFrame = (ch, s, e) => onFrame(pool, client, ch, s, e);
        }, PAYLOAD_BYTES);
        return { id: cmd.id, ok: true, phase: r.phase, catchUp: r.stats };
      } finally {
        current = undefined;
        currentPool = undefined;
      }
    }
    case 'phase': {
      const pool = poolOf(cmd.spec);
      if (pool === undefined) return { id: cmd.id, ok: false, error: `no clients for ${cmd.spec.pool ?? cmd.spec.target}` };
      phaseNo++;
      const slowSet = new Set(cmd.spec.slowClients ?? []);
      const slowPerCircle = pool.circleMembers.map((m) => m.filter((i) => slowSet.has(i)).length);
      for (const i of slowSet) pool.clients[i]?.ws?.pause();
      const phase = new Phase(cmd.spec, { circleMembers: pool.circleMembers, send: sender(pool), slowPerCircle, slowSet });
      current = phase;
      currentPool = pool;
      await phase.quiesce(200, 15_000);
      const result = await phase.run();
      current = undefined;
      currentPool = undefined;
      // Slow consumers are done for: drop them (the orchestrator reconnects the pool).
      for (const i of slowSet) pool.clients[i]?.ws?.close();
      return { id: cmd.id, ok: true, phase: result };
    }
  }
}

process.on('message', (cmd: GenCommand) => {
  handle(cmd)
    .then((reply) => process.send?.(reply))
    .catch((e: unknown) => process.send?.({ id: cmd.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies GenReply));
});
process.on('disconnect', () => process.exit(0));
