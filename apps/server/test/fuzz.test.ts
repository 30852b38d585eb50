import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type CircleView } from '@lamplight/protocol';
import { testEngines } from '@lamplight/storage/testing';
import { call, invite, joinMember, startTestServer, type TestMember, type TestServer } from './client.js';
import { privateMessage } from './mls-frame.js';
import { TestSocket } from './ws-client.js';

/** Frames generated per run: the issue asks for at least 100,000. */
const FRAMES = 100_000;
const BATCH = 2_000;
const DAY = 86_400_000;


const engine = testEngines(process.env)[0];

describe.skipIf(engine === undefined)('fuzzing the WebSocket relay', () => {
  let s: TestServer;
  let a: TestMember;
  let b: TestMember;
  let mine: string;
  let other: string;

  beforeAll(async () => {
    if (engine === undefined) return;
    s = await startTestServer(engine);
    a = await joinMember(s.base, s.stewardSecret, '模糊測試');
    b = await joinMember(s.base, (await invite(s.base, a.session.token)).secret, '旁觀者');
    mine = (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, a.session.token)).body.circleId;
    other = (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, b.session.token)).body.circleId;
  });
  afterAll(async () => {
    await s?.close();
  });

  it(`survives ${FRAMES.toLocaleString('en')} generated frames without crashing or touching another circle`, async () => {
    const circleIds = fc.constantFrom(mine, other, '00000000-0000-4000-8000-000000000000', 'not-a-uuid');
    const b64 = fc.uint8Array({ maxLength: 64 }).map((u) => Buffer.from(u).toString('base64url'));
    const mlsish = fc.oneof(b64, fc.tuple(fc.constantFrom(mine, other), fc.nat({ max: 3 }), fc.uint8Array({ maxLength: 32 })).map(([g, e, t]) => privateMessage(g, e, t)));
    const send = fc.record(
      {
        t: fc.constant('send'),
        clientId: fc.oneof(fc.string({ minLength: 16, maxLength: 20, unit: fc.constantFrom('a', 'b', 'Z', '-', '_', '7') }), fc.string()),
        circleId: circleIds,
        kind: fc.constantFrom('app', 'commit', 'other'),
        epoch: fc.oneof(fc.nat({ max: 3 }), fc.integer(), fc.double()),
        mls: mlsish,
        removes: fc.array(fc.uuid(), { maxLength: 2 }),
        adds: fc.array(fc.record({ accountId: fc.uuid(), role: fc.constantFrom('member', 'moderator', 'god') }), { maxLength: 2 }),
      },
      { requiredKeys: ['t', 'clientId', 'circleId', 'kind', 'epoch', 'mls'] },
    );
    const subscribe = fc.record({ t: fc.constant('subscribe'), circles: fc.array(fc.record({ circleId: circleIds, after: fc.oneof(fc.nat(), fc.integer()) }), { maxLength: 3 }) });
    const validSend = fc
      .tuple(fc.string({ minLength: 16, maxLength: 24, unit: fc.constantFrom('a', 'b', 'c', 'Q', '9', '-') }), fc.uint8Array({ maxLength: 64 }))
      .map(([clientId, tail]) => JSON.stringify({ t: 'send', clientId, circleId: mine, kind: 'app', epoch: 0, mls: privateMessage(mine, 0, tail) }));
    const frame = fc.oneof(
      // Stored sends cost a durable commit each; keep them about 1 % so the run stays short.
      { weight: 40, arbitrary: send.map((f) => JSON.stringify(f)) },
      { weight: 1, arbitrary: validSend },
      { weight: 20, arbitrary: subscribe.map((f) => JSON.stringify(f)) },
      { weight: 20, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 10, arbitrary: fc.string({ maxLength: 80 }) },
      { weight: 10, arbitrary: fc.constantFrom('{', '[]', 'null', '{"t":"ping"}', '{"t":"send"}', '\u0000', '{"t":"subscribe","circles":[]}') },
    );
    const frames = fc.sample(frame, { numRuns: FRAMES, seed: 20261121 });
    expect(frames).toHaveLength(FRAMES);

    let sock = await TestSocket.open(s.base, a.session.token);
    let sent = 0;
    const seen = new Map<string, number>();
    for (let i = 0; i < frames.length; i += BATCH) {
      if (sock.closeCode !== undefined) sock = await TestSocket.open(s.base, a.session.token);
      const batch = frames.slice(i, i + BATCH);
      for (const f of batch) sock.ws.send(f);
      sent += batch.length;
      // Frames are handled in order: once our own ping (after any the generator made) is
      // answered, the whole batch has been.
      const pongs = batch.filter((f) => f.replace(/\s/gu, '') === '{"t":"ping"}').length + 1;
      sock.send({ t: 'ping' });
      await sock.waitFor(() => sock.frames.filter((f) => f.t === 'pong').length >= pongs, 120_000);
      for (const f of sock.frames) {
        const k = f.t === 'error' ? `error:${f.code}` : f.t;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      sock.frames.length = 0;
    }
    expect(sent).toBe(FRAMES);
    // The generator reached every kind of answer: refusals of each sort, and real stores.
    for (const k of ['error:malformed', 'error:not-a-member', 'error:stale-epoch', 'ack', 'caught-up', 'pong']) expect(seen.get(k) ?? 0).toBeGreaterThan(0);
    await sock.close();

    const health = await call<{ status: string }>(s.base, 'GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    // The other circle got nothing from the fuzzer, and still works for its member.
    expect(await s.ctx.store.read.circles.entriesAfter(other, 0, 10, 0)).toEqual([]);
    const bs = await TestSocket.open(s.base, b.session.token);
    const clientId = randomBytes(12).toString('base64url');
    bs.send({ t: 'send', clientId, circleId: other, kind: 'app', epoch: 0, mls: privateMessage(other, 0, new Uint8Array([1, 2, 3])) });
    expect(await bs.waitFor((f) => f.t === 'ack' || f.t === 'error')).toMatchObject({ t: 'ack', seq: 1 });
    await bs.close();
  }, 240_000);
});
