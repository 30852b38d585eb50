import { base64UrlEncode, MemoryVaultStore, verifyChallengeSignature } from '@lamplight/crypto';
import { API } from '@lamplight/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError, type Fetch } from './api-client.js';
import { createVaultModel, type VaultModel } from './vault-model.js';

const AUDIENCE = 'https://lamp.example';
const INVITATION = base64UrlEncode(new Uint8Array(32).fill(7));

type Account = { accountId: string; pseudonym: string; identityKey: string; devices: Map<string, string> };

/**
 * A stand-in for the server's identity routes at the network edge: it
 * checks signatures with the real verifier, so a wrong key or audience fails.
 */
function fakeServer() {
  const challenges = new Map<string, Uint8Array>();
  const accounts: Account[] = [];
  const tokens = new Map<string, Account>();
  const invitations = new Set([INVITATION]);
  const links = new Map<string, string>();
  let next = 0;
  const calls: string[] = [];

  const reply = (status: number, body?: unknown): Response =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const session = (account: Account, deviceId: string) => {
    const token = base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
    tokens.set(token, account);
    return { accountId: account.accountId, deviceId, role: 'member', token, expiresAt: 0 };
  };
  const take = (id: unknown): Uint8Array | undefined => {
    const c = challenges.get(id as string);
    challenges.delete(id as string);
    return c;
  };

  const fetch: Fetch = async (path, init) => {
    calls.push(`${init.method ?? 'GET'} ${path}`);
    const body = (typeof init.body === 'string' ? JSON.parse(init.body) : {}) as Record<string, string>;
    const auth = new Headers(init.headers).get('authorization')?.replace('Bearer ', '');
    switch (`${init.method} ${path}`) {
      case `POST ${API.challenge}`: {
        const id = String(next++);
        const challenge = crypto.getRandomValues(new Uint8Array(32));
        challenges.set(id, challenge);
        return reply(200, { challengeId: id, challenge: base64UrlEncode(challenge), expiresAt: 0 });
      }
      case `POST ${API.join}`: {
        const c = take(body['challengeId']);
        if (c === undefined) return reply(400, { error: 'challenge-invalid' });
        const ok =
          (await verifyChallengeSignature(body['identityKey']!, c, AUDIENCE, body['identitySignature']!)) &&
          (await verifyChallengeSignature(body['deviceKey']!, c, AUDIENCE, body['deviceSignature']!));
        if (!ok) return reply(401, { error: 'login-failed' });
        if (!invitations.delete(body['invitation']!)) return reply(400, { error: 'invitation-invalid' });
        const deviceId = `device-${next++}`;
        const account: Account = {
          accountId: `account-${next++}`,
          pseudonym: body['pseudonym']!,
          identityKey: body['identityKey']!,
          devices: new Map([[deviceId, body['deviceKey']!]]),
        };
        accounts.push(account);
        return reply(201, session(account, deviceId));
      }
      case `POST ${API.login}`: {
        const c = take(body['challengeId']);
        const account = accounts.find((a) => a.devices.has(body['deviceId']!));
        const key = account?.devices.get(body['deviceId']!);
        if (c === undefined || account === undefined || key === undefined || !(await verifyChallengeSignature(key, c, AUDIENCE, body['signature']!))) {
          return reply(401, { error: 'login-failed' });
        }
        return reply(200, session(account, body['deviceId']!));
      }
      case `POST ${API.recover}`: {
        const c = take(body['challengeId']);
        const account = accounts.find((a) => a.identityKey === body['identityKey']);
        if (
          c === undefined ||
          account === undefined ||
          !(await verifyChallengeSignature(body['identityKey']!, c, AUDIENCE, body['identitySignature']!)) ||
          !(await verifyChallengeSignature(body['deviceKey']!, c, AUDIENCE, body['deviceSignature']!))
        ) {
          return reply(401, { error: 'login-failed' });
        }
        const deviceId = `device-${next++}`;
        account.devices.set(deviceId, body['deviceKey']!);
        return reply(200, session(account, deviceId));
      }
      case `POST ${API.deviceLinks}`: {
        if (auth === undefined || !tokens.has(auth)) return reply(401, { error: 'unauthenticated' });
        links.set(body['linkId']!, body['sealed']!);
        return reply(201, { expiresAt: 600_000 });
      }
      case `POST ${API.deviceLinkClaim}`: {
        const sealed = links.get(body['linkId']!);
        links.delete(body['linkId']!);
        return sealed === undefined ? reply(404, { error: 'not-found' }) : reply(200, { sealed });
      }
      case `GET ${API.me}`:
      case `GET ${API.invitations}`: {
        const account = auth === undefined ? undefined : tokens.get(auth);
        if (account === undefined) return reply(401, { error: 'unauthenticated' });
        return reply(200, path === API.me ? { accountId: account.accountId, pseudonym: account.pseudonym } : { invitations: [] });
      }
      default:
        return reply(404, { error: 'not-found' });
    }
  };
  return { fetch, calls, tokens, accounts };
}

function model(store: MemoryVaultStore, fetch: Fetch): VaultModel {
  return createVaultModel({ store, fetch, audience: AUDIENCE, dangerousTestOnlyFastKdf: true });
}

async function storeText(store: MemoryVaultStore): Promise<string> {
  const parts: string[] = [];
  for (const key of await store.keys()) {
    parts.push(key, new TextDecoder().decode(await store.get(key)));
  }
  return parts.join('|');
}

