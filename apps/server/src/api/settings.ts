import { communitySettings, type CommunitySettings } from '@lamplight/protocol';
import type { Reader } from '@lamplight/storage';

/** Settings a new community starts with. */
export const DEFAULT_SETTINGS: CommunitySettings = {
  invitationQuotaPerWeek: 5,
  invitationTtlHours: 72,
  probationDays: 14,
  maxTimerMs: 30 * 24 * 60 * 60 * 1000,
};

/** The community's settings, falling back to defaults for anything missing. */
export async function readSettings(read: Reader): Promise<CommunitySettings> {
  const row = await read.community.get();
  if (row === undefined) return DEFAULT_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(row.settings);
  } catch {
    stored = {};
  }
  const merged = communitySettings.safeParse({ ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}
