import {
  base64UrlDecode,
  base64UrlEncode,
  createLinkCode,
  exportIdentitySecret,
  forgetIdentity,
  generateIdentity,
  IdentityError,
  importIdentitySecret,
  openLinkChannel,
  publicIdentity,
  restoreIdentity,
  signChallenge,
  Vault,
  VaultError,
  type CreateVaultOptions,
  type DeriveVaultKey,
  type Identity,
  type LinkOptions,
  type PhraseWordlist,
  type UnlockedVault,
  type VaultStore,
} from '@lamplight/crypto';
import {
  API,
  type ChallengeResponse,
  type JoinRequest,
  type MeResponse,
  type RecoverRequest,
  type SessionResponse,
} from '@lamplight/protocol';
import { apiCall, ApiError, type Fetch, type Method } from './api-client.js';
import {
  DEFAULT_SETTINGS,
  parseAccount,
  parseSettings,
  RECORD_KEYS,
  type AccountRecord,
  type VaultSettings,
} from './records.js';

/** What the screens see of the vault. Keys and the session token never appear here. */
export type VaultView =
  | Readonly<{ status: 'loading' }>
  /** No vault on this device: join or restore. */
  | Readonly<{ status: 'empty' }>
  | Readonly<{ status: 'locked' }>
  /** `account` is `undefined` in a profile without one (a fresh or second-passphrase profile). */
  | Readonly<{ status: 'unlocked'; account: AccountRecord | undefined; settings: VaultSettings }>;

/** What the model runs on. */
export type VaultModelDeps = Readonly<{
  store: VaultStore;
  fetch: Fetch;
  /** The origin signatures are bound to (`location.origin`). */
  audience: string;
  derive?: DeriveVaultKey;
  /** Tests only: libsodium's cheapest Argon2id. */
  dangerousTestOnlyFastKdf?: boolean;
}>;

/** What joining needs from the form. */
export type JoinInput = Readonly<{
  invitation: string;
  pseudonym: string;
  passphrase: string;
  wordlist: PhraseWordlist;
}>;

/** An open profile: the keys live here while unlocked, and nowhere else. */
type Session = {
  readonly vault: UnlockedVault;
  readonly keys: Readonly<{ identity: Identity; device: Identity }> | undefined;
  token: string | undefined;
  login: Promise<string> | undefined;
};

/** The app's vault and sign-in, as an external store for React. */
export type VaultModel = Readonly<{
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => VaultView;
  /** Find out whether this device holds a vault. */
  start: () => Promise<void>;
  /** Redeem an invitation, create the vault, sign in. Resolves with the recovery phrase to show once. */
  join: (input: JoinInput) => Promise<string>;
  /** Restore an identity on this device from its phrase (replacing any vault here). */
  restore: (phrase: string, passphrase: string) => Promise<void>;
  /** Restore an identity on this device from a one-time code another device of the member shows. */
  restoreFromLink: (code: string, passphrase: string) => Promise<void>;
  /** Park this identity, sealed under a fresh one-time code, for a new device; resolves with the code to show. */
  offerLink: () => Promise<Readonly<{ code: string; expiresAt: number }>>;
  /** Open whichever profile the passphrase belongs to; `false` for a wrong one. */
  unlock: (passphrase: string) => Promise<boolean>;
  /** Drop every key and the session from memory now (synchronous, for quick exit). */
  lock: () => void;
  /** Delete everything this device holds. */
  wipe: () => Promise<void>;
  /** Delete the account on the server, then wipe this device. */
  deleteAccount: () => Promise<void>;
  setDuressPassphrase: (passphrase: string) => Promise<void>;
  setIdleMinutes: (minutes: number) => Promise<void>;
  /** A signed-in call to the API; signs in again once on 401. */
  call: <T>(method: Method, path: string, body?: unknown) => Promise<T>;
  /**
   * The open profile's sealed records, for features that keep data in the
   * vault (toolkit, safety plan, circle state). Throws `locked` when locked.
   * Feature records use their own key prefix (e.g. `toolkit.`, `circle.`).
   */
  records: () => UnlockedVault;
  /** A valid session token (signing in first if needed), e.g. to open the WebSocket. */
  sessionToken: () => Promise<string>;
}>;

async function signed(identity: Identity, challenge: string, audience: string): Promise<string> {
  const bytes = base64UrlDecode(challenge);
  if (bytes === undefined) throw new ApiError('internal', 0);
  return base64UrlEncode(await signChallenge(identity, bytes, audience));
}

function forgetKeys(keys: Session['keys']): void {
  if (keys === undefined) return;
  void forgetIdentity(keys.identity);
  void forgetIdentity(keys.device);
}

