import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseAccount, parseSettings } from './records.js';

describe('vault records', () => {
  it('keeps only the auto-lock choices the app offers', () => {
    expect(parseSettings({ idleMinutes: 15 })).toEqual({ idleMinutes: 15 });
    expect(parseSettings({ idleMinutes: 0 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ idleMinutes: '5' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads an account record and refuses anything else', () => {
    const account = { accountId: 'a', deviceId: 'd', role: 'steward', pseudonym: 'Moth' };
    expect(parseAccount(account)).toEqual(account);
    expect(parseAccount({ ...account, role: 'admin' })).toBeUndefined();
    expect(parseAccount({ ...account, deviceId: 3 })).toBeUndefined();
    expect(parseAccount(null)).toBeUndefined();
  });
});