describe('vault model', () => {
  it('joins: the vault holds the keys sealed, the view shows the account, the phrase has 12 words', async () => {
    const server = fakeServer();
    const store = new MemoryVaultStore();
    const m = model(store, server.fetch);
    await m.start();
    expect(m.getSnapshot()).toEqual({ status: 'empty' });
    const phrase = await m.join({ invitation: INVITATION, pseudonym: ' Moth ', passphrase: 'pass phrase 1', wordlist: 'en' });
    expect(phrase.split(' ')).toHaveLength(12);
    const view = m.getSnapshot();
    expect(view.status === 'unlocked' && view.account?.pseudonym).toBe('Moth');
    const text = await storeText(store);
    expect(text).not.toContain('Moth');
    expect(text).not.toContain(phrase.split(' ')[0]);
  });

  it('spends no vault on a refused invitation: the device stays empty', async () => {
    const server = fakeServer();
    const store = new MemoryVaultStore();
    const m = model(store, server.fetch);
    await m.start();
    const refused = m.join({ invitation: base64UrlEncode(new Uint8Array(32)), pseudonym: 'Moth', passphrase: 'pass phrase 1', wordlist: 'en' });
    await expect(refused).rejects.toEqual(new ApiError('invitation-invalid', 400));
    expect(m.getSnapshot()).toEqual({ status: 'empty' });
    expect(await store.keys()).toEqual([]);
  });

  it('locks, refuses a wrong passphrase, unlocks and signs in with the device key, again after a 401', async () => {
    const server = fakeServer();
    const store = new MemoryVaultStore();
    const m = model(store, server.fetch);
    await m.start();
    await m.join({ invitation: INVITATION, pseudonym: 'Moth', passphrase: 'pass phrase 1', wordlist: 'zh-TW' });
    m.lock();
    expect(m.getSnapshot()).toEqual({ status: 'locked' });
    expect(server.calls.at(-1)).toBe(`POST ${API.logout}`);
    await expect(m.call('GET', API.me)).rejects.toThrow('locked');

    expect(await m.unlock('wrong phrase')).toBe(false);
    expect(m.getSnapshot()).toEqual({ status: 'locked' });
    expect(await m.unlock('pass phrase 1')).toBe(true);
    expect(await m.call<{ pseudonym: string }>('GET', API.me)).toMatchObject({ pseudonym: 'Moth' });

    // The server forgets every session: the next call signs in again by itself.
    server.tokens.clear();
    const logins = server.calls.filter((c) => c === `POST ${API.login}`).length;
    expect(await m.call<{ pseudonym: string }>('GET', API.me)).toMatchObject({ pseudonym: 'Moth' });
    expect(server.calls.filter((c) => c === `POST ${API.login}`).length).toBe(logins + 1);
  });

  it('opens an empty profile with the second passphrase, with no account and no way to call the server', async () => {
    const server = fakeServer();
    const store = new MemoryVaultStore();
    const m = model(store, server.fetch);
    await m.start();
    await m.join({ invitation: INVITATION, pseudonym: 'Moth', passphrase: 'pass phrase 1', wordlist: 'en' });
    await m.setDuressPassphrase('other phrase 2');
    m.lock();
    const before = server.calls.length;
    expect(await m.unlock('other phrase 2')).toBe(true);
    expect(m.getSnapshot()).toEqual({ status: 'unlocked', account: undefined, settings: { idleMinutes: 5 } });
    await expect(m.call('GET', API.me)).rejects.toBeInstanceOf(ApiError);
    expect(server.calls.length).toBe(before);
    m.lock();
    expect(await m.unlock('pass phrase 1')).toBe(true);
    const view = m.getSnapshot();
    expect(view.status === 'unlocked' && view.account?.pseudonym).toBe('Moth');
  });

  it('restores the same account on a fresh device from the phrase, and wipes', async () => {
    const server = fakeServer();
    const first = model(new MemoryVaultStore(), server.fetch);
    await first.start();
    const phrase = await first.join({ invitation: INVITATION, pseudonym: 'Moth', passphrase: 'pass phrase 1', wordlist: 'zh-TW' });

    const store = new MemoryVaultStore();
    const second = model(store, server.fetch);
    await second.start();
    await expect(second.restore('not a phrase', 'new pass 123')).rejects.toThrow('invalid-phrase');
    await second.restore(phrase, 'new pass 123');
    const view = second.getSnapshot();
    expect(view.status === 'unlocked' && view.account).toMatchObject({ accountId: server.accounts[0]!.accountId, pseudonym: 'Moth' });
    expect(server.accounts[0]!.devices.size).toBe(2);

    await second.setIdleMinutes(15);
    second.lock();
    expect(await second.unlock('new pass 123')).toBe(true);
    expect(second.getSnapshot()).toMatchObject({ settings: { idleMinutes: 15 } });

    await second.wipe();
    expect(second.getSnapshot()).toEqual({ status: 'empty' });
    expect(await store.keys()).toEqual([]);
  });

  it('links a second device with a one-time code: same account, and the code works only once', async () => {
    const server = fakeServer();
    const first = model(new MemoryVaultStore(), server.fetch);
    await first.start();
    await first.join({ invitation: INVITATION, pseudonym: 'Moth', passphrase: 'pass phrase 1', wordlist: 'en' });
    const { code } = await first.offerLink();
    expect(code).toMatch(/^[A-Z2-9]{10}$/u);

    const second = model(new MemoryVaultStore(), server.fetch);
    await second.start();
    await second.restoreFromLink(code, 'second pass 1');
    expect(second.getSnapshot()).toMatchObject({ status: 'unlocked', account: { accountId: server.accounts[0]!.accountId } });

    const third = model(new MemoryVaultStore(), server.fetch);
    await third.start();
    await expect(third.restoreFromLink(code, 'third pass 12')).rejects.toEqual(new ApiError('not-found', 404));
    expect(third.getSnapshot()).toEqual({ status: 'empty' });
  });
});