/** Create the model. Nothing touches the store until {@link VaultModel.start}. */
export function createVaultModel(deps: VaultModelDeps): VaultModel {
  const { store, fetch: fetchFn, audience } = deps;
  const vaultOptions: CreateVaultOptions = {
    ...(deps.derive === undefined ? {} : { derive: deps.derive }),
    ...(deps.dangerousTestOnlyFastKdf === true ? { dangerousTestOnlyFastKdf: true } : {}),
  };
  const linkOptions: LinkOptions = deps.dangerousTestOnlyFastKdf === true ? { dangerousTestOnlyFastKdf: true } : {};
  const listeners = new Set<() => void>();
  let view: VaultView = { status: 'loading' };
  let session: Session | undefined;

  const set = (next: VaultView): void => {
    view = next;
    for (const l of listeners) l();
  };
  const challenge = (): Promise<ChallengeResponse> => apiCall<ChallengeResponse>(fetchFn, 'POST', API.challenge);

  const open = async (vault: UnlockedVault, keys: Session['keys'], token?: string): Promise<void> => {
    const account = parseAccount(await vault.get(RECORD_KEYS.account));
    const settings = parseSettings(await vault.get(RECORD_KEYS.settings));
    session = { vault, keys: account === undefined ? undefined : keys, token, login: undefined };
    set({ status: 'unlocked', account: session.keys === undefined ? undefined : account, settings });
  };

  const seal = async (vault: UnlockedVault, keys: NonNullable<Session['keys']>, account: AccountRecord): Promise<void> => {
    await vault.putBytes(RECORD_KEYS.identity, exportIdentitySecret(keys.identity));
    await vault.putBytes(RECORD_KEYS.device, exportIdentitySecret(keys.device));
    await vault.put(RECORD_KEYS.account, account);
    await vault.put(RECORD_KEYS.settings, DEFAULT_SETTINGS);
  };

  const login = (s: Session): Promise<string> => {
    const keys = s.keys;
    const account = view.status === 'unlocked' ? view.account : undefined;
    if (keys === undefined || account === undefined) return Promise.reject(new ApiError('unauthenticated', 401));
    s.login ??= (async () => {
      const c = await challenge();
      const body = { deviceId: account.deviceId, challengeId: c.challengeId, signature: await signed(keys.device, c.challenge, audience) };
      const reply = await apiCall<SessionResponse>(fetchFn, 'POST', API.login, body);
      if (session === s) s.token = reply.token;
      return reply.token;
    })().finally(() => {
      s.login = undefined;
    });
    return s.login;
  };

  const lock = (): void => {
    const s = session;
    session = undefined;
    if (s !== undefined) {
      s.vault.lock();
      forgetKeys(s.keys);
      // The token dies with this memory anyway; ending it on the server too leaves nothing to replay.
      if (s.token !== undefined) apiCall(fetchFn, 'POST', API.logout, undefined, s.token, { keepalive: true }).catch(() => undefined);
    }
    if (view.status === 'unlocked') set({ status: 'locked' });
  };

  const current = (): Session => {
    if (session === undefined) throw new VaultError('locked');
    return session;
  };

  /** Make a vault for an identity restored here (from the phrase or a link), once the server admits this device. */
  const adopt = async (identity: Identity, passphrase: string): Promise<void> => {
    const device = (await generateIdentity('en')).identity;
    const keys = { identity, device };
    try {
      const c = await challenge();
      const body: RecoverRequest = {
        identityKey: publicIdentity(identity).signPublicKey,
        deviceKey: publicIdentity(device).signPublicKey,
        challengeId: c.challengeId,
        identitySignature: await signed(identity, c.challenge, audience),
        deviceSignature: await signed(device, c.challenge, audience),
      };
      const reply = await apiCall<SessionResponse>(fetchFn, 'POST', API.recover, body);
      const me = await apiCall<MeResponse>(fetchFn, 'GET', API.me, undefined, reply.token);
      lock();
      await Vault.wipe(store);
      const vault = await Vault.create(store, passphrase, vaultOptions);
      await seal(vault, keys, { accountId: reply.accountId, deviceId: reply.deviceId, role: reply.role, pseudonym: me.pseudonym });
      await open(vault, keys, reply.token);
    } catch (error) {
      forgetKeys(keys);
      if (session === undefined && view.status !== 'loading') set({ status: (await Vault.exists(store)) ? 'locked' : 'empty' });
      throw error;
    }
  };

  const model: VaultModel = {
    records: () => current().vault,
    sessionToken: async () => {
      const s = current();
      return s.token ?? login(s);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => view,

    async start() {
      if (view.status !== 'loading') return;
      set({ status: (await Vault.exists(store)) ? 'locked' : 'empty' });
    },

    async join({ invitation, pseudonym, passphrase, wordlist }) {
      if (await Vault.exists(store)) throw new VaultError('vault-exists');
      const { phrase, identity } = await generateIdentity(wordlist);
      const device = (await generateIdentity('en')).identity;
      const keys = { identity, device };
      // The vault first: if it cannot be made on this device, no invitation is spent.
      const vault = await Vault.create(store, passphrase, vaultOptions);
      try {
        const c = await challenge();
        const pub = publicIdentity(identity);
        const body: JoinRequest = {
          invitation,
          pseudonym: pseudonym.trim(),
          attestAdult: true,
          acceptGuidelines: true,
          identityKey: pub.signPublicKey,
          kxKey: pub.kxPublicKey,
          deviceKey: publicIdentity(device).signPublicKey,
          challengeId: c.challengeId,
          identitySignature: await signed(identity, c.challenge, audience),
          deviceSignature: await signed(device, c.challenge, audience),
        };
        const reply = await apiCall<SessionResponse>(fetchFn, 'POST', API.join, body);
        await seal(vault, keys, { accountId: reply.accountId, deviceId: reply.deviceId, role: reply.role, pseudonym: body.pseudonym });
        lock();
        await open(vault, keys, reply.token);
        return phrase;
      } catch (error) {
        vault.lock();
        forgetKeys(keys);
        await Vault.wipe(store);
        set({ status: 'empty' });
        throw error;
      }
    },

    async restore(phrase, passphrase) {
      await adopt(await restoreIdentity(phrase), passphrase);
    },

    async restoreFromLink(code, passphrase) {
      const channel = await openLinkChannel(code, linkOptions);
      let secret: Uint8Array;
      try {
        const claimed = await apiCall<{ sealed: string }>(fetchFn, 'POST', API.deviceLinkClaim, { linkId: channel.lookupId });
        const sealed = base64UrlDecode(claimed.sealed);
        if (sealed === undefined) throw new IdentityError('link-open-failed');
        secret = channel.open(sealed);
      } finally {
        channel.close();
      }
      await adopt(await importIdentitySecret(secret), passphrase);
    },

    async offerLink() {
      const keys = current().keys;
      if (keys === undefined) throw new ApiError('unauthenticated', 401);
      const code = await createLinkCode();
      const channel = await openLinkChannel(code, linkOptions);
      let body: { linkId: string; sealed: string };
      try {
        body = { linkId: channel.lookupId, sealed: base64UrlEncode(channel.seal(exportIdentitySecret(keys.identity))) };
      } finally {
        channel.close();
      }
      const reply = await model.call<{ expiresAt: number }>('POST', API.deviceLinks, body);
      return { code, expiresAt: reply.expiresAt };
    },

    async unlock(passphrase) {
      const result = await Vault.unlock(store, passphrase, vaultOptions);
      if (!result.ok) return false;
      const { vault } = result;
      const identitySecret = await vault.getBytes(RECORD_KEYS.identity);
      const deviceSecret = await vault.getBytes(RECORD_KEYS.device);
      const keys =
        identitySecret === undefined || deviceSecret === undefined
          ? undefined
          : { identity: await importIdentitySecret(identitySecret), device: await importIdentitySecret(deviceSecret) };
      lock();
      await open(vault, keys);
      // Signing in can wait for the first call that needs it; a failure here is retried then.
      if (session?.keys !== undefined) login(session).catch(() => undefined);
      return true;
    },

    lock,

    async wipe() {
      lock();
      await Vault.wipe(store);
      set({ status: 'empty' });
    },

    async deleteAccount() {
      await model.call('DELETE', API.me);
      await model.wipe();
    },

    async setDuressPassphrase(passphrase) {
      await current().vault.setDuressPassphrase(passphrase);
    },

    async setIdleMinutes(minutes) {
      const s = current();
      const settings = parseSettings({ idleMinutes: minutes });
      await s.vault.put(RECORD_KEYS.settings, settings);
      if (session === s && view.status === 'unlocked') set({ ...view, settings });
    },

    async call<T>(method: Method, path: string, body?: unknown): Promise<T> {
      const s = current();
      const token = s.token ?? (await login(s));
      try {
        return await apiCall<T>(fetchFn, method, path, body, token);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401 || session !== s) throw error;
        s.token = undefined;
        return apiCall<T>(fetchFn, method, path, body, await login(s));
      }
    },
  };
  return model;
}
