import type { Role } from '@lamplight/protocol';

/** Logical keys of the records a profile keeps in the vault. */
export const RECORD_KEYS = {
  /** {@link AccountRecord}: who this device is on the server. */
  account: 'account',
  /** Bytes: the identity secret (as sensitive as the recovery phrase). */
  identity: 'identity',
  /** Bytes: this device's signing key secret. */
  device: 'device',
  /** {@link VaultSettings}. */
  settings: 'settings',
} as const;

/** Who this device is on the server. Lives only inside the sealed vault. */
export type AccountRecord = Readonly<{
  accountId: string;
  deviceId: string;
  role: Role;
  pseudonym: string;
}>;

/** The auto-lock choices, in minutes. */
export const IDLE_MINUTES_CHOICES = [1, 5, 15, 30] as const;

/** How long the app may sit unused before it locks, by default. */
export const DEFAULT_IDLE_MINUTES = 5;

/** Settings kept inside the vault (so a locked phone reveals none of them). */
export type VaultSettings = Readonly<{ idleMinutes: number }>;

/** The settings a new or empty profile starts with. */
export const DEFAULT_SETTINGS: VaultSettings = { idleMinutes: DEFAULT_IDLE_MINUTES };

/** Read settings from whatever the vault held, keeping only known, sane values. */
export function parseSettings(value: unknown): VaultSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_SETTINGS;
  const minutes = (value as { idleMinutes?: unknown }).idleMinutes;
  return (IDLE_MINUTES_CHOICES as readonly unknown[]).includes(minutes) ? { idleMinutes: minutes as number } : DEFAULT_SETTINGS;
}

/** Read an account record from whatever the vault held, or `undefined` if it is not one. */
export function parseAccount(value: unknown): AccountRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const { accountId, deviceId, role, pseudonym } = v;
  if (typeof accountId !== 'string' || typeof deviceId !== 'string' || typeof pseudonym !== 'string') return undefined;
  if (role !== 'member' && role !== 'steward') return undefined;
  return { accountId, deviceId, role, pseudonym };
}
